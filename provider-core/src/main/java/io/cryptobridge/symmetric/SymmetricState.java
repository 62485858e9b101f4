package io.cryptobridge.symmetric;

import io.cryptobridge.CryptoErrno;
import io.cryptobridge.CryptoException;
import io.cryptobridge.common.Options;

/**
 * A symmetric state. Every operation not defined for the algorithm's family fails with {@code
 * invalid_operation}; each family overrides what it supports (the spec's operation matrix).
 */
public abstract class SymmetricState {
    protected final SymmetricAlgorithm algorithm;
    protected final Options options;

    protected SymmetricState(SymmetricAlgorithm algorithm, Options options) {
        this.algorithm = algorithm;
        this.options = options;
    }

    public SymmetricAlgorithm algorithm() {
        return algorithm;
    }

    /** A deep copy: the two states evolve independently from now on. */
    public abstract SymmetricState copy();

    public void absorb(byte[] data) {
        throw unsupported("absorb");
    }

    public byte[] squeeze(int length) {
        throw unsupported("squeeze");
    }

    public SymmetricTag squeezeTag() {
        throw unsupported("squeeze_tag");
    }

    public SymmetricKey squeezeKey(SymmetricAlgorithm target) {
        throw unsupported("squeeze_key");
    }

    public int maxTagLength() {
        throw unsupported("max_tag_len");
    }

    /** Encrypts into a buffer of {@code outLength} bytes; returns ciphertext||tag. */
    public byte[] encrypt(byte[] plaintext, int outLength) {
        throw unsupported("encrypt");
    }

    /** Encrypts into a buffer of {@code outLength} bytes; returns {ciphertext, tag}. */
    public byte[][] encryptDetached(byte[] plaintext, int outLength) {
        throw unsupported("encrypt_detached");
    }

    public byte[] decrypt(byte[] ciphertextAndTag, int outLength) {
        throw unsupported("decrypt");
    }

    public byte[] decryptDetached(byte[] ciphertext, byte[] tag, int outLength) {
        throw unsupported("decrypt_detached");
    }

    public void ratchet() {
        throw unsupported("ratchet");
    }

    /** A byte-string option of this state (the options it was opened with). */
    public byte[] option(String name) {
        return options.get(name);
    }

    public long optionU64(String name) {
        return options.getU64(name);
    }

    /** Wipes what the state holds; called when its handle closes. */
    public void close() {}

    private CryptoException unsupported(String operation) {
        return new CryptoException(
                CryptoErrno.INVALID_OPERATION, operation + " is not defined for " + algorithm);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + algorithm + "]";
    }
}
