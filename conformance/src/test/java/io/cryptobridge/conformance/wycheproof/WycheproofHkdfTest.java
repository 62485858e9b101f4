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
 * HKDF-SHA-256 and HKDF-SHA-512 vectors through wycheproof_runner.wasm: HKDF-EXTRACT with the salt,
 * squeeze_key to an HKDF-EXPAND key, then HKDF-EXPAND with the info. Valid vectors must produce the
 * OKM; the invalid ones ask for more than 255 hash lengths and must fail with invalid_length.
 */
class WycheproofHkdfTest {
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
    void hkdfSha256_allVectors_validPassTooLongRejected() {
        WycheproofFile file = WycheproofFile.load("hkdf_sha256_test.json");
        Tally tally = run(file, "SHA-256");
        tally.assertComplete(file, Map.of(Tally.VALID_PASSED, 83, Tally.INVALID_REJECTED, 3));
    }

    @Test
    void hkdfSha512_allVectors_validPassTooLongRejected() {
        WycheproofFile file = WycheproofFile.load("hkdf_sha512_test.json");
        Tally tally = run(file, "SHA-512");
        tally.assertComplete(file, Map.of(Tally.VALID_PASSED, 80, Tally.INVALID_REJECTED, 3));
    }

    private static Tally run(WycheproofFile file, String hash) {
        return VectorRun.forEachVector(
                runner,
                file,
                (guest, group, v, tally) -> {
                    RunnerGuest.Outcome okm =
                            guest.hkdf(
                                    "HKDF-EXTRACT/" + hash,
                                    "HKDF-EXPAND/" + hash,
                                    v.bytes("ikm"),
                                    v.bytes("salt"),
                                    v.bytes("info"),
                                    v.integer("size"));
                    if (!v.isValid()) {
                        expectErrno(tally, v, "hkdf", CryptoErrno.INVALID_LENGTH, okm.errno());
                        return Tally.INVALID_REJECTED;
                    }
                    if (!okm.succeeded()) {
                        tally.fail(v, "hkdf failed: " + name(okm.errno()));
                    } else if (!Arrays.equals(v.bytes("okm"), okm.output())) {
                        tally.fail(v, "OKM differs");
                    }
                    return Tally.VALID_PASSED;
                });
    }
}
