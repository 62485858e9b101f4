package io.cryptobridge.conformance.wycheproof;

import io.cryptobridge.CryptoErrno;
import io.cryptobridge.conformance.GuestRunner;
import io.cryptobridge.conformance.Guests;
import io.cryptobridge.conformance.ReactorGuest;
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
        Tally tally = new Tally();
        try (ReactorGuest reactor = runner.startReactor(Guests.wasm("wycheproof_runner"))) {
            RunnerGuest guest = new RunnerGuest(reactor);
            for (WycheproofFile.Group group : file.groups()) {
                for (WycheproofFile.Vector v : group.tests()) {
                    runVector(guest, file, v, nonceLength, tally);
                }
            }
            if (guest.liveHandles() != 0) {
                tally.fail(
                        file.groups().get(0).tests().get(0),
                        "handles leaked: " + guest.liveHandles());
            }
        }
        return tally;
    }

    private static void runVector(
            RunnerGuest guest,
            WycheproofFile file,
            WycheproofFile.Vector v,
            int nonceLength,
            Tally tally) {
        byte[] key = v.bytes("key");
        byte[] nonce = v.bytes("iv");
        byte[] aad = v.bytes("aad");
        byte[] msg = v.bytes("msg");
        byte[] ct = v.bytes("ct");
        byte[] tag = v.bytes("tag");
        byte[] sealed = concat(ct, tag);
        if (file.algorithm().equals("AES-GCM") && key.length == 24) {
            for (String alg : new String[] {"AES-128-GCM", "AES-256-GCM"}) {
                expectErrno(
                        tally,
                        v,
                        alg + " encrypt",
                        CryptoErrno.INVALID_KEY,
                        guest.aeadEncrypt(alg, key, nonce, aad, msg, TAG_LENGTH).errno());
            }
            tally.count(AES_192);
            return;
        }
        String alg = algorithmName(file.algorithm(), key.length);
        if (nonce.length != nonceLength) {
            expectErrno(
                    tally,
                    v,
                    "encrypt",
                    CryptoErrno.INVALID_NONCE,
                    guest.aeadEncrypt(alg, key, nonce, aad, msg, TAG_LENGTH).errno());
            expectErrno(
                    tally,
                    v,
                    "decrypt",
                    CryptoErrno.INVALID_NONCE,
                    guest.aeadDecrypt(alg, key, nonce, aad, sealed, msg.length).errno());
            tally.count(OTHER_NONCE_SIZE);
            return;
        }
        if (v.isValid()) {
            checkValid(guest, tally, v, alg, key, nonce, aad, msg, ct, tag);
        } else {
            checkInvalid(guest, tally, v, alg, key, nonce, aad, ct, tag);
        }
    }

    private static void checkValid(
            RunnerGuest guest,
            Tally tally,
            WycheproofFile.Vector v,
            String alg,
            byte[] key,
            byte[] nonce,
            byte[] aad,
            byte[] msg,
            byte[] ct,
            byte[] tag) {
        int before = tally.failures().size();
        RunnerGuest.Outcome sealed = guest.aeadEncrypt(alg, key, nonce, aad, msg, TAG_LENGTH);
        expectOutput(tally, v, "encrypt", sealed, concat(ct, tag));
        RunnerGuest.Outcome detached =
                guest.aeadEncryptDetached(alg, key, nonce, aad, msg, TAG_LENGTH);
        expectOutput(tally, v, "encrypt_detached ciphertext", detached, ct);
        if (detached.succeeded() && !Arrays.equals(tag, detached.second())) {
            tally.fail(v, "encrypt_detached tag differs");
        }
        expectOutput(
                tally,
                v,
                "decrypt",
                guest.aeadDecrypt(alg, key, nonce, aad, concat(ct, tag), msg.length),
                msg);
        expectOutput(
                tally,
                v,
                "decrypt_detached",
                guest.aeadDecryptDetached(alg, key, nonce, aad, ct, tag),
                msg);
        if (tally.failures().size() == before) {
            tally.count(Tally.VALID_PASSED);
        }
    }

    private static void checkInvalid(
            RunnerGuest guest,
            Tally tally,
            WycheproofFile.Vector v,
            String alg,
            byte[] key,
            byte[] nonce,
            byte[] aad,
            byte[] ct,
            byte[] tag) {
        int before = tally.failures().size();
        RunnerGuest.Outcome opened =
                guest.aeadDecrypt(alg, key, nonce, aad, concat(ct, tag), ct.length);
        expectErrno(tally, v, "decrypt", CryptoErrno.INVALID_TAG, opened.errno());
        expectZeroed(tally, v, "decrypt", opened.output());
        RunnerGuest.Outcome detached = guest.aeadDecryptDetached(alg, key, nonce, aad, ct, tag);
        expectErrno(tally, v, "decrypt_detached", CryptoErrno.INVALID_TAG, detached.errno());
        expectZeroed(tally, v, "decrypt_detached", detached.output());
        if (tally.failures().size() == before) {
            tally.count(Tally.INVALID_REJECTED);
        }
    }

    private static String algorithmName(String fileAlgorithm, int keyLength) {
        switch (fileAlgorithm) {
            case "AES-GCM":
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
