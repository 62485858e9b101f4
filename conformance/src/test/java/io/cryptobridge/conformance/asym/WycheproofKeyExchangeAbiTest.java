package io.cryptobridge.conformance.asym;

import io.cryptobridge.CryptoErrno;
import io.cryptobridge.conformance.asym.AsymReactor.Outcome;
import io.cryptobridge.conformance.wycheproof.Tally;
import io.cryptobridge.conformance.wycheproof.WycheproofFile;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Wycheproof key-exchange vectors through the wasi-crypto ABI (secretkey_import, publickey_import,
 * kx_dh, kx_decapsulate, publickey_from_secretkey, all called by wycheproof_asym.wasm).
 *
 * <p>Acceptable vectors, decided per file:
 *
 * <ul>
 *   <li>X25519: a low-order public key (flag ZeroSharedSecret) must be refused with {@code
 *       invalid_key} (spec §1.8). Every other acceptable vector (twist points, non-canonical u,
 *       edge-case multiplications) must give exactly the expected secret: RFC 7748's function is
 *       defined on every 32-byte string, and a host that refuses them would break interop.
 *   <li>ECDH P-256: acceptable vectors exercise odd public-key ASN.1 (explicit curve parameters,
 *       compressed points, unusual encodings). Refusing is fine; succeeding with a wrong secret is
 *       not. The split with the software backend (13 agreed, 217 refused) is pinned so that a
 *       change in it is deliberate.
 * </ul>
 */
class WycheproofKeyExchangeAbiTest {
    private static final int ALG_KX = 2;
    private static final int RAW = AsymReactor.RAW;
    private static final String ACCEPTABLE_AGREED = "acceptable, agreed on the expected secret";
    private static final String ACCEPTABLE_REFUSED = "acceptable, refused";
    private static final String LOW_ORDER_REFUSED =
            "acceptable low-order point, refused (invalid_key)";
    private static final int PKCS8 = AsymReactor.PKCS8;
    private static final int OUT_CAP = 4096;

    /** PKCS#8 PrivateKeyInfo prefix for a P-256 key: version 0, id-ecPublicKey, prime256v1. */
    private static final byte[] P256_PKCS8_PREFIX =
            HexFormat.of()
                    .parseHex(
                            "304102010030130607"
                                    + "2a8648ce3d0201"
                                    + "0608"
                                    + "2a8648ce3d030107"
                                    + "042730250201010420");

    /** Package-visible: a subclass in softhsm-tests hides startGuest to run on an HSM host. */
    static AsymReactor guest;

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

    @Test
    void dh_x25519Vectors_matchOrRefuseLowOrder() {
        WycheproofFile file = WycheproofFile.load("x25519_test.json");
        Tally tally = new Tally();
        for (WycheproofFile.Group group : file.groups()) {
            for (WycheproofFile.Vector vector : group.tests()) {
                int before = tally.failures().size();
                String outcome = x25519(vector, tally);
                count(tally, before, outcome, vector);
            }
        }
        tally.assertComplete(
                file,
                Map.of(Tally.VALID_PASSED, 264, ACCEPTABLE_AGREED, 223, LOW_ORDER_REFUSED, 31));
    }

    private static String x25519(WycheproofFile.Vector vector, Tally tally) {
        Outcome out = guest.dh("X25519", vector.bytes("private"), RAW, vector.bytes("public"), RAW);
        if (!vector.isValid() && vector.flags().contains("ZeroSharedSecret")) {
            if (out.code() == 0 || AbiResult.errno(out.code()) != CryptoErrno.INVALID_KEY) {
                tally.fail(vector, "low-order point: expected invalid_key, got " + out);
            }
            return LOW_ORDER_REFUSED;
        }
        if (!out.is(vector.bytes("shared"))) {
            tally.fail(
                    vector,
                    "expected "
                            + HexFormat.of().formatHex(vector.bytes("shared"))
                            + ", got "
                            + out);
        }
        return vector.isValid() ? Tally.VALID_PASSED : ACCEPTABLE_AGREED;
    }

    @Test
    void dh_ecdhP256Vectors_validMatchInvalidRefused() {
        WycheproofFile file = WycheproofFile.load("ecdh_secp256r1_test.json");
        Tally tally = new Tally();
        for (WycheproofFile.Group group : file.groups()) {
            String encoding = group.parameters().path("encoding").asText();
            for (WycheproofFile.Vector vector : group.tests()) {
                if (!encoding.equals("asn")) {
                    tally.count("skipped: public key encoding " + encoding);
                    continue;
                }
                int before = tally.failures().size();
                String outcome = ecdh(vector, tally);
                count(tally, before, outcome, vector);
            }
        }
        tally.assertComplete(
                file,
                Map.of(
                        Tally.VALID_PASSED,
                        330,
                        Tally.INVALID_REJECTED,
                        52,
                        ACCEPTABLE_AGREED,
                        13,
                        ACCEPTABLE_REFUSED,
                        217));
    }

