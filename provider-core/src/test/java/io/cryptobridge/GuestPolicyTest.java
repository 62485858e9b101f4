package io.cryptobridge;

import static io.cryptobridge.HostCalls.KEY_EXCHANGE;
import static io.cryptobridge.HostCalls.SIGNATURES;
import static io.cryptobridge.HostCalls.UNTOUCHED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cryptobridge.config.GuestProfile;
import io.cryptobridge.routing.FakeBackend;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Guest profiles through the ABI: what the profile allows works, everything else is refused. */
class GuestPolicyTest {
    private static final int PROHIBITED = CryptoErrno.PROHIBITED_OPERATION.code();

    private final FakeBackend backend =
            new FakeBackend("fake", "SHA-256", "SHA-512", "Ed25519", "X25519");
    private final CryptoHost host =
            CryptoHost.builder()
                    .backend(backend)
                    .guest(
                            new GuestProfile(
                                    "payments",
                                    "payments-ns",
                                    Set.of("SHA-256", "Ed25519"),
                                    new SessionLimits(100, 1000),
                                    0))
                    .build();
    private final GuestSession session = host.newSession("payments");
    private final HostCalls guest = new HostCalls(session);

    @AfterEach
    void close() {
        session.close();
        host.close();
    }

    @Test
    void allowedAlgorithm_works() {
        int state = guest.slot();
        assertEquals(0, guest.openState("SHA-256", state));
        assertEquals(0, guest.openState("sha-256", guest.slot()), "names are case-insensitive");
    }

    @Test
    void algorithmOutsideAllow_prohibitedOperationAndTheBackendIsNotAsked() {
        int state = guest.slot();

        assertEquals(PROHIBITED, guest.openState("SHA-512", state));
        assertEquals(PROHIBITED, guest.openState("sha-512", state));

        assertEquals(UNTOUCHED, guest.i32(state));
        assertFalse(backend.operations().contains("hash SHA-512"), backend.operations().toString());
    }

    @Test
    void unknownAlgorithm_staysUnsupportedAlgorithm() {
        assertEquals(
                CryptoErrno.UNSUPPORTED_ALGORITHM.code(),
                guest.openState("SHA-1024", guest.slot()));
    }

    @Test
    void policyComesBeforeCapability() {
        // AES-256-GCM is neither allowed nor served: the guest learns it is prohibited.
        String algorithm = "AES-256-GCM";
        assertEquals(
                PROHIBITED,
                guest.call(
                        "symmetric_key_generate",
                        guest.put(algorithm),
                        algorithm.length(),
                        guest.none(),
                        guest.slot()));
    }

    @Test
    void keyGenerationAndImportOfProhibitedAlgorithms_prohibitedOperation() {
        assertEquals(0, guest.generateKeyPair(SIGNATURES, "Ed25519", guest.slot()));
        assertEquals(PROHIBITED, guest.generateKeyPair(KEY_EXCHANGE, "X25519", guest.slot()));
        String symmetric = "SHA-512";
        byte[] raw = new byte[64];
        assertEquals(
                CryptoErrno.KEY_NOT_SUPPORTED.code(),
                guest.call(
                        "symmetric_key_import",
                        guest.put("SHA-256"),
                        7,
                        guest.put(raw),
                        raw.length,
                        guest.slot()),
                "allowed: the usual errors");
        assertEquals(
                PROHIBITED,
                guest.call(
                        "symmetric_key_import",
                        guest.put(symmetric),
                        symmetric.length(),
                        guest.put(raw),
                        raw.length,
                        guest.slot()));
        String publicKey = "X25519";
        assertEquals(
                PROHIBITED,
                guest.call(
                        "publickey_import",
                        KEY_EXCHANGE,
                        guest.put(publicKey),
                        publicKey.length(),
                        guest.put(new byte[32]),
                        32,
                        0,
                        guest.slot()));
    }

    @Test
    void signatureImportOfProhibitedAlgorithm_prohibitedOperation() {
        String algorithm = "ECDSA_P256_SHA256";
        assertEquals(
                PROHIBITED,
                guest.call(
                        "signature_import",
                        guest.put(algorithm),
                        algorithm.length(),
                        guest.put(new byte[64]),
                        64,
                        0,
                        guest.slot()));
    }

    @Test
    void allowedSignatureAlgorithm_signsThroughTheAbi() {
        int pair = guest.slot();
        assertEquals(0, guest.generateKeyPair(SIGNATURES, "Ed25519", pair));
        int state = guest.slot();
        assertEquals(0, guest.call("signature_state_open", guest.i32(pair), state));
        int signature = guest.slot();
        assertEquals(0, guest.call("signature_state_sign", guest.i32(state), signature));
    }

    @Test
    void profile_setsNamespaceAndLimits() {
        assertEquals("payments-ns", session.namespace());
        assertEquals(new SessionLimits(100, 1000), session.limits());
        assertEquals(Optional.of("payments"), session.policy().profile());
    }

    @Test
    void sessionWithoutProfile_mayUseEverything() {
        try (GuestSession open = host.newSession()) {
            HostCalls other = new HostCalls(open);
            assertEquals(0, other.openState("SHA-512", other.slot()));
            assertEquals(0, other.generateKeyPair(KEY_EXCHANGE, "X25519", other.slot()));
            assertEquals("default", open.namespace());
            assertEquals(SessionLimits.DEFAULT, open.limits());
        }
    }

    @Test
    void unknownProfile_failsNamingTheDefinedOnes() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> host.newSession("paymnets"));
        assertEquals("unknown guest profile 'paymnets' (defined: payments)", e.getMessage());
    }

    @Test
    void keysOfOneSession_areInvisibleToAnother() {
        int pair = guest.slot();
        assertEquals(0, guest.generateKeyPair(SIGNATURES, "Ed25519", pair));
        try (GuestSession otherSession = host.newSession("payments")) {
            HostCalls other = new HostCalls(otherSession);
            assertEquals(
                    CryptoErrno.INVALID_HANDLE.code(),
                    other.call("keypair_publickey", guest.i32(pair), other.slot()));
            assertEquals(
                    CryptoErrno.INVALID_HANDLE.code(),
                    other.call("signature_state_open", guest.i32(pair), other.slot()));
            assertEquals(
                    CryptoErrno.INVALID_HANDLE.code(),
                    other.call("keypair_close", guest.i32(pair)));
        }
        int state = guest.slot();
        assertEquals(0, guest.call("signature_state_open", guest.i32(pair), state), "still alive");
    }
}
