package io.cryptobridge.software;

import static io.cryptobridge.software.AsymmetricFixture.errnoOf;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cryptobridge.AlgorithmType;
import io.cryptobridge.CryptoErrno;
import io.cryptobridge.asymmetric.KeyPair;
import io.cryptobridge.asymmetric.KeyPairEncoding;
import io.cryptobridge.asymmetric.PublicKey;
import io.cryptobridge.asymmetric.PublicKeyEncoding;
import io.cryptobridge.asymmetric.SecretKeyEncoding;
import io.cryptobridge.signatures.Signature;
import io.cryptobridge.signatures.SignatureEncoding;
import io.cryptobridge.signatures.SignatureState;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.PSSParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RSA against the JDK's SunRsaSign as an independent implementation, on one 2048-bit JDK key. */
class RsaSignaturesTest {
    private static final byte[] MESSAGE = "rsa message".getBytes(StandardCharsets.US_ASCII);
    private static java.security.KeyPair jdkPair;
    private final AsymmetricFixture f = new AsymmetricFixture();

    @BeforeAll
    static void jdkKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        jdkPair = generator.generateKeyPair();
    }

    private KeyPair imported(String algorithm) {
        return f.keys.importKeyPair(
                AlgorithmType.SIGNATURES,
                algorithm,
                jdkPair.getPrivate().getEncoded(),
                KeyPairEncoding.PKCS8);
    }

    @ParameterizedTest
    @CsvSource({
        "RSA_PKCS1_2048_SHA256,SHA256withRSA",
        "RSA_PKCS1_2048_SHA384,SHA384withRSA",
        "RSA_PKCS1_2048_SHA512,SHA512withRSA"
    })
    void pkcs1Sign_equalsJdkSignature(String algorithm, String jcaName) throws Exception {
        java.security.Signature jdk = java.security.Signature.getInstance(jcaName);
        jdk.initSign(jdkPair.getPrivate());
        jdk.update(MESSAGE);
        byte[] expected = jdk.sign();
        KeyPair pair = imported(algorithm);
        assertArrayEquals(expected, f.sign(pair, MESSAGE).raw());
        Signature fromJdk =
                f.signatures.importSignature(algorithm, expected, SignatureEncoding.RAW);
        f.verify(pair.publicKey(), fromJdk, MESSAGE);
    }

    @ParameterizedTest
    @CsvSource({
        "RSA_PSS_2048_SHA256,SHA-256,32",
        "RSA_PSS_2048_SHA384,SHA-384,48",
        "RSA_PSS_2048_SHA512,SHA-512,64"
    })
    void pssSign_jdkVerifiesWithHashLengthSalt(String algorithm, String hash, int salt)
            throws Exception {
        KeyPair pair = imported(algorithm);
        byte[] signature = f.sign(pair, MESSAGE).raw();
        java.security.Signature jdk = java.security.Signature.getInstance("RSASSA-PSS");
        jdk.setParameter(new PSSParameterSpec(hash, "MGF1", new MGF1ParameterSpec(hash), salt, 1));
        jdk.initVerify(jdkPair.getPublic());
        jdk.update(MESSAGE);
        assertTrue(jdk.verify(signature));

        jdk.initSign(jdkPair.getPrivate());
        jdk.update(MESSAGE);
        Signature fromJdk =
                f.signatures.importSignature(algorithm, jdk.sign(), SignatureEncoding.RAW);
        f.verify(pair.publicKey(), fromJdk, MESSAGE);
    }

    @Test
    void verify_pssSignatureUnderPkcs1Key_failsInvalidSignature() {
        Signature pss = f.sign(imported("RSA_PSS_2048_SHA256"), MESSAGE);
        Signature relabelled =
                f.signatures.importSignature(
                        "RSA_PKCS1_2048_SHA256", pss.raw(), SignatureEncoding.RAW);
        assertEquals(
                CryptoErrno.INVALID_SIGNATURE,
                errnoOf(
                        () ->
                                f.verify(
                                        imported("RSA_PKCS1_2048_SHA256").publicKey(),
                                        relabelled,
                                        MESSAGE)));
    }

    @Test
    void verify_signatureOfAllOnes_failsInvalidSignature() {
        byte[] ones = new byte[256];
        java.util.Arrays.fill(ones, (byte) 0xff);
        Signature big =
                f.signatures.importSignature("RSA_PSS_2048_SHA256", ones, SignatureEncoding.RAW);
        assertEquals(
                CryptoErrno.INVALID_SIGNATURE,
                errnoOf(() -> f.verify(imported("RSA_PSS_2048_SHA256").publicKey(), big, MESSAGE)));
    }

    @Test
    void sign_updateSignUpdateSign_isCumulative() {
        KeyPair pair = imported("RSA_PSS_2048_SHA256");
        SignatureState state = f.signatures.openSigner(pair);
        state.update("rsa ".getBytes());
        Signature first = state.sign();
        state.update("message".getBytes());
        Signature second = state.sign();
        f.verify(pair.publicKey(), first, "rsa ".getBytes());
        f.verify(pair.publicKey(), second, MESSAGE);
    }

    @Test
    void import_keyOfOtherModulusSize_failsInvalidKey() {
        byte[] pkcs8 = jdkPair.getPrivate().getEncoded();
        assertEquals(
                CryptoErrno.INVALID_KEY,
                errnoOf(
                        () ->
                                f.keys.importKeyPair(
                                        AlgorithmType.SIGNATURES,
                                        "RSA_PKCS1_3072_SHA384",
                                        pkcs8,
                                        KeyPairEncoding.PKCS8)));
    }

    @Test
    void encodings_pkcs8AndPem_roundTripAndJdkParses() throws Exception {
        KeyPair pair = imported("RSA_PKCS1_2048_SHA256");
        byte[] spki = pair.publicKey().export(PublicKeyEncoding.PKCS8);
        assertArrayEquals(jdkPair.getPublic().getEncoded(), spki);
        KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(spki));
        KeyFactory.getInstance("RSA")
                .generatePrivate(
                        new PKCS8EncodedKeySpec(pair.secretKey().export(SecretKeyEncoding.PKCS8)));
        PublicKey fromPem =
                f.keys.importPublicKey(
                        AlgorithmType.SIGNATURES,
                        "RSA_PKCS1_2048_SHA256",
                        pair.publicKey().export(PublicKeyEncoding.PEM),
                        PublicKeyEncoding.PEM);
        fromPem.verify();
        assertEquals(
                CryptoErrno.UNSUPPORTED_ENCODING,
                errnoOf(() -> pair.publicKey().export(PublicKeyEncoding.RAW)));
        assertEquals(
                CryptoErrno.UNSUPPORTED_ENCODING, errnoOf(() -> pair.export(KeyPairEncoding.RAW)));
        assertEquals(
                CryptoErrno.UNSUPPORTED_ENCODING,
                errnoOf(() -> f.sign(pair, MESSAGE).export(SignatureEncoding.DER)));
    }

    @Test
    void generate_2048_signsAndVerifies() {
        KeyPair pair = f.generateSigning("RSA_PSS_2048_SHA256");
        f.verify(pair.publicKey(), f.sign(pair, MESSAGE), MESSAGE);
        pair.publicKey().verify();
    }
}
