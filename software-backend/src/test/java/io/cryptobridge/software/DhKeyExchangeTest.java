package io.cryptobridge.software;

import static io.cryptobridge.software.AsymmetricFixture.errnoOf;
import static io.cryptobridge.software.AsymmetricFixture.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cryptobridge.AlgorithmType;
import io.cryptobridge.CryptoErrno;
import io.cryptobridge.asymmetric.KeyPair;
import io.cryptobridge.asymmetric.KeyPairEncoding;
import io.cryptobridge.asymmetric.PublicKey;
import io.cryptobridge.asymmetric.PublicKeyEncoding;
import io.cryptobridge.asymmetric.SecretKey;
import io.cryptobridge.asymmetric.SecretKeyEncoding;
import javax.crypto.KeyAgreement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DhKeyExchangeTest {
    private final AsymmetricFixture f = new AsymmetricFixture();

    private SecretKey secret(String algorithm, byte[] raw) {
        return f.keys.importSecretKey(
                AlgorithmType.KEY_EXCHANGE, algorithm, raw, SecretKeyEncoding.RAW);
    }

    private PublicKey publicKey(String algorithm, byte[] raw) {
        return f.keys.importPublicKey(
                AlgorithmType.KEY_EXCHANGE, algorithm, raw, PublicKeyEncoding.RAW);
    }

    /** RFC 7748 §5.2: scalar, u-coordinate, output (the second u has its top bit set). */
    @ParameterizedTest
    @CsvSource({
        "a546e36bf0527c9d3b16154b82465edd62144c0ac1fc5a18506a2244ba449ac4,"
                + "e6db6867583030db3594c1a424b15f7c726624ec26b3353b10a903a6d0ab1c4c,"
                + "c3da55379de9c6908e94ea4df28d084f32eccf03491c71f754b4075577a28552",
        "4b66e9d4d1b4673c5ad22691957d6af5c11b6421e0ea01d42ca4169e7918ba0d,"
                + "e5210f12786811d3f4b7959d0538ae2c31dbe7106fc03c3efc4cd549c715a493,"
                + "95cbde9476e8907d7aade45cb4b873f88b595a68799fa152e6f8f7647aac7957"
    })
    void x25519_rfc7748Section5_2_matches(String scalar, String u, String output) {
        byte[] shared = f.kx.dh(publicKey("X25519", hex(u)), secret("X25519", hex(scalar)));
        assertArrayEquals(hex(output), shared);
    }

    /** RFC 7748 §6.1: Alice and Bob derive each other's public keys and the same secret. */
    @Test
    void x25519_rfc7748Section6_1_bothSidesAgree() {
        SecretKey alice =
                secret(
                        "X25519",
                        hex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a"));
        SecretKey bob =
                secret(
                        "X25519",
                        hex("5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb"));
        assertArrayEquals(
                hex("8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a"),
                alice.publicKey().export(PublicKeyEncoding.RAW));
        assertArrayEquals(
                hex("de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f"),
                bob.publicKey().export(PublicKeyEncoding.RAW));
        byte[] k = hex("4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742");
        assertArrayEquals(k, f.kx.dh(bob.publicKey(), alice));
        assertArrayEquals(k, f.kx.dh(alice.publicKey(), bob));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "0000000000000000000000000000000000000000000000000000000000000000",
                "0100000000000000000000000000000000000000000000000000000000000000",
                "e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800",
                "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"
            })
    void x25519_lowOrderPeer_dhAndVerifyFailInvalidKey(String point) {
        PublicKey peer = publicKey("X25519", hex(point));
        SecretKey own = f.generateKx("X25519").secretKey();
        assertEquals(CryptoErrno.INVALID_KEY, errnoOf(() -> f.kx.dh(peer, own)));
        assertEquals(CryptoErrno.INVALID_KEY, errnoOf(peer::verify));
    }

    @Test
    void x25519_publicKeyVerify_generatedKeyPasses_topBitSetFails() {
        byte[] good = f.generateKx("X25519").publicKey().export(PublicKeyEncoding.RAW);
        publicKey("X25519", good).verify();
        byte[] topBit = good.clone();
        topBit[31] |= (byte) 0x80;
        assertEquals(CryptoErrno.INVALID_KEY, errnoOf(publicKey("X25519", topBit)::verify));
    }

    @Test
    void x25519_keyPairRaw_isSecretThenPublic() {
        KeyPair pair = f.generateKx("X25519");
        byte[] raw = pair.export(KeyPairEncoding.RAW);
        assertArrayEquals(
                AsymmetricFixture.concat(
                        pair.secretKey().export(SecretKeyEncoding.RAW),
                        pair.publicKey().export(PublicKeyEncoding.RAW)),
                raw);
        f.keys.importKeyPair(AlgorithmType.KEY_EXCHANGE, "x25519", raw, KeyPairEncoding.RAW);
    }

    @ParameterizedTest
    @CsvSource({"P256-SHA256,32,secp256r1", "P384-SHA384,48,secp384r1"})
    void ecdh_bothSidesAgreeWithJdk(String algorithm, int length, String curve) throws Exception {
        KeyPair alice = f.generateKx(algorithm);
        KeyPair bob = f.generateKx(algorithm);
        byte[] shared = f.kx.dh(bob.publicKey(), alice.secretKey());
        assertEquals(length, shared.length);
        assertArrayEquals(shared, f.kx.dh(alice.publicKey(), bob.secretKey()));

        java.security.KeyFactory factory = java.security.KeyFactory.getInstance("EC");
        KeyAgreement jdk = KeyAgreement.getInstance("ECDH");
        jdk.init(
                factory.generatePrivate(
                        new java.security.spec.PKCS8EncodedKeySpec(
                                alice.secretKey().export(SecretKeyEncoding.PKCS8))));
        jdk.doPhase(
                factory.generatePublic(
                        new java.security.spec.X509EncodedKeySpec(
                                bob.publicKey().export(PublicKeyEncoding.PKCS8))),
                true);
        assertArrayEquals(jdk.generateSecret(), shared);
    }

    @Test
    void dh_keysOfDifferentAlgorithms_failIncompatibleKeys() {
        PublicKey p384 = f.generateKx("P384-SHA384").publicKey();
        SecretKey p256 = f.generateKx("P256-SHA256").secretKey();
        assertEquals(CryptoErrno.INCOMPATIBLE_KEYS, errnoOf(() -> f.kx.dh(p384, p256)));
    }

    @Test
    void dh_signatureKey_failsInvalidKey() {
        KeyPair ecdsa = f.generateSigning("ECDSA_P256_SHA256");
        SecretKey own = f.generateKx("P256-SHA256").secretKey();
        assertEquals(CryptoErrno.INVALID_KEY, errnoOf(() -> f.kx.dh(ecdsa.publicKey(), own)));
    }

    @Test
    void dh_onKem_failsInvalidOperation_andEncapsulateOnDhToo() {
        KeyPair kem = f.generateKx("ML-KEM-512");
        KeyPair dh = f.generateKx("X25519");
        assertEquals(
                CryptoErrno.INVALID_OPERATION,
                errnoOf(() -> f.kx.dh(kem.publicKey(), kem.secretKey())));
        assertEquals(
                CryptoErrno.INVALID_OPERATION, errnoOf(() -> f.kx.encapsulate(dh.publicKey())));
    }
}
