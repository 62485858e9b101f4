package io.cryptobridge.software;

import static io.cryptobridge.software.AsymmetricFixture.errnoOf;
import static io.cryptobridge.software.AsymmetricFixture.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cryptobridge.AlgorithmType;
import io.cryptobridge.CryptoErrno;
import io.cryptobridge.asymmetric.KeyPair;
import io.cryptobridge.asymmetric.KeyPairEncoding;
import io.cryptobridge.asymmetric.PublicKey;
import io.cryptobridge.asymmetric.PublicKeyEncoding;
import io.cryptobridge.asymmetric.SecretKey;
import io.cryptobridge.asymmetric.SecretKeyEncoding;
import io.cryptobridge.signatures.Signature;
import io.cryptobridge.signatures.SignatureEncoding;
import io.cryptobridge.signatures.SignatureState;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EcdsaSignaturesTest {
    private static final byte[] SAMPLE = "sample".getBytes(StandardCharsets.US_ASCII);
    private final AsymmetricFixture f = new AsymmetricFixture();

    /** RFC 6979 §A.2.5, P-256 with SHA-256, message "sample": the deterministic (r, s). */
    @Test
    void sign_rfc6979P256Sample_isDeterministicKnownAnswer() {
        KeyPair pair =
                f.keys.importKeyPair(
                        AlgorithmType.SIGNATURES,
                        "ECDSA_P256_SHA256",
                        hex("C9AFA9D845BA75166B5C215767B1D6934E50C3DB36E89B127B8A622B120F6721"),
                        KeyPairEncoding.RAW);
        assertArrayEquals(
                hex(
                        "04 60FED4BA255A9D31C961EB74C6356D68C049B8923B61FA6CE669622E60F29FB6"
                                + "7903FE1008B8BC99A41AE9E95628BC64F2F1B20C2D7E9F5177A3C294D4462299"),
                pair.publicKey().export(PublicKeyEncoding.SEC));
        assertArrayEquals(
                hex(
                        "EFD48B2AACB6A8FD1140DD9CD45E81D69D2C877B56AAF991C34D0EA84EAF3716"
                                + "F7CB1C942D657C41D436C7A1B6E29F65F3E900DBB9AFF4064DC4AB2F843ACDA8"),
                f.sign(pair, SAMPLE).raw());
    }

    @ParameterizedTest
    @CsvSource({"ECDSA_P256_SHA256,64", "ECDSA_P384_SHA384,96", "ecdsa_k256_sha256,64"})
    void signVerify_eachCurve_rawAndDerRoundTrip(String algorithm, int rawLength) {
        KeyPair pair = f.generateSigning(algorithm);
        Signature signature = f.sign(pair, SAMPLE);
        assertEquals(rawLength, signature.raw().length);
        byte[] der = signature.export(SignatureEncoding.DER);
        Signature back = f.signatures.importSignature(algorithm, der, SignatureEncoding.DER);
        assertArrayEquals(signature.raw(), back.raw());
        f.verify(pair.publicKey(), back, SAMPLE);
        assertEquals(
                CryptoErrno.INVALID_SIGNATURE,
                errnoOf(() -> f.verify(pair.publicKey(), back, "Sample".getBytes())));
    }

    @ParameterizedTest
    @CsvSource({
        "ECDSA_P256_SHA256,SHA256withECDSAinP1363Format,EC",
        "ECDSA_P384_SHA384,SHA384withECDSAinP1363Format,EC"
    })
    void sign_jdkSunEcVerifies(String algorithm, String jcaName, String keyType) throws Exception {
        KeyPair pair = f.generateSigning(algorithm);
        byte[] spki = pair.publicKey().export(PublicKeyEncoding.PKCS8);
        java.security.PublicKey jdkKey =
                KeyFactory.getInstance(keyType).generatePublic(new X509EncodedKeySpec(spki));
        java.security.Signature jdk = java.security.Signature.getInstance(jcaName);
        jdk.initVerify(jdkKey);
        jdk.update(SAMPLE);
        assertTrue(jdk.verify(f.sign(pair, SAMPLE).raw()));
    }

    @Test
    void sign_afterMoreUpdates_isCumulative() {
        KeyPair pair = f.generateSigning("ECDSA_P256_SHA256");
        SignatureState state = f.signatures.openSigner(pair);
        state.update("sam".getBytes());
        Signature first = state.sign();
        state.update("ple".getBytes());
        Signature second = state.sign();
        f.verify(pair.publicKey(), first, "sam".getBytes());
        f.verify(pair.publicKey(), second, SAMPLE);
    }

    @Test
    void verify_derGarbage_isRejectedAtImport() {
        assertEquals(
                CryptoErrno.INVALID_SIGNATURE,
                errnoOf(
                        () ->
                                f.signatures.importSignature(
                                        "ECDSA_P256_SHA256",
                                        new byte[] {0x30, 0x00},
                                        SignatureEncoding.DER)));
    }

    @Test
    void verify_zeroSignature_failsInvalidSignature() {
        KeyPair pair = f.generateSigning("ECDSA_P256_SHA256");
        Signature zero =
                f.signatures.importSignature(
                        "ECDSA_P256_SHA256", new byte[64], SignatureEncoding.RAW);
        assertEquals(
                CryptoErrno.INVALID_SIGNATURE,
                errnoOf(() -> f.verify(pair.publicKey(), zero, SAMPLE)));
    }

    @Test
    void verify_signatureOfOtherAlgorithm_failsInvalidSignature() {
        KeyPair k256 = f.generateSigning("ECDSA_K256_SHA256");
        KeyPair p256 = f.generateSigning("ECDSA_P256_SHA256");
        Signature signature = f.sign(k256, SAMPLE);
        assertEquals(
                CryptoErrno.INVALID_SIGNATURE,
                errnoOf(() -> f.verify(p256.publicKey(), signature, SAMPLE)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ECDSA_P256_SHA256", "ECDSA_P384_SHA384", "ECDSA_K256_SHA256"})
    void publicKeyImport_compressedSec_equalsUncompressed(String algorithm) {
        KeyPair pair = f.generateSigning(algorithm);
        byte[] uncompressed = pair.publicKey().export(PublicKeyEncoding.SEC);
        int coordinate = (uncompressed.length - 1) / 2;
        byte[] compressed = Arrays.copyOf(uncompressed, 1 + coordinate);
        compressed[0] = (byte) (2 + (uncompressed[uncompressed.length - 1] & 1));
        PublicKey imported =
                f.keys.importPublicKey(
                        AlgorithmType.SIGNATURES, algorithm, compressed, PublicKeyEncoding.SEC);
        assertArrayEquals(uncompressed, imported.export(PublicKeyEncoding.SEC));
        assertArrayEquals(uncompressed, imported.export(PublicKeyEncoding.RAW));
        imported.verify();
    }

    @Test
    void publicKeyImport_pointOffCurve_failsInvalidKey() {
        byte[] sec =
                f.generateSigning("ECDSA_P256_SHA256").publicKey().export(PublicKeyEncoding.SEC);
        sec[64] ^= 1;
        assertEquals(
                CryptoErrno.INVALID_KEY,
                errnoOf(
                        () ->
                                f.keys.importPublicKey(
                                        AlgorithmType.SIGNATURES,
                                        "ECDSA_P256_SHA256",
                                        sec,
                                        PublicKeyEncoding.SEC)));
    }

    @Test
    void publicKeyImport_keyOfOtherCurve_failsInvalidKey() {
        byte[] p384 =
                f.generateSigning("ECDSA_P384_SHA384").publicKey().export(PublicKeyEncoding.PKCS8);
        byte[] k256 =
                f.generateSigning("ECDSA_K256_SHA256").publicKey().export(PublicKeyEncoding.PKCS8);
        for (byte[] spki : new byte[][] {p384, k256}) {
            assertEquals(
                    CryptoErrno.INVALID_KEY,
                    errnoOf(
                            () ->
                                    f.keys.importPublicKey(
                                            AlgorithmType.SIGNATURES,
                                            "ECDSA_P256_SHA256",
                                            spki,
                                            PublicKeyEncoding.PKCS8)));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ECDSA_P256_SHA256", "ECDSA_P384_SHA384", "ECDSA_K256_SHA256"})
    void keyEncodings_allForms_roundTripToSameKey(String algorithm) {
        KeyPair pair = f.generateSigning(algorithm);
        byte[] expectedPublic = pair.publicKey().export(PublicKeyEncoding.SEC);
        for (KeyPairEncoding encoding :
                new KeyPairEncoding[] {
                    KeyPairEncoding.RAW, KeyPairEncoding.PKCS8, KeyPairEncoding.PEM
                }) {
            KeyPair back =
                    f.keys.importKeyPair(
                            AlgorithmType.SIGNATURES, algorithm, pair.export(encoding), encoding);
            assertArrayEquals(expectedPublic, back.publicKey().export(PublicKeyEncoding.SEC));
        }
        for (SecretKeyEncoding encoding :
                new SecretKeyEncoding[] {
                    SecretKeyEncoding.RAW,
                    SecretKeyEncoding.SEC,
                    SecretKeyEncoding.PKCS8,
                    SecretKeyEncoding.PEM
                }) {
            SecretKey back =
                    f.keys.importSecretKey(
                            AlgorithmType.SIGNATURES,
                            algorithm,
                            pair.secretKey().export(encoding),
                            encoding);
            assertArrayEquals(expectedPublic, back.publicKey().export(PublicKeyEncoding.SEC));
        }
        for (PublicKeyEncoding encoding :
                new PublicKeyEncoding[] {
                    PublicKeyEncoding.RAW,
                    PublicKeyEncoding.SEC,
                    PublicKeyEncoding.PKCS8,
                    PublicKeyEncoding.PEM
                }) {
            PublicKey back =
                    f.keys.importPublicKey(
                            AlgorithmType.SIGNATURES,
                            algorithm,
                            pair.publicKey().export(encoding),
                            encoding);
            assertArrayEquals(expectedPublic, back.export(PublicKeyEncoding.SEC));
        }
    }

    @Test
    void secretKeyImport_scalarZeroOrOrder_failsInvalidKey() {
        byte[] order = hex("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551");
        for (byte[] scalar : new byte[][] {new byte[32], order}) {
            assertEquals(
                    CryptoErrno.INVALID_KEY,
                    errnoOf(
                            () ->
                                    f.keys.importSecretKey(
                                            AlgorithmType.SIGNATURES,
                                            "ECDSA_P256_SHA256",
                                            scalar,
                                            SecretKeyEncoding.RAW)));
        }
    }
}