    private static String ecdh(WycheproofFile.Vector vector, Tally tally) {
        byte[] scalar = fixedLength(vector.bytes("private"), 32);
        if (scalar == null) {
            return "skipped: private scalar longer than 32 bytes";
        }
        byte[] shared = vector.bytes("shared");
        Outcome out =
                guest.dh(
                        "P256-SHA256",
                        concat(P256_PKCS8_PREFIX, scalar),
                        PKCS8,
                        vector.bytes("public"),
                        PKCS8);
        if (vector.isValid()) {
            if (!out.is(shared)) {
                tally.fail(vector, "expected the shared secret, got " + out);
            }
            return Tally.VALID_PASSED;
        }
        boolean properRefusal =
                out.code() != 0
                        && AbiResult.stage(out.code()) != 1
                        && !AbiResult.isHostFault(out.code());
        if (vector.isInvalid()) {
            if (!properRefusal) {
                tally.fail(vector, "expected a refusal at import or kx_dh, got " + out);
            }
            return Tally.INVALID_REJECTED;
        }
        if (out.code() == 0) {
            if (!out.is(shared)) {
                tally.fail(vector, "accepted with a wrong secret: " + out);
            }
            return ACCEPTABLE_AGREED;
        }
        if (!properRefusal) {
            tally.fail(vector, "refused by a host fault: " + out);
        }
        return ACCEPTABLE_REFUSED;
    }

    /**
     * ML-KEM-768: the secret key is imported raw as the 64-byte seed d||z (FIPS 203 §7.1 seed
     * form), its public key must equal {@code ek}, and decapsulating {@code c} must give {@code K}.
     * Invalid vectors: a seed of the wrong length must be refused at secretkey_import, a ciphertext
     * of the wrong length at kx_decapsulate.
     */
    @Test
    void decapsulate_mlkem768Vectors_validMatchInvalidRefused() {
        WycheproofFile file = WycheproofFile.load("mlkem_768_test.json");
        Tally tally = new Tally();
        for (WycheproofFile.Group group : file.groups()) {
            String parameterSet = group.parameters().path("parameterSet").asText();
            for (WycheproofFile.Vector vector : group.tests()) {
                if (!parameterSet.equals("ML-KEM-768")) {
                    tally.count("skipped: parameter set " + parameterSet);
                    continue;
                }
                int before = tally.failures().size();
                String outcome = mlkem(vector, tally);
                count(tally, before, outcome, vector);
            }
        }
        tally.assertComplete(file, Map.of(Tally.VALID_PASSED, 153, Tally.INVALID_REJECTED, 40));
    }

    private static String mlkem(WycheproofFile.Vector vector, Tally tally) {
        byte[] seed = vector.bytes("seed");
        Outcome out = guest.decaps("ML-KEM-768", seed, vector.bytes("c"));
        if (vector.isValid()) {
            if (!out.is(vector.bytes("K"))) {
                tally.fail(vector, "expected K, got " + out);
            }
            byte[] ek = vector.bytes("ek");
            if (ek.length > 0) {
                Outcome derived = guest.publicFromSecret(AsymReactor.ALG_KX, "ML-KEM-768", seed);
                if (!derived.is(ek)) {
                    tally.fail(vector, "public key from the seed is not ek: " + derived);
                }
            }
            return Tally.VALID_PASSED;
        }
        int wantStage = seed.length != 64 ? 1 : 2;
        if (out.code() == 0
                || AbiResult.stage(out.code()) != wantStage
                || AbiResult.isHostFault(out.code())) {
            tally.fail(vector, "expected a refusal at stage " + wantStage + ", got " + out);
        }
        return Tally.INVALID_REJECTED;
    }

    // ---- bookkeeping ----

    /** Counts the outcome if the vector added no failure; flags handles left open. */
    private static void count(
            Tally tally, int failuresBefore, String outcome, WycheproofFile.Vector vector) {
        if (tally.failures().size() == failuresBefore) {
            tally.count(outcome);
        }
        if (guest.liveHandles() != 0) {
            tally.fail(vector, guest.liveHandles() + " handles left open after the call");
        }
    }

    /** Big-endian integer bytes as exactly {@code len} bytes, or null if it does not fit. */
    private static byte[] fixedLength(byte[] be, int len) {
        int start = 0;
        while (start < be.length - 1 && be[start] == 0 && be.length - start > len) {
            start++;
        }
        int n = be.length - start;
        if (n > len) {
            return null;
        }
        byte[] out = new byte[len];
        System.arraycopy(be, start, out, len - n, n);
        return out;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
