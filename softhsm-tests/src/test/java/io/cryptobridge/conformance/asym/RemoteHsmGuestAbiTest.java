package io.cryptobridge.conformance.asym;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.cryptobridge.CryptoErrno;
import io.cryptobridge.CryptoHost;
import io.cryptobridge.asymmetric.KeyPairEncoding;
import io.cryptobridge.conformance.GuestRunner;
import io.cryptobridge.conformance.asym.AsymReactor.Outcome;
import io.cryptobridge.pkcs11.P11KitServer;
import io.cryptobridge.pkcs11.Pkcs11Backend;
import io.cryptobridge.pkcs11.SoftHsmToken;
import io.cryptobridge.signatures.SignatureAlgorithm;
import io.cryptobridge.software.SoftwareBackend;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A guest on a {@code [remote-hsm, software]} host while the p11-kit server dies and comes back:
 * the guest sees errnos (never a trap), software-routed algorithms keep working, and signing on the
 * remote token works again after the restart without anything done on the host side.
 */
class RemoteHsmGuestAbiTest {
    @RegisterExtension
    @Order(1)
    static final SoftHsmToken TOKEN = new SoftHsmToken();

    @RegisterExtension
    @Order(2)
    static final P11KitServer SERVER = new P11KitServer(TOKEN);

    private static final Duration LIMIT = Duration.ofSeconds(30);
    private static final byte[] MESSAGE = "guest message".getBytes(StandardCharsets.UTF_8);

    @Test
    void serverKilledAndRestarted_guestGetsErrnosThenSignsAgain() throws Exception {
        SoftwareBackend software = new SoftwareBackend("software", new SecureRandom());
        byte[] ecdsaKey = pkcs8(software, SignatureAlgorithm.ECDSA_P256_SHA256);
        byte[] ed25519Key = pkcs8(software, SignatureAlgorithm.ED25519);
        try (Pkcs11Backend remote = SERVER.open();
                CryptoHost host = CryptoHost.builder().backend(remote).backend(software).build();
                GuestRunner runner = GuestRunner.builder().host(host).build();
                AsymReactor guest = new AsymReactor(runner)) {
            assertEquals(0, signEcdsa(guest, ecdsaKey).code(), "signed on the remote token");

            SERVER.kill();

            Outcome whileDown = assertTimeoutPreemptively(LIMIT, () -> signEcdsa(guest, ecdsaKey));
            assertEquals(
                    CryptoErrno.ALGORITHM_FAILURE,
                    AbiResult.errno(whileDown.code()),
                    whileDown.toString());
            assertEquals(
                    0,
                    signEd25519(guest, ed25519Key).code(),
                    "Ed25519 is routed to software and does not need the server");

            SERVER.start();

            Outcome after =
                    assertTimeoutPreemptively(
                            LIMIT,
                            () -> {
                                // The backend reconnects at most once per second.
                                Outcome attempt = signEcdsa(guest, ecdsaKey);
                                while (AbiResult.errno(attempt.code())
                                        == CryptoErrno.ALGORITHM_FAILURE) {
                                    Thread.sleep(100);
                                    attempt = signEcdsa(guest, ecdsaKey);
                                }
                                return attempt;
                            });
            assertEquals(0, after.code(), after.toString());
            assertEquals(64, after.output().length);
        }
    }

    private static byte[] pkcs8(SoftwareBackend software, SignatureAlgorithm algorithm) {
        return software.signatures()
                .orElseThrow()
                .generateKeyPair(algorithm)
                .export(KeyPairEncoding.PKCS8);
    }

    private static Outcome signEcdsa(AsymReactor guest, byte[] key) {
        return guest.sign(
                "ECDSA_P256_SHA256", key, AsymReactor.PKCS8, MESSAGE, AsymReactor.SIG_RAW);
    }

    private static Outcome signEd25519(AsymReactor guest, byte[] key) {
        return guest.sign("Ed25519", key, AsymReactor.PKCS8, MESSAGE, AsymReactor.SIG_RAW);
    }
}
