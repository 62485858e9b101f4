package io.cryptobridge.software;

import static io.cryptobridge.software.AsymmetricFixture.errnoOf;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.cryptobridge.AlgorithmType;
import io.cryptobridge.CryptoErrno;
import io.cryptobridge.asymmetric.KeyPair;
import io.cryptobridge.asymmetric.KeyPairEncoding;
import io.cryptobridge.asymmetric.PublicKey;
import io.cryptobridge.asymmetric.PublicKeyEncoding;
import io.cryptobridge.asymmetric.SecretKey;
import io.cryptobridge.asymmetric.SecretKeyEncoding;
import io.cryptobridge.spi.KeyExchangePrimitives.Encapsulation;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KemKeyExchangeTest {
    private final AsymmetricFixture f = new AsymmetricFixture();

    @ParameterizedTest
    @CsvSource({
        "ML-KEM-512,800,1632,768",
        "ML-KEM-768,1184,2400,1088",
        "ml-kem-1024,1568,3168,1568",
        "X-WING,1216,32,1120"
    })
    void encapsulate_thenDecapsulate_yieldSameSecret(
            String algorithm, int publicLength, int secretLength, int ciphertextLength) {
        KeyPair pair = f.generateKx(algorithm);
        assertEquals(publicLength, pair.publicKey().export(PublicKeyEncoding.RAW).length);
        assertEquals(secretLength, pair.secretKey().export(SecretKeyEncoding.RAW).length);
        Encapsulation encapsulation = f.kx.encapsulate(pair.publicKey());
        assertEquals(32, encapsulation.secret().length);
        assertEquals(ciphertextLength, encapsulation.ciphertext().length);
        assertArrayEquals(
                encapsulation.secret(),
                f.kx.decapsulate(pair.secretKey(), encapsulation.ciphertext()));
    }

    @ParameterizedTest
    @CsvSource({"ML-KEM-768", "X-WING"})
    void decapsulate_wrongLength_failsVerificationFailed(String algorithm) {
        KeyPair pair = f.generateKx(algorithm);
        byte[] ciphertext = f.kx.encapsulate(pair.publicKey()).ciphertext();
        byte[] shorter = Arrays.copyOf(ciphertext, ciphertext.length - 1);
        assertEquals(
                CryptoErrno.VERIFICATION_FAILED,
                errnoOf(() -> f.kx.decapsulate(pair.secretKey(), shorter)));
    }

    @Test
    void decapsulate_tamperedCiphertext_implicitRejectionGivesOtherSecret() {
        KeyPair pair = f.generateKx("ML-KEM-768");
        Encapsulation encapsulation = f.kx.encapsulate(pair.publicKey());
        byte[] tampered = encapsulation.ciphertext();
        tampered[0] ^= 1;
        assertFalse(
                Arrays.equals(
                        encapsulation.secret(), f.kx.decapsulate(pair.secretKey(), tampered)));
    }

    @ParameterizedTest
    @CsvSource({"ML-KEM-512", "ML-KEM-768", "ML-KEM-1024", "X-WING"})
    void keyEncodings_rawRoundTrip_decapsulatesSameSecret(String algorithm) {
        KeyPair pair = f.generateKx(algorithm);
        Encapsulation encapsulation = f.kx.encapsulate(pair.publicKey());
        KeyPair fromPair =
                f.keys.importKeyPair(
                        AlgorithmType.KEY_EXCHANGE,
                        algorithm,
                        pair.export(KeyPairEncoding.RAW),
                        KeyPairEncoding.RAW);
        SecretKey fromSecret =
                f.keys.importSecretKey(
                        AlgorithmType.KEY_EXCHANGE,
                        algorithm,
                        pair.secretKey().export(SecretKeyEncoding.RAW),
                        SecretKeyEncoding.RAW);
        PublicKey fromPublic =
                f.keys.importPublicKey(
                        AlgorithmType.KEY_EXCHANGE,
                        algorithm,
                        pair.publicKey().export(PublicKeyEncoding.RAW),
                        PublicKeyEncoding.RAW);
        fromPublic.verify();
        assertArrayEquals(
                pair.publicKey().export(PublicKeyEncoding.RAW),
                fromSecret.publicKey().export(PublicKeyEncoding.RAW));
        for (SecretKey key : new SecretKey[] {fromPair.secretKey(), fromSecret}) {
            assertArrayEquals(
                    encapsulation.secret(), f.kx.decapsulate(key, encapsulation.ciphertext()));
        }
        f.keys.keyPair(fromPublic, fromSecret);
    }

    @Test
    void secretKeyImport_mlKemSeed_expandsToSameKeyAsExpandedForm() {
        byte[] seed = new byte[64];
        Arrays.fill(seed, (byte) 7);
        SecretKey fromSeed =
                f.keys.importSecretKey(
                        AlgorithmType.KEY_EXCHANGE, "ML-KEM-768", seed, SecretKeyEncoding.RAW);
        byte[] expanded = fromSeed.export(SecretKeyEncoding.RAW);
        assertEquals(2400, expanded.length);
        SecretKey fromExpanded =
                f.keys.importSecretKey(
                        AlgorithmType.KEY_EXCHANGE, "ML-KEM-768", expanded, SecretKeyEncoding.RAW);
        assertArrayEquals(
                fromSeed.publicKey().export(PublicKeyEncoding.RAW),
                fromExpanded.publicKey().export(PublicKeyEncoding.RAW));
        expanded[2400 - 40] ^= 1; // inside H(ek)
        assertEquals(
                CryptoErrno.INVALID_KEY,
                errnoOf(
                        () ->
                                f.keys.importSecretKey(
                                        AlgorithmType.KEY_EXCHANGE,
                                        "ML-KEM-768",
                                        expanded,
                                        SecretKeyEncoding.RAW)));
    }

    @Test
    void publicKeyImport_unreducedCoefficient_failsInvalidKey() {
        byte[] raw = f.generateKx("ML-KEM-512").publicKey().export(PublicKeyEncoding.RAW);
        raw[0] = (byte) 0xff;
        raw[1] = (byte) 0x0f; // first coefficient = 4095 >= q
        assertEquals(
                CryptoErrno.INVALID_KEY,
                errnoOf(
                        () ->
                                f.keys.importPublicKey(
                                        AlgorithmType.KEY_EXCHANGE,
                                        "ML-KEM-512",
                                        raw,
                                        PublicKeyEncoding.RAW)));
    }

    @Test
    void keyPair_mismatchedHalves_failIncompatibleKeys() {
        KeyPair a = f.generateKx("ML-KEM-512");
        KeyPair b = f.generateKx("ML-KEM-512");
        assertEquals(
                CryptoErrno.INCOMPATIBLE_KEYS,
                errnoOf(() -> f.keys.keyPair(a.publicKey(), b.secretKey())));
        assertEquals(
                CryptoErrno.INCOMPATIBLE_KEYS,
                errnoOf(() -> f.keys.keyPair(a.publicKey(), f.generateKx("X-WING").secretKey())));
    }

    @Test
    void encodings_otherThanRaw_failUnsupportedEncoding() {
        KeyPair pair = f.generateKx("X-WING");
        assertEquals(
                CryptoErrno.UNSUPPORTED_ENCODING,
                errnoOf(() -> pair.publicKey().export(PublicKeyEncoding.PKCS8)));
        assertEquals(
                CryptoErrno.UNSUPPORTED_ENCODING, errnoOf(() -> pair.export(KeyPairEncoding.PEM)));
        assertEquals(
                CryptoErrno.UNSUPPORTED_ENCODING,
                errnoOf(() -> pair.secretKey().export(SecretKeyEncoding.LOCAL)));
    }
}
