package io.cryptobridge.conformance.asym;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.cryptobridge.CryptoErrno;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Wycheproof signature vectors through the wasi-crypto ABI: publickey_import, signature_import
 * (raw) and a verification state, all called by wycheproof_asym.wasm. Every valid vector must
 * verify; every invalid one must be refused with {@code invalid_signature} (the team's single errno
 * for a wrong signature; the keys in these files are all valid). The one acceptable vector (RSA
 * PKCS#1 v1.5 DigestInfo without the NULL parameter, flag MissingNull) may go either way, but if it
 * is refused it must be with {@code invalid_signature}.
 */
class WycheproofSignaturesAbiTest {
    private static final int PK_RAW = 0;
    private static final int PK_PKCS8 = 1;
    private static final int PK_SEC = 3;
    private static final int SIG_RAW = 0;

    /** Package-visible: a subclass in softhsm-tests hides startGuest to run on an HSM host. */
    static AsymReactor guest;

    /** One file: the ABI algorithm, which key field to import how, and the expected tallies. */
    record SigFile(
            String file,
            String algorithm,
            String expectedHash,
            int valid,
            int invalid,
            int acceptable) {
        @Override
        public String toString() {
            return file + " as " + algorithm;
        }
    }

    static Stream<SigFile> files() {
        return Stream.of(
                new SigFile("ed25519_test.json", "Ed25519", null, 88, 63, 0),
                new SigFile(
                        "ecdsa_secp256r1_sha256_p1363_test.json",
                        "ECDSA_P256_SHA256",
                        "SHA-256",
                        173,
                        89,
                        0),
                new SigFile(
                        "ecdsa_secp384r1_sha384_p1363_test.json",
                        "ECDSA_P384_SHA384",
                        "SHA-384",
                        193,
                        87,
                        0),
                new SigFile(
                        "ecdsa_secp256k1_sha256_p1363_test.json",
                        "ECDSA_K256_SHA256",
                        "SHA-256",
                        167,
                        85,
                        0),
                new SigFile(
                        "rsa_signature_2048_sha256_test.json",
                        "RSA_PKCS1_2048_SHA256",
                        "SHA-256",
                        9,
                        249,
                        1),
                new SigFile(
                        "rsa_pss_2048_sha256_mgf1_32_test.json",
                        "RSA_PSS_2048_SHA256",
                        "SHA-256",
                        63,
                        45,
                        0));
    }

    @BeforeAll
    static void startGuest() {
        guest = new AsymReactor();
    }

    @AfterAll
    static void stopGuest() {
        if (guest != null) {
            guest.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void verify_wycheproofFile_validPassInvalidRejected(SigFile spec) throws Exception {
        JsonNode root = WycheproofFiles.load(spec.file());
        VectorTally tally = new VectorTally();
        for (JsonNode group : root.path("testGroups")) {
            String unsupported = groupUnsupported(spec, group);
            for (JsonNode test : group.path("tests")) {
                if (unsupported != null) {
                    tally.skip(unsupported);
                    continue;
                }
                run(spec, group, test, tally);
            }
        }
        assertEquals(List.of(), tally.failures, () -> spec + ": " + tally);
        assertEquals(root.path("numberOfTests").asInt(), tally.total(), () -> tally.toString());
        assertEquals(Map.of(), tally.skipped, "no vector of these files needs skipping");
        assertEquals(spec.valid(), tally.valid, () -> tally.toString());
        assertEquals(spec.invalid(), tally.invalid, () -> tally.toString());
        assertEquals(
                spec.acceptable(),
                tally.acceptableAccepted + tally.acceptableRejected,
                () -> tally.toString());
        assertTrue(tally.valid > 0 && tally.invalid > 0, "both classes ran");
    }

    /** A group this ABI algorithm cannot express, or null. */
    private static String groupUnsupported(SigFile spec, JsonNode group) {
        if (spec.expectedHash() != null
                && !spec.expectedHash().equals(group.path("sha").asText())) {
            return "hash " + group.path("sha").asText() + " is not " + spec.algorithm();
        }
        if (spec.algorithm().startsWith("RSA") && group.path("keySize").asInt() != 2048) {
            return "RSA key size " + group.path("keySize").asInt() + " is not 2048";
        }
        if (spec.algorithm().startsWith("RSA_PSS")
                && (group.path("sLen").asInt() != 32
                        || !"SHA-256".equals(group.path("mgfSha").asText()))) {
            return "PSS salt/MGF other than the algorithm's (32-byte salt, MGF1-SHA-256)";
        }
        return null;
    }

    private static void run(SigFile spec, JsonNode group, JsonNode test, VectorTally tally) {
        byte[] key;
        int keyEncoding;
        switch (spec.algorithm().substring(0, 3)) {
            case "Ed2" -> {
                key = WycheproofFiles.hex(group.path("publicKey").path("pk"));
                keyEncoding = PK_RAW;
            }
            case "ECD" -> {
                key = WycheproofFiles.hex(group.path("publicKey").path("uncompressed"));
                keyEncoding = PK_SEC;
            }
            default -> {
                key = WycheproofFiles.hex(group.path("publicKeyDer"));
                keyEncoding = PK_PKCS8;
            }
        }
        byte[] msg = WycheproofFiles.hex(test.path("msg"));
        byte[] sig = WycheproofFiles.hex(test.path("sig"));
        int code = guest.verify(spec.algorithm(), key, keyEncoding, msg, sig, SIG_RAW);

        String tcId = test.path("tcId").asText();
        String comment = test.path("comment").asText();
        boolean refusedAsSignature =
                code != 0
                        && AbiResult.errno(code) == CryptoErrno.INVALID_SIGNATURE
                        && AbiResult.stage(code) != 1;
        switch (test.path("result").asText()) {
            case "valid" -> {
                tally.valid++;
                if (code != 0) {
                    tally.fail(
                            tcId, comment, "valid signature refused: " + AbiResult.describe(code));
                }
            }
            case "invalid" -> {
                tally.invalid++;
                tally.rejectedWith(code);
                if (!refusedAsSignature) {
                    tally.fail(
                            tcId,
                            comment,
                            "invalid signature: expected invalid_signature, got "
                                    + AbiResult.describe(code));
                }
            }
            default -> {
                if (code == 0) {
                    tally.acceptableAccepted++;
                } else {
                    tally.acceptableRejected++;
                    if (!refusedAsSignature) {
                        tally.fail(
                                tcId,
                                comment,
                                "acceptable vector refused with " + AbiResult.describe(code));
                    }
                }
            }
        }
        if (guest.liveHandles() != 0) {
            tally.fail(tcId, comment, guest.liveHandles() + " handles left open after the call");
        }
    }
}
