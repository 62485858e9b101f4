package io.cryptobridge.spi;

import io.cryptobridge.symmetric.SymmetricAlgorithm;

/**
 * What a backend implements for the symmetric module: hashes, HMAC, HKDF and AEADs. The state
 * machine (absorb/squeeze rules, nonce discipline, buffer sizes) lives in provider-core; a backend
 * only does the cryptography.
 */
public interface SymmetricPrimitives {

    /** Whether this backend can serve the algorithm at all. */
    boolean supports(SymmetricAlgorithm algorithm);

    /** A fresh random key of {@link SymmetricAlgorithm#keyLength()} bytes. */
    BackendKey generateKey(SymmetricAlgorithm algorithm);

    /** A key from raw bytes whose length the caller has already checked. */
    BackendKey importKey(SymmetricAlgorithm algorithm, byte[] raw);

    HashEngine newHash(SymmetricAlgorithm algorithm);

    MacEngine newMac(SymmetricAlgorithm algorithm, BackendKey key);

    /** HKDF-Extract: returns the PRK, as a key for {@code extract.expandAlgorithm()}. */
    BackendKey hkdfExtract(SymmetricAlgorithm extract, BackendKey inputKeyMaterial, byte[] salt);

    /** HKDF-Expand of {@code length} bytes (at most 255 hash lengths, checked by the caller). */
    byte[] hkdfExpand(SymmetricAlgorithm expand, BackendKey prk, byte[] info, int length);

    AeadEngine newAead(SymmetricAlgorithm algorithm, BackendKey key);
}
