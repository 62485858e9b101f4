package io.cryptobridge.software;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cryptobridge.CryptoErrno;
import io.cryptobridge.CryptoException;
import io.cryptobridge.spi.AeadEngine;
import io.cryptobridge.spi.BackendKey;
import io.cryptobridge.spi.HashEngine;
import io.cryptobridge.spi.MacEngine;
import io.cryptobridge.symmetric.SymmetricAlgorithm;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Random;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.api.Test;

class SoftwareSymmetricTest {
    private static final HexFormat HEX = HexFormat.of();
    private final SoftwareSymmetric symmetric = new SoftwareSymmetric(new SecureRandom());

    private static byte[] hex(String s) {
        return HEX.parseHex(s.replace(" ", ""));
    }

    @Test
    void sha512_256_abc_usesFipsInitialValues() {
        HashEngine hash = symmetric.newHash(SymmetricAlgorithm.SHA_512_256);
        byte[] abc = "abc".getBytes(StandardCharsets.US_ASCII);
        hash.update(abc, 0, abc.length);
        assertArrayEquals(
                hex("53048e2681941ef99b2e29b76b4c7dabe4c2d0c634fc6d46e0e2f13107e7af23"),
                hash.digest());
    }

    @Test
    void hashCopy_afterMoreInput_divergesFromOriginal() {
        HashEngine hash = symmetric.newHash(SymmetricAlgorithm.SHA_256);
        hash.update(new byte[] {1}, 0, 1);
        HashEngine copy = hash.copy();
        copy.update(new byte[] {2}, 0, 1);
        assertEquals(
                "4bf5122f344554c53bde2ebb8cd2b7e3d1600ad631c385a5d7cce23c7785459a",
                HEX.formatHex(hash.digest()));
        assertEquals(
                "a12871fee210fb8619291eaea194581cbd2531e4b23759d225f6806923f63222",
                HEX.formatHex(copy.digest()));
    }

    @Test
    void hmacSha256_rfc4231Case2_matches() {
        BackendKey key = symmetric.importKey(SymmetricAlgorithm.HMAC_SHA_256, "Jefe".getBytes());
        MacEngine mac = symmetric.newMac(SymmetricAlgorithm.HMAC_SHA_256, key);
        byte[] data = "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII);
        mac.update(data, 0, data.length);
        assertArrayEquals(
                hex("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"), mac.tag());
    }

    @Test
    void hkdfSha256_rfc5869CaseA1_matches() {
        byte[] ikm = hex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b");
        byte[] salt = hex("000102030405060708090a0b0c");
        byte[] info = hex("f0f1f2f3f4f5f6f7f8f9");
        BackendKey prk =
                symmetric.hkdfExtract(
                        SymmetricAlgorithm.HKDF_EXTRACT_SHA_256,
                        symmetric.importKey(SymmetricAlgorithm.HKDF_EXTRACT_SHA_256, ikm),
                        salt);
        assertArrayEquals(
                hex("077709362c2e32df0ddc3f0dc47bba6390b6c73bb50f9c3122ec844ad7c2b3e5"),
                prk.exportRaw());
        assertArrayEquals(
                hex(
                        "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf"
                                + "34007208d5b887185865"),
                symmetric.hkdfExpand(SymmetricAlgorithm.HKDF_EXPAND_SHA_256, prk, info, 42));
    }

    @Test
    void chaCha20Poly1305_rfc8439Section282_matches() {
        byte[] key = hex("808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f");
        byte[] nonce = hex("070000004041424344454647");
        byte[] aad = hex("50515253c0c1c2c3c4c5c6c7");
        byte[] plaintext =
                ("Ladies and Gentlemen of the class of '99: If I could offer you only one tip"
                                + " for the future, sunscreen would be it.")
                        .getBytes(StandardCharsets.US_ASCII);
        AeadEngine aead =
                symmetric.newAead(
                        SymmetricAlgorithm.CHACHA20_POLY1305,
                        symmetric.importKey(SymmetricAlgorithm.CHACHA20_POLY1305, key));
        byte[] sealed = aead.seal(nonce, aad, plaintext);
        assertEquals(
                "1ae10b594f09e26a7e902ecbd0600691",
                HEX.formatHex(sealed, sealed.length - 16, sealed.length));
        assertArrayEquals(plaintext, aead.open(nonce, aad, sealed));
    }

    @Test
    void aesGcm_oneMebibyte_chunkedResultEqualsBouncyCastle() throws Exception {
        byte[] key = new byte[32];
        byte[] nonce = new byte[12];
        byte[] plaintext = new byte[(1 << 20) + 17];
        new Random(7).nextBytes(plaintext);
        new Random(8).nextBytes(key);
        AeadEngine aead =
                symmetric.newAead(
                        SymmetricAlgorithm.AES_256_GCM,
                        symmetric.importKey(SymmetricAlgorithm.AES_256_GCM, key));
        byte[] sealed = aead.seal(nonce, new byte[] {9}, plaintext);

        GCMBlockCipher reference =
                (GCMBlockCipher) GCMBlockCipher.newInstance(AESEngine.newInstance());
        reference.init(true, new AEADParameters(new KeyParameter(key), 128, nonce, new byte[] {9}));
        byte[] expected = new byte[reference.getOutputSize(plaintext.length)];
        int n = reference.processBytes(plaintext, 0, plaintext.length, expected, 0);
        reference.doFinal(expected, n);

        assertArrayEquals(expected, sealed);
        assertArrayEquals(plaintext, aead.open(nonce, new byte[] {9}, sealed));
    }

    @Test
    void open_tamperedCiphertext_failsInvalidTag() {
        for (SymmetricAlgorithm algorithm :
                new SymmetricAlgorithm[] {
                    SymmetricAlgorithm.AES_128_GCM,
                    SymmetricAlgorithm.CHACHA20_POLY1305,
                    SymmetricAlgorithm.XCHACHA20_POLY1305
                }) {
            AeadEngine aead = symmetric.newAead(algorithm, symmetric.generateKey(algorithm));
            byte[] nonce = new byte[algorithm.nonceLength()];
            byte[] sealed = aead.seal(nonce, new byte[0], new byte[] {1, 2, 3});
            sealed[0] ^= 1;
            CryptoException e =
                    assertThrows(
                            CryptoException.class, () -> aead.open(nonce, new byte[0], sealed));
            assertEquals(CryptoErrno.INVALID_TAG, e.errno(), algorithm.specName());
        }
    }

    @Test
    void generateKey_hasAlgorithmKeyLengthAndDiffersEachTime() {
        BackendKey a = symmetric.generateKey(SymmetricAlgorithm.HMAC_SHA_512);
        BackendKey b = symmetric.generateKey(SymmetricAlgorithm.HMAC_SHA_512);
        assertEquals(64, a.exportRaw().length);
        org.junit.jupiter.api.Assertions.assertFalse(
                java.util.Arrays.equals(a.exportRaw(), b.exportRaw()));
    }

    @Test
    void rawKey_toStringAndDestroy_neverRevealBytes() {
        BackendKey key = symmetric.importKey(SymmetricAlgorithm.AES_128_GCM, new byte[16]);
        assertEquals("RawKey[16 bytes]", key.toString());
        key.destroy();
        CryptoException e = assertThrows(CryptoException.class, key::exportRaw);
        assertEquals(CryptoErrno.INVALID_KEY, e.errno());
    }
}
