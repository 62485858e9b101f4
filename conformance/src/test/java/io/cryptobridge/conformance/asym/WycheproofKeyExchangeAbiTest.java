package io.cryptobridge.conformance.asym;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.cryptobridge.CryptoErrno;
import io.cryptobridge.conformance.GuestRunner;
import io.cryptobridge.conformance.Guests;
import io.cryptobridge.conformance.ReactorGuest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
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
 *       not.
 * </ul>
 */
class WycheproofKeyExchangeAbiTest {
    private static final int ALG_KX = 2;
    private static final int RAW = 0;
    private static final int PKCS8 = 1;
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
    static GuestRunner runner;

    static ReactorGuest guest;

    @BeforeAll
    static void startGuest() {
        runner = GuestRunner.withDefaults();
        guest = runner.startReactor(Guests.wasm("wycheproof_asym"));
    }

    @AfterAll
    static void stopGuest() {
        if (guest != null) {
            guest.close();
        }
        if (runner != null) {
            runner.close();
        }
    }

    @Test
    void dh_x25519Vectors_matchOrRefuseLowOrder() throws Exception {
        JsonNode root = WycheproofFiles.load("x25519_test.json");
        VectorTally tally = new VectorTally();
        for (JsonNode group : root.path("testGroups")) {
            for (JsonNode test : group.path("tests")) {
                byte[] sk = WycheproofFiles.hex(test.path("private"));
                byte[] pk = WycheproofFiles.hex(test.path("public"));
                byte[] shared = WycheproofFiles.hex(test.path("shared"));
                Outcome out = dh("X25519", sk, RAW, pk, RAW);
                String result = test.path("result").asText();
                boolean lowOrder = WycheproofFiles.hasFlag(test, "ZeroSharedSecret");
                if (result.equals("acceptable") && lowOrder) {
                    tally.acceptableRejected++;
                    tally.rejectedWith(out.code);
                    if (out.code == 0 || AbiResult.errno(out.code) != CryptoErrno.INVALID_KEY) {
                        fail(tally, test, "low-order point: expected invalid_key, got " + out);
                    }
                } else {
                    if (result.equals("valid")) {
                        tally.valid++;
                    } else {
                        tally.acceptableAccepted++;
                    }
                    if (!out.is(shared)) {
                        fail(
                                tally,
                                test,
                                "expected " + HexFormat.of().formatHex(shared) + ", got " + out);
                    }
                }
                checkHandles(tally, test);
            }
        }
        assertClean(tally, root);
        assertEquals(264, tally.valid, tally::toString);
        assertEquals(31, tally.acceptableRejected, tally::toString);
        assertEquals(223, tally.acceptableAccepted, tally::toString);
    }

    @Test
    void dh_ecdhP256Vectors_validMatchInvalidRefused() throws Exception {
        JsonNode root = WycheproofFiles.load("ecdh_secp256r1_test.json");
        VectorTally tally = new VectorTally();
        for (JsonNode group : root.path("testGroups")) {
            boolean asn = "asn".equals(group.path("encoding").asText());
            for (JsonNode test : group.path("tests")) {
                if (!asn) {
                    tally.skip("public key encoding " + group.path("encoding").asText());
                    continue;
                }
                byte[] scalar = fixedLength(WycheproofFiles.hex(test.path("private")), 32);
                if (scalar == null) {
                    tally.skip("private scalar longer than 32 bytes");
                    continue;
                }
                byte[] sk = concat(P256_PKCS8_PREFIX, scalar);
                byte[] pk = WycheproofFiles.hex(test.path("public"));
                byte[] shared = WycheproofFiles.hex(test.path("shared"));
                Outcome out = dh("P256-SHA256", sk, PKCS8, pk, PKCS8);
                switch (test.path("result").asText()) {
                    case "valid" -> {
                        tally.valid++;
                        if (!out.is(shared)) {
                            fail(tally, test, "expected the shared secret, got " + out);
                        }
                    }
                    case "invalid" -> {
                        tally.invalid++;
                        tally.rejectedWith(out.code);
                        if (out.code == 0
                                || AbiResult.stage(out.code) == 1
                                || AbiResult.isHostFault(out.code)) {
                            fail(
                                    tally,
                                    test,
                                    "invalid public key: expected a refusal at import or"
                                            + " kx_dh, got "
                                            + out);
                        }
                    }
                    default -> {
                        if (out.code == 0) {
                            tally.acceptableAccepted++;
                            if (!out.is(shared)) {
                                fail(tally, test, "accepted with a wrong secret: " + out);
                            }
                        } else {
                            tally.acceptableRejected++;
                            tally.rejectedWith(out.code);
                            if (AbiResult.stage(out.code) == 1 || AbiResult.isHostFault(out.code)) {
                                fail(tally, test, "refused by a host fault: " + out);
                            }
                        }
                    }
                }
                checkHandles(tally, test);
            }
        }
        assertClean(tally, root);
        assertEquals(330, tally.valid, tally::toString);
        assertEquals(52, tally.invalid, tally::toString);
        assertEquals(230, tally.acceptableAccepted + tally.acceptableRejected, tally::toString);
    }

