package io.cryptobridge.conformance.wycheproof;

import io.cryptobridge.CryptoErrno;
import io.cryptobridge.conformance.GuestRunner;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * AES-GCM, ChaCha20-Poly1305 and XChaCha20-Poly1305 vectors through wycheproof_runner.wasm.
 *
 * <p>Vectors whose parameters wasi-crypto offers run in all four modes (encrypt, encrypt_detached,
 * decrypt, decrypt_detached): valid ones must reproduce ciphertext and tag and decrypt back,
 * invalid ones must fail decryption with invalid_tag and a zeroed output. Vectors with parameters
 * wasi-crypto does not offer must be rejected: another nonce size with invalid_nonce, a 192-bit AES
 * key (no AES-192-GCM in wasi-crypto) with invalid_key under both AES-GCM names.
 */
class WycheproofAeadTest {
    private static final int TAG_LENGTH = 16;
    private static final String OTHER_NONCE_SIZE = "other nonce size, rejected with invalid_nonce";
    private static final String AES_192 = "192-bit AES key, rejected with invalid_key";

    private static GuestRunner runner;

    @BeforeAll
    static void startRunner() {
        runner = GuestRunner.withDefaults();
    }

    @AfterAll
    static void stopRunner() {
        runner.close();
    }

    @Test
    void aesGcm_allVectors_validPassInvalidAndUnofferedRejected() {
        WycheproofFile file = WycheproofFile.load("aes_gcm_test.json");
        Tally tally = run(file, 12);
        tally.assertComplete(
                file,
                Map.of(
                        Tally.VALID_PASSED,
                        79,
                        Tally.INVALID_REJECTED,
                        54,
                        OTHER_NONCE_SIZE,
                        80,
                        AES_192,
                        103));
    }

    @Test
    void chacha20Poly1305_allVectors_validPassInvalidAndUnofferedRejected() {
        WycheproofFile file = WycheproofFile.load("chacha20_poly1305_test.json");
        Tally tally = run(file, 12);
        tally.assertComplete(
                file,
                Map.of(Tally.VALID_PASSED, 256, Tally.INVALID_REJECTED, 60, OTHER_NONCE_SIZE, 9));
    }

    @Test
    void xchacha20Poly1305_allVectors_validPassInvalidAndUnofferedRejected() {
        WycheproofFile file = WycheproofFile.load("xchacha20_poly1305_test.json");
        Tally tally = run(file, 24);
        tally.assertComplete(
                file,
                Map.of(Tally.VALID_PASSED, 246, Tally.INVALID_REJECTED, 60, OTHER_NONCE_SIZE, 9));
    }

    private static Tally run(WycheproofFile file, int nonceLength) {
        return VectorRun.forEachVector(
                runner,
                file,
                (guest, group, v, tally) -> runVector(guest, file, v, nonceLength, tally));
    }

    /** One vector's inputs, with the wasi-crypto algorithm name chosen for it. */
    private record Case(
            WycheproofFile.Vector v,
            String alg,
            byte[] key,
            byte[] nonce,
            byte[] aad,
            byte[] msg,
            byte[] ct,
            byte[] tag) {
        byte[] sealed() {
            return concat(ct, tag);
        }

        RunnerGuest.Outcome encrypt(RunnerGuest guest, String algorithm) {
            return guest.aeadEncrypt(algorithm, key, nonce, aad, msg, TAG_LENGTH);
        }

        RunnerGuest.Outcome decrypt(RunnerGuest guest) {
            return guest.aeadDecrypt(alg, key, nonce, aad, sealed(), ct.length);
        }

        RunnerGuest.Outcome decryptDetached(RunnerGuest guest) {
            return guest.aeadDecryptDetached(alg, key, nonce, aad, ct, tag);
        }
    }

