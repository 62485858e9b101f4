package io.cryptobridge.conformance.wycheproof;

import static io.cryptobridge.conformance.wycheproof.WycheproofAeadTest.expectErrno;
import static io.cryptobridge.conformance.wycheproof.WycheproofAeadTest.name;

import io.cryptobridge.CryptoErrno;
import io.cryptobridge.conformance.GuestRunner;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * HMAC-SHA-256 and HMAC-SHA-512 vectors through wycheproof_runner.wasm.
 *
 * <p>Full-length tags: valid vectors must compute the tag and verify with symmetric_tag_verify;
 * invalid ones must fail verification with invalid_tag. wasi-crypto has no truncated HMAC, so a
 * truncated tag must fail symmetric_tag_verify with invalid_tag whatever the vector says; the
 * truncated vectors still check the computation: the full tag's prefix must equal a valid vector's
 * tag and differ from an invalid one's.
 */
class WycheproofMacTest {
    private static final String TRUNCATED =
            "truncated tag, rejected with invalid_tag (full tag's prefix checked)";

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
    void hmacSha256_allVectors_validPassInvalidAndTruncatedRejected() {
        WycheproofFile file = WycheproofFile.load("hmac_sha256_test.json");
        Tally tally = run(file, "HMAC/SHA-256", 32);
        tally.assertComplete(
                file, Map.of(Tally.VALID_PASSED, 33, Tally.INVALID_REJECTED, 54, TRUNCATED, 87));
    }

    @Test
    void hmacSha512_allVectors_validPassInvalidAndTruncatedRejected() {
        WycheproofFile file = WycheproofFile.load("hmac_sha512_test.json");
        Tally tally = run(file, "HMAC/SHA-512", 64);
        tally.assertComplete(
                file, Map.of(Tally.VALID_PASSED, 33, Tally.INVALID_REJECTED, 54, TRUNCATED, 87));
    }

    private static Tally run(WycheproofFile file, String algorithm, int tagLength) {
        return VectorRun.forEachVector(
                runner,
                file,
                (guest, group, v, tally) -> runVector(guest, algorithm, tagLength, v, tally));
    }

    private static String runVector(
            RunnerGuest guest,
            String algorithm,
            int tagLength,
            WycheproofFile.Vector v,
            Tally tally) {
        byte[] key = v.bytes("key");
        byte[] msg = v.bytes("msg");
        byte[] tag = v.bytes("tag");
        RunnerGuest.Outcome computed = guest.macCompute(algorithm, key, msg, tagLength);
        if (!computed.succeeded()) {
            tally.fail(v, "mac_compute failed: " + name(computed.errno()));
            return ""; // not counted: a failure was recorded
        }
        boolean prefixMatches = Arrays.equals(tag, Arrays.copyOf(computed.output(), tag.length));
        int verified = guest.macVerify(algorithm, key, msg, tag);
        if (tag.length < tagLength) {
            expectErrno(tally, v, "verify of a truncated tag", CryptoErrno.INVALID_TAG, verified);
            if (prefixMatches != v.isValid()) {
                tally.fail(v, "the full tag's prefix " + (prefixMatches ? "matches" : "differs"));
            }
            return TRUNCATED;
        }
        if (v.isValid()) {
            if (!prefixMatches) {
                tally.fail(v, "computed tag differs");
            }
            expectErrno(tally, v, "verify", CryptoErrno.SUCCESS, verified);
            return Tally.VALID_PASSED;
        }
        if (prefixMatches) {
            tally.fail(v, "computed tag equals an invalid vector's tag");
        }
        expectErrno(tally, v, "verify", CryptoErrno.INVALID_TAG, verified);
        return Tally.INVALID_REJECTED;
    }
}
