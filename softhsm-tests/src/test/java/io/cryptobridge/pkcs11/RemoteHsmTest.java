package io.cryptobridge.pkcs11;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cryptobridge.CryptoErrno;
import io.cryptobridge.CryptoException;
import io.cryptobridge.CryptoHost;
import io.cryptobridge.asymmetric.AsymmetricAlgorithm;
import io.cryptobridge.asymmetric.PublicKeyEncoding;
import io.cryptobridge.kx.KxAlgorithm;
import io.cryptobridge.signatures.SignatureAlgorithm;
import io.cryptobridge.software.SoftwareBackend;
import io.cryptobridge.spi.Backend;
import io.cryptobridge.spi.BackendKeyPair;
import io.cryptobridge.spi.HashEngine;
import io.cryptobridge.spi.MacEngine;
import io.cryptobridge.spi.SignaturePrimitives;
import io.cryptobridge.spi.SignerEngine;
import io.cryptobridge.spi.SymmetricPrimitives;
import io.cryptobridge.spi.VerifierEngine;
import io.cryptobridge.symmetric.SymmetricAlgorithm;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The SoftHSM token as a remote HSM: {@code p11-kit server} exports it on a unix socket and the
 * backend loads {@code p11-kit-client.so}. Debian 12's p11-kit 0.24.1 forwards only the mechanisms
 * its RPC can serialize; the capability table has to show exactly what it drops, the rest must work
 * remotely, and a server that dies and comes back must give clean errnos and then work again.
 */
@TestMethodOrder(MethodOrderer.MethodName.class)
class RemoteHsmTest {
    @RegisterExtension
    @Order(1)
    static final SoftHsmToken TOKEN = new SoftHsmToken();

    @RegisterExtension
    @Order(2)
    static final P11KitServer SERVER = new P11KitServer(TOKEN);

    private static final Duration LIMIT = Duration.ofSeconds(30);
    private static final byte[] MESSAGE = "a remote signature".getBytes(StandardCharsets.UTF_8);

    private final SoftwareBackend software = new SoftwareBackend("soft", new SecureRandom());
    private Pkcs11Backend remote;

    @BeforeEach
    void openRemote() {
        remote = assertTimeoutPreemptively(LIMIT, () -> SERVER.open());
    }

    @AfterEach
    void closeRemote() {
        assertTimeoutPreemptively(LIMIT, () -> remote.close());
    }

    @Test
    void capabilities_overP11Kit_dropAesGcmEcdhAndEd25519() {
        Set<Object> local = new HashSet<>();
        Set<Object> overRpc = new HashSet<>();
        try (Pkcs11Backend direct = TOKEN.open()) {
            local.addAll(direct.capabilities().algorithms());
            local.addAll(direct.asymmetricCapabilities().algorithms());
        }
        overRpc.addAll(remote.capabilities().algorithms());
        overRpc.addAll(remote.asymmetricCapabilities().algorithms());

        Set<Object> dropped = new HashSet<>(local);
        dropped.removeAll(overRpc);
        assertEquals(
                Set.of(
                        SymmetricAlgorithm.AES_128_GCM,
                        SymmetricAlgorithm.AES_256_GCM,
                        SignatureAlgorithm.ED25519,
                        KxAlgorithm.P256_SHA256,
                        KxAlgorithm.P384_SHA384),
                dropped);
        assertTrue(local.containsAll(overRpc), "the RPC adds nothing: " + overRpc);
    }

    @Test
    void remainingOperations_overP11Kit_signMacAndHashOnTheRemoteToken() {
        SignaturePrimitives onRemote = remote.signatures().orElseThrow();
        SignaturePrimitives inSoftware = software.signatures().orElseThrow();
        for (SignatureAlgorithm algorithm :
                new SignatureAlgorithm[] {
                    SignatureAlgorithm.ECDSA_P256_SHA256,
                    SignatureAlgorithm.ECDSA_P384_SHA384,
                    SignatureAlgorithm.RSA_PKCS1_2048_SHA256,
                    SignatureAlgorithm.RSA_PSS_2048_SHA256
                }) {
            BackendKeyPair pair = onRemote.generateKeyPair(algorithm);
            byte[] signature = sign(onRemote, algorithm, pair);
            assertTrue(verify(inSoftware, algorithm, pair, signature), algorithm + " verifies");
        }

        SymmetricPrimitives symmetricRemote = remote.symmetric().orElseThrow();
        SymmetricPrimitives symmetricSoftware = software.symmetric().orElseThrow();
        byte[] raw = new byte[32];
        new SecureRandom().nextBytes(raw);
        assertArrayEquals(
                tag(symmetricSoftware, raw), tag(symmetricRemote, raw), "HMAC-SHA256 tag");
        assertArrayEquals(
                digest(symmetricSoftware, SymmetricAlgorithm.SHA_512),
                digest(symmetricRemote, SymmetricAlgorithm.SHA_512));
    }