    private static String runVector(
            RunnerGuest guest,
            WycheproofFile file,
            WycheproofFile.Vector v,
            int nonceLength,
            Tally tally) {
        byte[] key = v.bytes("key");
        Case c =
                new Case(
                        v,
                        algorithmName(file.algorithm(), key.length),
                        key,
                        v.bytes("iv"),
                        v.bytes("aad"),
                        v.bytes("msg"),
                        v.bytes("ct"),
                        v.bytes("tag"));
        if (file.algorithm().equals("AES-GCM") && key.length == 24) {
            for (String alg : new String[] {"AES-128-GCM", "AES-256-GCM"}) {
                int errno = c.encrypt(guest, alg).errno();
                expectErrno(tally, v, alg + " encrypt", CryptoErrno.INVALID_KEY, errno);
            }
            return AES_192;
        }
        if (c.nonce().length != nonceLength) {
            int encrypted = c.encrypt(guest, c.alg()).errno();
            expectErrno(tally, v, "encrypt", CryptoErrno.INVALID_NONCE, encrypted);
            expectErrno(tally, v, "decrypt", CryptoErrno.INVALID_NONCE, c.decrypt(guest).errno());
            return OTHER_NONCE_SIZE;
        }
        if (v.isValid()) {
            checkValid(guest, tally, c);
            return Tally.VALID_PASSED;
        }
        checkInvalid(guest, tally, c);
        return Tally.INVALID_REJECTED;
    }

    private static void checkValid(RunnerGuest guest, Tally tally, Case c) {
        WycheproofFile.Vector v = c.v();
        expectOutput(tally, v, "encrypt", c.encrypt(guest, c.alg()), c.sealed());
        RunnerGuest.Outcome detached =
                guest.aeadEncryptDetached(
                        c.alg(), c.key(), c.nonce(), c.aad(), c.msg(), TAG_LENGTH);
        expectOutput(tally, v, "encrypt_detached ciphertext", detached, c.ct());
        if (detached.succeeded() && !Arrays.equals(c.tag(), detached.second())) {
            tally.fail(v, "encrypt_detached tag differs");
        }
        expectOutput(tally, v, "decrypt", c.decrypt(guest), c.msg());
        expectOutput(tally, v, "decrypt_detached", c.decryptDetached(guest), c.msg());
    }

    private static void checkInvalid(RunnerGuest guest, Tally tally, Case c) {
        WycheproofFile.Vector v = c.v();
        RunnerGuest.Outcome opened = c.decrypt(guest);
        expectErrno(tally, v, "decrypt", CryptoErrno.INVALID_TAG, opened.errno());
        expectZeroed(tally, v, "decrypt", opened.output());
        RunnerGuest.Outcome detached = c.decryptDetached(guest);
        expectErrno(tally, v, "decrypt_detached", CryptoErrno.INVALID_TAG, detached.errno());
        expectZeroed(tally, v, "decrypt_detached", detached.output());
    }

    private static String algorithmName(String fileAlgorithm, int keyLength) {
        switch (fileAlgorithm) {
            case "AES-GCM":
                // 24-byte keys have no wasi-crypto name; runVector expects them rejected.
                return keyLength == 16 ? "AES-128-GCM" : "AES-256-GCM";
            case "CHACHA20-POLY1305":
            case "XCHACHA20-POLY1305":
                return fileAlgorithm;
            default:
                throw new IllegalArgumentException(fileAlgorithm);
        }
    }

    static void expectErrno(
            Tally tally, WycheproofFile.Vector v, String what, CryptoErrno expected, int errno) {
        if (errno != expected.code()) {
            tally.fail(v, what + ": expected " + expected.specName() + " got " + name(errno));
        }
    }

    private static void expectOutput(
            Tally tally,
            WycheproofFile.Vector v,
            String what,
            RunnerGuest.Outcome outcome,
            byte[] expected) {
        if (!outcome.succeeded()) {
            tally.fail(v, what + " failed: " + name(outcome.errno()));
        } else if (!Arrays.equals(expected, outcome.output())) {
            tally.fail(v, what + " output differs");
        }
    }

    private static void expectZeroed(
            Tally tally, WycheproofFile.Vector v, String what, byte[] out) {
        for (byte b : out) {
            if (b != 0) {
                tally.fail(v, what + ": the output of a failed decryption was not zeroed");
                return;
            }
        }
    }

    static String name(int errno) {
        return errno >= 0 && errno <= 30 ? CryptoErrno.of(errno).specName() : "errno " + errno;
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] joined = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }
}
