package io.cryptobridge.conformance.asym;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cryptobridge.CryptoErrno;
import io.cryptobridge.SessionLimits;
import io.cryptobridge.conformance.asym.AsymReactor.Outcome;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Ed25519 buffers the whole message (it is two-pass), so the session caps what a state may buffer
 * (spec §1.6: SHOULD cap, {@code overflow} past it). Streaming schemes are not capped. A session
 * with a 1 KiB cap makes the limit cheap to reach.
 */
class MessageBufferCapAbiTest {
    static final int CAP = 1024;

    /** Package-visible: a subclass in softhsm-tests swaps in a guest on an HSM host. */
    static AsymReactor guest;

    private static byte[] ed25519KeyPair;
    private static byte[] ed25519PublicKey;
    private static byte[] ecdsaKeyPair;

    @BeforeAll
    static void start() {
        guest = new AsymReactor(new SessionLimits(4096, CAP));
        // RFC 8032 TEST 1 key: seed || public key.
        ed25519PublicKey =
                HexFormat.of()
                        .parseHex(
                                "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
        ed25519KeyPair =
                HexFormat.of()
                        .parseHex(
                                "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"
                                        + "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
        // A P-256 scalar (raw key pair encoding = the big-endian scalar).
        ecdsaKeyPair =
                HexFormat.of()
                        .parseHex(
                                "0612465c89a023ab17855b0a6bcebfd3febb53aef84138647b5352e02c10c346");
    }

    @AfterAll
    static void stop() {
        if (guest != null) {
            guest.close();
        }
    }

    @Test
    void sign_ed25519MessageAtTheCap_succeedsAndVerifies() {
        byte[] msg = new byte[CAP];
        Outcome sig =
                guest.sign("Ed25519", ed25519KeyPair, AsymReactor.RAW, msg, AsymReactor.SIG_RAW);
        assertEquals(0, sig.code(), sig::toString);
        assertEquals(
                0,
                guest.verify(
                        "Ed25519",
                        ed25519PublicKey,
                        AsymReactor.RAW,
                        msg,
                        sig.output(),
                        AsymReactor.SIG_RAW));
    }

    @Test
    void sign_ed25519MessageOverTheCap_failsOverflow() {
        Outcome sig =
                guest.sign(
                        "Ed25519",
                        ed25519KeyPair,
                        AsymReactor.RAW,
                        new byte[CAP + 1],
                        AsymReactor.SIG_RAW);
        assertEquals(CryptoErrno.OVERFLOW, AbiResult.errno(sig.code()), sig::toString);
        assertEquals(2, AbiResult.stage(sig.code()), "refused at update: " + sig);
        assertEquals(0, guest.liveHandles(), "handles left open");
    }

    @Test
    void verify_ed25519MessageOverTheCap_failsOverflow() {
        int code =
                guest.verify(
                        "Ed25519",
                        ed25519PublicKey,
                        AsymReactor.RAW,
                        new byte[CAP + 1],
                        new byte[64],
                        AsymReactor.SIG_RAW);
        assertEquals(CryptoErrno.OVERFLOW, AbiResult.errno(code), AbiResult.describe(code));
        assertEquals(3, AbiResult.stage(code), "refused at update: " + AbiResult.describe(code));
    }

    @Test
    void sign_ecdsaMessageOverTheCap_streamsAndSucceeds() {
        Outcome sig =
                guest.sign(
                        "ECDSA_P256_SHA256",
                        ecdsaKeyPair,
                        AsymReactor.RAW,
                        new byte[4 * CAP],
                        AsymReactor.SIG_RAW);
        assertEquals(0, sig.code(), sig::toString);
        assertEquals(64, sig.output().length);
    }
}