    /**
     * ML-KEM-768: the secret key is imported raw as the 64-byte seed d||z (FIPS 203 §7.1 seed
     * form), its public key must equal {@code ek}, and decapsulating {@code c} must give {@code K}.
     * Invalid vectors: a seed of the wrong length must be refused at secretkey_import, a ciphertext
     * of the wrong length at kx_decapsulate.
     */
    @Test
    void decapsulate_mlkem768Vectors_validMatchInvalidRefused() throws Exception {
        JsonNode root = WycheproofFiles.load("mlkem_768_test.json");
        VectorTally tally = new VectorTally();
        for (JsonNode group : root.path("testGroups")) {
            if (!"ML-KEM-768".equals(group.path("parameterSet").asText())) {
                group.path("tests").forEach(t -> tally.skip("parameter set is not ML-KEM-768"));
                continue;
            }
            for (JsonNode test : group.path("tests")) {
                byte[] seed = WycheproofFiles.hex(test.path("seed"));
                byte[] ct = WycheproofFiles.hex(test.path("c"));
                Outcome out = decaps("ML-KEM-768", seed, ct);
                if (test.path("result").asText().equals("valid")) {
                    tally.valid++;
                    if (!out.is(WycheproofFiles.hex(test.path("K")))) {
                        fail(tally, test, "expected K, got " + out);
                    }
                    if (test.has("ek")) {
                        Outcome ek = publicFromSecret("ML-KEM-768", seed);
                        if (!ek.is(WycheproofFiles.hex(test.path("ek")))) {
                            fail(tally, test, "public key from the seed is not ek: " + ek);
                        }
                    }
                } else {
                    tally.invalid++;
                    tally.rejectedWith(out.code);
                    int wantStage = seed.length != 64 ? 1 : 2;
                    if (out.code == 0
                            || AbiResult.stage(out.code) != wantStage
                            || AbiResult.isHostFault(out.code)) {
                        fail(
                                tally,
                                test,
                                "expected a refusal at stage " + wantStage + ", got " + out);
                    }
                }
                checkHandles(tally, test);
            }
        }
        assertClean(tally, root);
        assertEquals(153, tally.valid, tally::toString);
        assertEquals(40, tally.invalid, tally::toString);
    }

    // ---- calls into the guest ----

    /** The result code and, on success, the bytes the call produced. */
    private record Outcome(int code, byte[] output) {
        boolean is(byte[] expected) {
            return code == 0 && Arrays.equals(output, expected);
        }

        @Override
        public String toString() {
            return code == 0
                    ? "success " + HexFormat.of().formatHex(output)
                    : AbiResult.describe(code);
        }
    }

    private static Outcome dh(String alg, byte[] sk, int skEnc, byte[] pk, int pkEnc) {
        byte[] name = alg.getBytes(StandardCharsets.UTF_8);
        int[] ptrs = {
            guest.copyIn(name),
            guest.copyIn(sk),
            guest.copyIn(pk),
            guest.alloc(OUT_CAP),
            guest.alloc(4)
        };
        try {
            int code =
                    guest.callErrno(
                            "dh",
                            ptrs[0],
                            name.length,
                            ptrs[1],
                            sk.length,
                            skEnc,
                            ptrs[2],
                            pk.length,
                            pkEnc,
                            ptrs[3],
                            OUT_CAP,
                            ptrs[4]);
            return outcome(code, ptrs[3], ptrs[4]);
        } finally {
            freeAll(ptrs);
        }
    }

    private static Outcome decaps(String alg, byte[] sk, byte[] ct) {
        byte[] name = alg.getBytes(StandardCharsets.UTF_8);
        int[] ptrs = {
            guest.copyIn(name),
            guest.copyIn(sk),
            guest.copyIn(ct),
            guest.alloc(OUT_CAP),
            guest.alloc(4)
        };
        try {
            int code =
                    guest.callErrno(
                            "decaps",
                            ptrs[0],
                            name.length,
                            ptrs[1],
                            sk.length,
                            RAW,
                            ptrs[2],
                            ct.length,
                            ptrs[3],
                            OUT_CAP,
                            ptrs[4]);
            return outcome(code, ptrs[3], ptrs[4]);
        } finally {
            freeAll(ptrs);
        }
    }

    private static Outcome publicFromSecret(String alg, byte[] sk) {
        byte[] name = alg.getBytes(StandardCharsets.UTF_8);
        int[] ptrs = {guest.copyIn(name), guest.copyIn(sk), guest.alloc(OUT_CAP), guest.alloc(4)};
        try {
            int code =
                    guest.callErrno(
                            "public_from_secret",
                            ALG_KX,
                            ptrs[0],
                            name.length,
                            ptrs[1],
                            sk.length,
                            RAW,
                            RAW,
                            ptrs[2],
                            OUT_CAP,
                            ptrs[3]);
            return outcome(code, ptrs[2], ptrs[3]);
        } finally {
            freeAll(ptrs);
        }
    }

    private static Outcome outcome(int code, int outPtr, int lenPtr) {
        if (code != 0) {
            return new Outcome(code, null);
        }
        int len = guest.memory().readInt(lenPtr);
        return new Outcome(0, guest.memory().readBytes(outPtr, len));
    }

    private static void freeAll(int[] ptrs) {
        for (int p : ptrs) {
            guest.dealloc(p);
        }
    }

    // ---- bookkeeping ----

    private static void fail(VectorTally tally, JsonNode test, String what) {
        tally.fail(test.path("tcId").asText(), test.path("comment").asText(), what);
    }

    private static void checkHandles(VectorTally tally, JsonNode test) {
        if (guest.liveHandles() != 0) {
            fail(tally, test, guest.liveHandles() + " handles left open after the call");
        }
    }

    private static void assertClean(VectorTally tally, JsonNode root) {
        assertEquals(List.of(), tally.failures, tally::toString);
        assertEquals(Map.of(), tally.skipped, "no vector of these files needs skipping");
        assertEquals(root.path("numberOfTests").asInt(), tally.total(), tally::toString);
        assertTrue(tally.valid > 0, "valid vectors ran");
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
