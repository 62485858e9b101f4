package io.cryptobridge.spi;

/** One AEAD key ready to seal and open. Stateless between calls. */
public interface AeadEngine {

    /** Encrypts and returns {@code ciphertext || tag}. */
    byte[] seal(byte[] nonce, byte[] aad, byte[] plaintext);

    /**
     * Authenticates and decrypts {@code ciphertext || tag}.
     *
     * @throws io.cryptobridge.CryptoException invalid_tag when authentication fails
     */
    byte[] open(byte[] nonce, byte[] aad, byte[] ciphertextAndTag);
}
