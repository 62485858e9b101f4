package io.cryptobridge.conformance.asym;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cryptobridge.CryptoErrno;
import io.cryptobridge.conformance.asym.AsymReactor.Outcome;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import javax.crypto.KeyAgreement;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Interop through the ABI: keys made by the JDK are imported into the host, which signs, verifies
 * and agrees on secrets with the JDK on the other side. Catches an algorithm name mapped to the
 * wrong hash, PSS salt or curve, which the host's own round trips cannot see. secp256k1 comes from
 * BouncyCastle, because the JDK dropped it.
 */
class JdkInteropAbiTest {
    private static final Provider BC = new BouncyCastleProvider();
    private static final byte[] MESSAGE = "interop through wasi-crypto".getBytes();
    private static final Map<String, KeyPair> KEYS = new HashMap<>();

    private static AsymReactor guest;

    /** A signature algorithm as the ABI names it and as the JDK does. */
    record SigAlg(String abiName, String keyType, int rsaBits, String curve, String hash) {
        boolean rsa() {
            return keyType.equals("RSA");
        }

        boolean ecdsa() {
            return keyType.equals("EC");
        }

        /** The JDK dropped secp256k1 (JDK 16); BouncyCastle's JCA provider stands in. */
        boolean needsBouncyCastle() {
            return "secp256k1".equals(curve);
        }

        boolean pss() {
            return abiName.startsWith("RSA_PSS");
        }

        @Override
        public String toString() {
            return abiName;
        }
    }

