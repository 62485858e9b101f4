package io.cryptobridge.software;

import static io.cryptobridge.software.AsymmetricFixture.concat;
import static io.cryptobridge.software.AsymmetricFixture.errnoOf;
import static io.cryptobridge.software.AsymmetricFixture.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

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
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import org.bouncycastle.util.BigIntegers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Ed25519SignaturesTest {
    private final AsymmetricFixture f = new AsymmetricFixture();

    /** RFC 8032 §7.1 TEST 1, 2 and 3: secret seed, public key, message, signature. */
    @ParameterizedTest
    @CsvSource({
        "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60,"
                + "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a,,"
                + "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b",
        "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb,"
                + "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c,72,"
                + "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00",
        "c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7,"
                + "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025,af82,"
                + "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a"
    })
    void sign_rfc8032Vectors_matchAndVerify(String seed, String pk, String msg, String sig) {
        byte[] message = msg == null ? new byte[0] : hex(msg);
        KeyPair pair =
                f.keys.importKeyPair(
                        AlgorithmType.SIGNATURES,
                        "Ed25519",
                        concat(hex(seed), hex(pk)),
                        KeyPairEncoding.RAW);
        Signature signature = f.sign(pair, message);
        assertArrayEquals(hex(sig), signature.export(SignatureEncoding.RAW));
        assertArrayEquals(hex(pk), pair.publicKey().export(PublicKeyEncoding.RAW));
        f.verify(pair.publicKey(), signature, message);
    }

    @Test
    void keyPairImport_seedOnly_failsInvalidKey() {
        byte[] seed = hex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
        assertEquals(
                CryptoErrno.INVALID_KEY,
                errnoOf(
                        () ->
                                f.keys.importKeyPair(
                                        AlgorithmType.SIGNATURES,
                                        "ed25519",
                                        seed,
                                        KeyPairEncoding.RAW)));
    }

    @Test
    void keyPairImport_publicHalfOfAnotherKey_failsInvalidKey() {
        byte[] pair = f.generateSigning("Ed25519").export(KeyPairEncoding.RAW);
        pair[63] ^= 1;
        assertEquals(
                CryptoErrno.INVALID_KEY,
                errnoOf(
                        () ->
                                f.keys.importKeyPair(
                                        AlgorithmType.SIGNATURES,
                                        "Ed25519",
                                        pair,
                                        KeyPairEncoding.RAW)));
    }

    @Test
    void sign_updateSignUpdateSign_secondSignsWholeMessageWithFreshNonce() {
        KeyPair pair = f.generateSigning("Ed25519");
        SignatureState state = f.signatures.openSigner(pair);
        state.update(bytes("hello "));
        Signature first = state.sign();
        state.update(bytes("world"));
        Signature second = state.sign();

        f.verify(pair.publicKey(), first, bytes("hello "));
        f.verify(pair.publicKey(), second, bytes("hello world"));
        byte[] r1 = Arrays.copyOf(first.raw(), 32);
        byte[] r2 = Arrays.copyOf(second.raw(), 32);
        assertFalse(Arrays.equals(r1, r2), "two messages must never share R");
        assertEquals(
                CryptoErrno.INVALID_SIGNATURE,
                errnoOf(() -> f.verify(pair.publicKey(), second, bytes("hello "))));
    }

    @Test
    void sign_twiceWithoutUpdate_givesSameDeterministicSignature() {
        KeyPair pair = f.generateSigning("Ed25519");
        SignatureState state = f.signatures.openSigner(pair);
        state.update(bytes("m"));
        assertArrayEquals(state.sign().raw(), state.sign().raw());
    }

    @Test
    void update_pastBufferCap_failsOverflowAndKeepsState() {
        AsymmetricFixture small = new AsymmetricFixture(10);
        KeyPair pair = small.generateSigning("Ed25519");
        SignatureState state = small.signatures.openSigner(pair);
        state.update(new byte[8]);
        assertEquals(CryptoErrno.OVERFLOW, errnoOf(() -> state.update(new byte[3])));
        state.update(new byte[2]);
        small.verify(pair.publicKey(), state.sign(), new byte[10]);
    }

    @Test
    void verify_tamperedMessage_failsInvalidSignature() {
        KeyPair pair = f.generateSigning("Ed25519");
        Signature signature = f.sign(pair, bytes("message"));
        assertEquals(
                CryptoErrno.INVALID_SIGNATURE,
                errnoOf(() -> f.verify(pair.publicKey(), signature, bytes("messagE"))));
    }

    @Test
    void signatureExport_der_failsUnsupportedEncoding() {
        Signature signature = f.sign(f.generateSigning("Ed25519"), bytes("m"));
        assertEquals(
                CryptoErrno.UNSUPPORTED_ENCODING,
                errnoOf(() -> signature.export(SignatureEncoding.DER)));
    }

    @Test
    void publicKeyPkcs8_jdkParsesIt_andPemRoundTrips() throws Exception {
        KeyPair pair = f.generateSigning("Ed25519");
        byte[] spki = pair.publicKey().export(PublicKeyEncoding.PKCS8);
        KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
        byte[] pem = pair.publicKey().export(PublicKeyEncoding.PEM);
        PublicKey back =
                f.keys.importPublicKey(
                        AlgorithmType.SIGNATURES, "Ed25519", pem, PublicKeyEncoding.PEM);
        assertArrayEquals(
                pair.publicKey().export(PublicKeyEncoding.RAW), back.export(PublicKeyEncoding.RAW));
    }

    @Test
    void secretKeyExport_raw_isSeedAndDerivesPublicKey() {
        KeyPair pair = f.generateSigning("Ed25519");
        byte[] seed = pair.secretKey().export(SecretKeyEncoding.RAW);
        assertArrayEquals(Arrays.copyOf(pair.export(KeyPairEncoding.RAW), 32), seed);
        PublicKey derived =
                f.keys.importSecretKey(
                                AlgorithmType.SIGNATURES, "Ed25519", seed, SecretKeyEncoding.RAW)
                        .publicKey();
        assertArrayEquals(
                pair.publicKey().export(PublicKeyEncoding.RAW),
                derived.export(PublicKeyEncoding.RAW));
    }

    @Test
    void publicKeyImport_identityPoint_failsInvalidKey() {
        byte[] identity = new byte[32];
        identity[0] = 1;
        assertEquals(
                CryptoErrno.INVALID_KEY,
                errnoOf(
                        () ->
                                f.keys.importPublicKey(
                                        AlgorithmType.SIGNATURES,
                                        "Ed25519",
                                        identity,
                                        PublicKeyEncoding.RAW)));
    }

    @Test
    void publicKeyVerify_pointWithOrderTwoComponent_failsInvalidKey() {
        byte[] valid = f.generateSigning("Ed25519").publicKey().export(PublicKeyEncoding.RAW);
        PublicKey mixed =
                f.keys.importPublicKey(
                        AlgorithmType.SIGNATURES,
                        "Ed25519",
                        plusOrderTwoPoint(valid),
                        PublicKeyEncoding.RAW);
        assertEquals(CryptoErrno.INVALID_KEY, errnoOf(mixed::verify));
        f.keys.importPublicKey(AlgorithmType.SIGNATURES, "Ed25519", valid, PublicKeyEncoding.RAW)
                .verify();
    }

    /** P + (0, -1) = (-x, -y): still on the curve, no longer in the prime-order subgroup. */
    private static byte[] plusOrderTwoPoint(byte[] point) {
        BigInteger p = BigInteger.ONE.shiftLeft(255).subtract(BigInteger.valueOf(19));
        byte[] le = point.clone();
        int xSign = (le[31] >> 7) & 1;
        le[31] &= 0x7f;
        BigInteger y = new BigInteger(1, reverse(le));
        byte[] out = reverse(BigIntegers.asUnsignedByteArray(32, p.subtract(y)));
        out[31] |= (byte) ((xSign ^ 1) << 7);
        return out;
    }

    private static byte[] reverse(byte[] b) {
        byte[] r = new byte[b.length];
        for (int i = 0; i < b.length; i++) {
            r[i] = b[b.length - 1 - i];
        }
        return r;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
