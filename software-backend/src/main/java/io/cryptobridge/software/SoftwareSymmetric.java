package io.cryptobridge.software;

import io.cryptobridge.spi.AeadEngine;
import io.cryptobridge.spi.BackendKey;
import io.cryptobridge.spi.HashEngine;
import io.cryptobridge.spi.MacEngine;
import io.cryptobridge.spi.SymmetricPrimitives;
import io.cryptobridge.symmetric.SymmetricAlgorithm;
import java.security.SecureRandom;

/**
 * The software backend's symmetric primitives, provider chosen per primitive: the JDK for SHA-2,
 * HMAC, HKDF (over HMAC), AES-GCM and ChaCha20-Poly1305; BouncyCastle for XChaCha20-Poly1305.
 */
final class SoftwareSymmetric implements SymmetricPrimitives {
    private final SecureRandom random;

    SoftwareSymmetric(SecureRandom random) {
        this.random = random;
    }

    @Override
    public boolean supports(SymmetricAlgorithm algorithm) {
        return true;
    }

    @Override
    public BackendKey generateKey(SymmetricAlgorithm algorithm) {
        byte[] key = new byte[algorithm.keyLength()];
        random.nextBytes(key);
        RawKey rawKey = new RawKey(key);
        java.util.Arrays.fill(key, (byte) 0);
        return rawKey;
    }

    @Override
    public BackendKey importKey(SymmetricAlgorithm algorithm, byte[] raw) {
        return new RawKey(raw);
    }

    @Override
    public HashEngine newHash(SymmetricAlgorithm algorithm) {
        return JcaHash.create(algorithm.hashName());
    }

    @Override
    public MacEngine newMac(SymmetricAlgorithm algorithm, BackendKey key) {
        return JcaMac.create(algorithm.hashName(), RawKey.of(key).bytes());
    }

    @Override
    public BackendKey hkdfExtract(
            SymmetricAlgorithm extract, BackendKey inputKeyMaterial, byte[] salt) {
        byte[] prk =
                Hkdf.extract(
                        extract.hashName(),
                        extract.hashLength(),
                        salt,
                        RawKey.of(inputKeyMaterial).bytes());
        // A PRK derived from a non-extractable key stays inside the host as well.
        RawKey key = new RawKey(prk, inputKeyMaterial.extractable());
        java.util.Arrays.fill(prk, (byte) 0);
        return key;
    }

    @Override
    public byte[] hkdfExpand(SymmetricAlgorithm expand, BackendKey prk, byte[] info, int length) {
        return Hkdf.expand(expand.hashName(), RawKey.of(prk).bytes(), info, length);
    }

    @Override
    public AeadEngine newAead(SymmetricAlgorithm algorithm, BackendKey key) {
        byte[] bytes = RawKey.of(key).bytes();
        switch (algorithm) {
            case AES_128_GCM:
            case AES_256_GCM:
                return JcaAead.aesGcm(bytes);
            case CHACHA20_POLY1305:
                return JcaAead.chaCha20Poly1305(bytes);
            case XCHACHA20_POLY1305:
                return new BcXChaCha20Poly1305(bytes);
            default:
                throw new IllegalArgumentException(algorithm + " is not an AEAD");
        }
    }
}