    static Stream<SigAlg> signatureAlgorithms() {
        return Stream.of(
                new SigAlg("RSA_PKCS1_2048_SHA256", "RSA", 2048, null, "SHA-256"),
                new SigAlg("RSA_PKCS1_2048_SHA384", "RSA", 2048, null, "SHA-384"),
                new SigAlg("RSA_PKCS1_2048_SHA512", "RSA", 2048, null, "SHA-512"),
                new SigAlg("RSA_PKCS1_3072_SHA384", "RSA", 3072, null, "SHA-384"),
                new SigAlg("RSA_PKCS1_3072_SHA512", "RSA", 3072, null, "SHA-512"),
                new SigAlg("RSA_PKCS1_4096_SHA512", "RSA", 4096, null, "SHA-512"),
                new SigAlg("RSA_PSS_2048_SHA256", "RSA", 2048, null, "SHA-256"),
                new SigAlg("RSA_PSS_2048_SHA384", "RSA", 2048, null, "SHA-384"),
                new SigAlg("RSA_PSS_2048_SHA512", "RSA", 2048, null, "SHA-512"),
                new SigAlg("RSA_PSS_3072_SHA384", "RSA", 3072, null, "SHA-384"),
                new SigAlg("RSA_PSS_3072_SHA512", "RSA", 3072, null, "SHA-512"),
                new SigAlg("RSA_PSS_4096_SHA512", "RSA", 4096, null, "SHA-512"),
                new SigAlg("ECDSA_P256_SHA256", "EC", 0, "secp256r1", "SHA-256"),
                new SigAlg("ECDSA_P384_SHA384", "EC", 0, "secp384r1", "SHA-384"),
                new SigAlg("ECDSA_K256_SHA256", "EC", 0, "secp256k1", "SHA-256"),
                new SigAlg("Ed25519", "Ed25519", 0, null, null));
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
    @MethodSource("signatureAlgorithms")
    void sign_jdkKeyPair_jdkVerifiesTheHostSignature(SigAlg alg) throws Exception {
        KeyPair keys = keysFor(alg);
        Outcome raw =
                guest.sign(
                        alg.abiName(),
                        keyPairBytes(alg, keys),
                        keyPairEncoding(alg),
                        MESSAGE,
                        AsymReactor.SIG_RAW);
        assertEquals(0, raw.code(), raw::toString);
        assertTrue(jdkVerify(alg, keys, MESSAGE, raw.output(), false), "JDK accepts the raw form");
        assertTrue(!jdkVerify(alg, keys, tampered(), raw.output(), false), "JDK rejects a tamper");
        if (alg.ecdsa()) {
            Outcome der =
                    guest.sign(
                            alg.abiName(),
                            keyPairBytes(alg, keys),
                            keyPairEncoding(alg),
                            MESSAGE,
                            AsymReactor.SIG_DER);
            assertEquals(0, der.code(), der::toString);
            assertTrue(
                    jdkVerify(alg, keys, MESSAGE, der.output(), true), "JDK accepts the DER form");
        }
        assertEquals(0, guest.liveHandles(), "handles left open");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("signatureAlgorithms")
    void verify_jdkSignature_hostAcceptsItAndRejectsATamper(SigAlg alg) throws Exception {
        KeyPair keys = keysFor(alg);
        byte[] pk = publicKeyBytes(alg, keys);
        int pkEncoding = alg.keyType().equals("Ed25519") ? AsymReactor.RAW : AsymReactor.PKCS8;
        byte[] sig = jdkSign(alg, keys, MESSAGE, false);
        assertEquals(
                0,
                guest.verify(alg.abiName(), pk, pkEncoding, MESSAGE, sig, AsymReactor.SIG_RAW),
                "host accepts the JDK signature");
        int refused =
                guest.verify(alg.abiName(), pk, pkEncoding, tampered(), sig, AsymReactor.SIG_RAW);
        assertEquals(
                CryptoErrno.INVALID_SIGNATURE,
                AbiResult.errno(refused),
                AbiResult.describe(refused));
        if (alg.ecdsa()) {
            byte[] der = jdkSign(alg, keys, MESSAGE, true);
            assertEquals(
                    0,
                    guest.verify(alg.abiName(), pk, pkEncoding, MESSAGE, der, AsymReactor.SIG_DER),
                    "host accepts the JDK's DER signature");
        }
        assertEquals(0, guest.liveHandles(), "handles left open");
    }

    /**
     * RSA_PSS_2048_SHA256 fixes MGF1-SHA-256 and a 32-byte salt; a PSS signature made with other
     * parameters is another scheme's signature and must be refused.
     */
    @ParameterizedTest(name = "salt {0}, MGF1 with {1}")
    @CsvSource({"0, SHA-256", "20, SHA-256", "64, SHA-256", "32, SHA-1"})
    void verify_pssSignatureWithOtherParameters_invalidSignature(int saltLength, String mgfHash)
            throws Exception {
        SigAlg alg =
                signatureAlgorithms()
                        .filter(a -> a.abiName().equals("RSA_PSS_2048_SHA256"))
                        .findFirst()
                        .orElseThrow();
        KeyPair keys = keysFor(alg);
        Signature s = Signature.getInstance("RSASSA-PSS");
        s.setParameter(
                new PSSParameterSpec(
                        "SHA-256", "MGF1", new MGF1ParameterSpec(mgfHash), saltLength, 1));
        s.initSign(keys.getPrivate());
        s.update(MESSAGE);
        int code =
                guest.verify(
                        alg.abiName(),
                        keys.getPublic().getEncoded(),
                        AsymReactor.PKCS8,
                        MESSAGE,
                        s.sign(),
                        AsymReactor.SIG_RAW);
        assertEquals(
                CryptoErrno.INVALID_SIGNATURE, AbiResult.errno(code), AbiResult.describe(code));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dhAlgorithms")
    void dh_jdkKeys_hostAgreesWithTheJdk(String abiName) throws Exception {
        boolean x25519 = abiName.equals("X25519");
        KeyPairGenerator generator = KeyPairGenerator.getInstance(x25519 ? "X25519" : "EC");
        if (!x25519) {
            generator.initialize(
                    new ECGenParameterSpec(abiName.startsWith("P256") ? "secp256r1" : "secp384r1"));
        }
        KeyPair ours = generator.generateKeyPair();
        KeyPair theirs = generator.generateKeyPair();
        KeyAgreement agreement = KeyAgreement.getInstance(x25519 ? "XDH" : "ECDH");
        agreement.init(ours.getPrivate());
        agreement.doPhase(theirs.getPublic(), true);
        byte[] expected = agreement.generateSecret();

        byte[] sk =
                x25519 ? last(ours.getPrivate().getEncoded(), 32) : ours.getPrivate().getEncoded();
        byte[] pk =
                x25519
                        ? last(theirs.getPublic().getEncoded(), 32)
                        : theirs.getPublic().getEncoded();
        int encoding = x25519 ? AsymReactor.RAW : AsymReactor.PKCS8;
        Outcome shared = guest.dh(abiName, sk, encoding, pk, encoding);
        assertEquals(0, shared.code(), shared::toString);
        assertArrayEquals(expected, shared.output(), "the JDK's shared secret");
        assertEquals(0, guest.liveHandles(), "handles left open");
    }

    static Stream<String> dhAlgorithms() {
        return Stream.of("X25519", "P256-SHA256", "P384-SHA384");
    }

    // ---- the JDK side ----

    private static synchronized KeyPair keysFor(SigAlg alg) throws GeneralSecurityException {
        String id = alg.keyType() + alg.rsaBits() + alg.curve();
        KeyPair cached = KEYS.get(id);
        if (cached != null) {
            return cached;
        }
        KeyPairGenerator generator;
        if (alg.rsa()) {
            generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(alg.rsaBits());
        } else if (alg.ecdsa()) {
            generator =
                    alg.needsBouncyCastle()
                            ? KeyPairGenerator.getInstance("EC", BC)
                            : KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec(alg.curve()));
        } else {
            generator = KeyPairGenerator.getInstance("Ed25519");
        }
        KeyPair keys = generator.generateKeyPair();
        KEYS.put(id, keys);
        return keys;
    }

    /** PKCS#8 for RSA and ECDSA; seed‖public key (raw) for Ed25519. */
    private static byte[] keyPairBytes(SigAlg alg, KeyPair keys) {
        if (!alg.keyType().equals("Ed25519")) {
            return keys.getPrivate().getEncoded();
        }
        byte[] out = Arrays.copyOf(last(keys.getPrivate().getEncoded(), 32), 64);
        System.arraycopy(last(keys.getPublic().getEncoded(), 32), 0, out, 32, 32);
        return out;
    }

    private static int keyPairEncoding(SigAlg alg) {
        return alg.keyType().equals("Ed25519") ? AsymReactor.RAW : AsymReactor.PKCS8;
    }

    private static byte[] publicKeyBytes(SigAlg alg, KeyPair keys) {
        byte[] spki = keys.getPublic().getEncoded();
        return alg.keyType().equals("Ed25519") ? last(spki, 32) : spki;
    }

    private static Signature jdkSignature(SigAlg alg, boolean der) throws GeneralSecurityException {
        String hash = alg.hash() == null ? "" : alg.hash().replace("-", "");
        if (alg.pss()) {
            Signature s = Signature.getInstance("RSASSA-PSS");
            int saltLength = Integer.parseInt(alg.hash().substring(4)) / 8;
            s.setParameter(
                    new PSSParameterSpec(
                            alg.hash(), "MGF1", new MGF1ParameterSpec(alg.hash()), saltLength, 1));
            return s;
        }
        if (alg.rsa()) {
            return Signature.getInstance(hash + "withRSA");
        }
        if (alg.ecdsa() && alg.needsBouncyCastle()) {
            return Signature.getInstance(hash + (der ? "withECDSA" : "withPLAIN-ECDSA"), BC);
        }
        if (alg.ecdsa()) {
            return Signature.getInstance(hash + (der ? "withECDSA" : "withECDSAinP1363Format"));
        }
        return Signature.getInstance("Ed25519");
    }

    private static byte[] jdkSign(SigAlg alg, KeyPair keys, byte[] msg, boolean der)
            throws GeneralSecurityException {
        Signature s = jdkSignature(alg, der);
        s.initSign(keys.getPrivate());
        s.update(msg);
        return s.sign();
    }

    private static boolean jdkVerify(SigAlg alg, KeyPair keys, byte[] msg, byte[] sig, boolean der)
            throws GeneralSecurityException {
        Signature s = jdkSignature(alg, der);
        s.initVerify(keys.getPublic());
        s.update(msg);
        return s.verify(sig);
    }

    private static byte[] tampered() {
        byte[] t = MESSAGE.clone();
        t[0] ^= 1;
        return t;
    }

    private static byte[] last(byte[] bytes, int n) {
        return Arrays.copyOfRange(bytes, bytes.length - n, bytes.length);
    }
}
