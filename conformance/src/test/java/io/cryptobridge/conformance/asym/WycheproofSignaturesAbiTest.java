package io.cryptobridge.conformance.asym;

import com.fasterxml.jackson.databind.JsonNode;
import io.cryptobridge.CryptoErrno;
import io.cryptobridge.conformance.wycheproof.Tally;
import io.cryptobridge.conformance.wycheproof.WycheproofFile;
import java.util.HexFormat;
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
 * for a wrong signature; the keys in these files are all valid, so a refusal at publickey_import is
 * a failure too). The one acceptable vector (RSA PKCS#1 v1.5 DigestInfo without the NULL parameter,
 * flag MissingNull) may go either way; if refused, it must be with {@code invalid_signature}. No
 * vector of these files needs skipping: each group's hash, key size and PSS parameters are checked
 * against the ABI algorithm, and a mismatch would be counted as {@code skipped: <reason>} (and
 * break the pinned counts).
 */
class WycheproofSignaturesAbiTest {
    private static final String ACCEPTABLE_ACCEPTED = "acceptable, accepted";
    private static final String ACCEPTABLE_REJECTED = "acceptable, rejected";

    /** Package-visible: a subclass in softhsm-tests hides startGuest to run on an HSM host. */
    static AsymReactor guest;

    /** One file: the ABI algorithm, the hash its groups must use, and the expected counts. */
    record SigFile(
            String file,
            String algorithm,
            String expectedHash,
            int valid,
            int invalid,
            Map<String, Integer> acceptable) {
        @Override
        public String toString() {
            return file + " as " + algorithm;
        }
    }

    static Stream<SigFile> files() {
        return Stream.of(
                new SigFile("ed25519_test.json", "Ed25519", null, 88, 63, Map.of()),
                new SigFile(
                        "ecdsa_secp256r1_sha256_p1363_test.json",
                        "ECDSA_P256_SHA256",
                        "SHA-256",
                        173,
                        89,
                        Map.of()),
                new SigFile(
                        "ecdsa_secp384r1_sha384_p1363_test.json",
                        "ECDSA_P384_SHA384",
                        "SHA-384",
                        193,
                        87,
                        Map.of()),
                new SigFile(
                        "ecdsa_secp256k1_sha256_p1363_test.json",
                        "ECDSA_K256_SHA256",
                        "SHA-256",
                        167,
                        85,
                        Map.of()),
                // MissingNull: our RSA verifier rebuilds the DigestInfo with NULL and rejects it.
                new SigFile(
                        "rsa_signature_2048_sha256_test.json",
                        "RSA_PKCS1_2048_SHA256",
                        "SHA-256",
                        9,
                        249,
                        Map.of(ACCEPTABLE_REJECTED, 1)),
                new SigFile(
                        "rsa_pss_2048_sha256_mgf1_32_test.json",
                        "RSA_PSS_2048_SHA256",
                        "SHA-256",
                        63,
                        45,
                        Map.of()));
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
    void verify_wycheproofFile_validPassInvalidRejected(SigFile spec) {
        WycheproofFile file = WycheproofFile.load(spec.file());
        Tally tally = new Tally();
        for (WycheproofFile.Group group : file.groups()) {
            String unsupported = groupUnsupported(spec, group.parameters());
            for (WycheproofFile.Vector vector : group.tests()) {
                if (unsupported != null) {
                    tally.count("skipped: " + unsupported);
                    continue;
                }
                int before = tally.failures().size();
                String outcome = run(spec, group.parameters(), vector, tally);
                if (tally.failures().size() == before) {
                    tally.count(outcome);
                }
                if (guest.liveHandles() != 0) {
                    tally.fail(vector, guest.liveHandles() + " handles left open after the call");
                }
            }
        }
        Map<String, Integer> expected = new java.util.TreeMap<>(spec.acceptable());
        expected.put(Tally.VALID_PASSED, spec.valid());
        expected.put(Tally.INVALID_REJECTED, spec.invalid());
        tally.assertComplete(file, expected);
    }

    /** Why a group cannot be expressed with this ABI algorithm, or null. */
    private static String groupUnsupported(SigFile spec, JsonNode group) {
        if (spec.expectedHash() != null
                && !spec.expectedHash().equals(group.path("sha").asText())) {
            return "hash " + group.path("sha").asText() + " is not " + spec.algorithm() + "'s";
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

    private static String run(
            SigFile spec, JsonNode group, WycheproofFile.Vector vector, Tally tally) {
        byte[] key;
        int keyEncoding;
        if (spec.algorithm().equals("Ed25519")) {
            key = hex(group.path("publicKey").path("pk"));
            keyEncoding = AsymReactor.RAW;
        } else if (spec.algorithm().startsWith("ECDSA")) {
            key = hex(group.path("publicKey").path("uncompressed"));
            keyEncoding = AsymReactor.SEC;
        } else {
            key = hex(group.path("publicKeyDer"));
            keyEncoding = AsymReactor.PKCS8;
        }
        int code =
                guest.verify(
                        spec.algorithm(),
                        key,
                        keyEncoding,
                        vector.bytes("msg"),
                        vector.bytes("sig"),
                        AsymReactor.SIG_RAW);
        boolean refusedAsSignature =
                code != 0
                        && AbiResult.errno(code) == CryptoErrno.INVALID_SIGNATURE
                        && AbiResult.stage(code) != 1;
        if (vector.isValid()) {
            if (code != 0) {
                tally.fail(vector, "valid signature refused: " + AbiResult.describe(code));
            }
            return Tally.VALID_PASSED;
        }
        if (vector.isInvalid()) {
            if (!refusedAsSignature) {
                tally.fail(vector, "expected invalid_signature, got " + AbiResult.describe(code));
            }
            return Tally.INVALID_REJECTED;
        }
        if (code != 0 && !refusedAsSignature) {
            tally.fail(vector, "acceptable vector refused with " + AbiResult.describe(code));
        }
        return code == 0 ? ACCEPTABLE_ACCEPTED : ACCEPTABLE_REJECTED;
    }

    private static byte[] hex(JsonNode node) {
        return HexFormat.of().parseHex(node.asText());
    }
}