    @Test
    void router_remoteHsmThenSoftware_routesDroppedAlgorithmsToSoftware() {
        SoftwareBackend soft = new SoftwareBackend("software", new SecureRandom());
        CryptoHost host = CryptoHost.builder().backend(remote).backend(soft).build();

        assertSame(remote, servedBy(host, SignatureAlgorithm.ECDSA_P256_SHA256.specName()));
        assertSame(remote, servedBy(host, SignatureAlgorithm.RSA_PSS_2048_SHA256.specName()));
        assertSame(remote, servedBy(host, SymmetricAlgorithm.HMAC_SHA_256.specName()));
        assertSame(soft, servedBy(host, SymmetricAlgorithm.AES_256_GCM.specName()));
        assertSame(soft, servedBy(host, SignatureAlgorithm.ED25519.specName()));
        assertSame(soft, servedBy(host, KxAlgorithm.P256_SHA256.specName()));
        assertSame(soft, servedBy(host, KxAlgorithm.X25519.specName()));
    }

    @Test
    void serverKilled_operationsFailCleanly_thenRecoverAfterRestart() throws Exception {
        SignaturePrimitives onRemote = remote.signatures().orElseThrow();
        SymmetricPrimitives symmetricRemote = remote.symmetric().orElseThrow();
        SignatureAlgorithm ecdsa = SignatureAlgorithm.ECDSA_P256_SHA256;
        BackendKeyPair before = onRemote.generateKeyPair(ecdsa);
        sign(onRemote, ecdsa, before);

        SERVER.kill();

        CryptoException signAfterKill =
                assertTimeoutPreemptively(
                        LIMIT,
                        () ->
                                assertThrows(
                                        CryptoException.class,
                                        () -> sign(onRemote, ecdsa, before)));
        assertEquals(CryptoErrno.ALGORITHM_FAILURE, signAfterKill.errno());
        assertTrue(
                signAfterKill.getMessage().contains("connection to the token lost"),
                signAfterKill.getMessage());
        CryptoException keygenWhileDown =
                assertTimeoutPreemptively(
                        LIMIT,
                        () ->
                                assertThrows(
                                        CryptoException.class,
                                        () -> onRemote.generateKeyPair(ecdsa)));
        assertEquals(CryptoErrno.ALGORITHM_FAILURE, keygenWhileDown.errno());
        CryptoException hashWhileDown =
                assertTimeoutPreemptively(
                        LIMIT,
                        () ->
                                assertThrows(
                                        CryptoException.class,
                                        () -> digest(symmetricRemote, SymmetricAlgorithm.SHA_256)));
        assertEquals(CryptoErrno.ALGORITHM_FAILURE, hashWhileDown.errno());

        SERVER.start();

        // No new backend, no call from the embedder: the next operations reconnect by themselves.
        assertTimeoutPreemptively(
                LIMIT,
                () -> {
                    assertArrayEquals(
                            digest(software.symmetric().orElseThrow(), SymmetricAlgorithm.SHA_256),
                            digest(symmetricRemote, SymmetricAlgorithm.SHA_256));
                    BackendKeyPair after = onRemote.generateKeyPair(ecdsa);
                    assertTrue(
                            verify(
                                    software.signatures().orElseThrow(),
                                    ecdsa,
                                    after,
                                    sign(onRemote, ecdsa, after)));
                });
        // The old key was a session object of the dead server: gone, and never another key.
        CryptoException oldKey =
                assertTimeoutPreemptively(
                        LIMIT,
                        () ->
                                assertThrows(
                                        CryptoException.class,
                                        () -> sign(onRemote, ecdsa, before)));
        assertEquals(CryptoErrno.INVALID_KEY, oldKey.errno());
        assertFalse(remote.asymmetricCapabilities().algorithms().isEmpty());
    }

    private static Backend servedBy(CryptoHost host, String specName) {
        return host.router().route(specName).backend();
    }

    private static byte[] sign(
            SignaturePrimitives backend, SignatureAlgorithm algorithm, BackendKeyPair pair) {
        SignerEngine signer = backend.newSigner(algorithm, pair);
        signer.update(MESSAGE, 0, MESSAGE.length);
        return signer.sign();
    }

    private static boolean verify(
            SignaturePrimitives verifierBackend,
            AsymmetricAlgorithm algorithm,
            BackendKeyPair pair,
            byte[] signature) {
        SignatureAlgorithm signatureAlgorithm = (SignatureAlgorithm) algorithm;
        VerifierEngine verifier =
                verifierBackend.newVerifier(
                        signatureAlgorithm,
                        verifierBackend.importPublicKey(
                                signatureAlgorithm,
                                PublicKeyEncoding.PKCS8,
                                pair.publicKey().export(PublicKeyEncoding.PKCS8)));
        verifier.update(MESSAGE, 0, MESSAGE.length);
        return verifier.verify(signature);
    }

    private static byte[] tag(SymmetricPrimitives backend, byte[] raw) {
        MacEngine mac =
                backend.newMac(
                        SymmetricAlgorithm.HMAC_SHA_256,
                        backend.importKey(SymmetricAlgorithm.HMAC_SHA_256, raw));
        mac.update(MESSAGE, 0, MESSAGE.length);
        return mac.tag();
    }

    private static byte[] digest(SymmetricPrimitives backend, SymmetricAlgorithm algorithm) {
        HashEngine hash = backend.newHash(algorithm);
        hash.update(MESSAGE, 0, MESSAGE.length);
        return hash.digest();
    }
}
