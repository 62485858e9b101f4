package io.cryptobridge.symmetric;

import io.cryptobridge.CryptoErrno;
import io.cryptobridge.CryptoException;
import io.cryptobridge.common.Options;
import io.cryptobridge.spi.AeadEngine;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * An AEAD state: absorbed data is associated data; the nonce comes from the options (or, for
 * XChaCha20-Poly1305 only, from the host's RNG) and seals one message at most.
 */
final class AeadState extends SymmetricState {
    private final AeadEngine engine;
    private final byte[] nonce;
    private final NonceGuard guard;
    private final ByteArrayOutputStream associatedData;

    AeadState(
            SymmetricAlgorithm algorithm,
            Options options,
            AeadEngine engine,
            byte[] nonce,
            NonceGuard guard,
            ByteArrayOutputStream associatedData) {
        super(algorithm, options);
        this.engine = engine;
        this.nonce = nonce;
        this.guard = guard;
        this.associatedData = associatedData;
    }

    @Override
    public SymmetricState copy() {
        ByteArrayOutputStream adCopy = new ByteArrayOutputStream();
        adCopy.writeBytes(associatedData.toByteArray());
        return new AeadState(algorithm, options.snapshot(), engine, nonce, guard, adCopy);
    }

    @Override
    public void absorb(byte[] data) {
        associatedData.writeBytes(data);
    }

    @Override
    public int maxTagLength() {
        return algorithm.tagLength();
    }

    @Override
    public byte[] encrypt(byte[] plaintext, int outLength) {
        requireExactLength(outLength, (long) plaintext.length + algorithm.tagLength());
        return sealOnce(plaintext);
    }

    @Override
    public byte[][] encryptDetached(byte[] plaintext, int outLength) {
        requireExactLength(outLength, plaintext.length);
        byte[] sealed = sealOnce(plaintext);
        int split = plaintext.length;
        return new byte[][] {
            Arrays.copyOfRange(sealed, 0, split), Arrays.copyOfRange(sealed, split, sealed.length)
        };
    }

    private byte[] sealOnce(byte[] plaintext) {
        guard.beforeSeal();
        return engine.seal(nonce, associatedData.toByteArray(), plaintext);
    }

    @Override
    public byte[] decrypt(byte[] ciphertextAndTag, int outLength) {
        int plaintextLength = ciphertextAndTag.length - algorithm.tagLength();
        if (plaintextLength < 0) {
            throw new CryptoException(CryptoErrno.INVALID_TAG, "ciphertext shorter than the tag");
        }
        requireExactLength(outLength, plaintextLength);
        guard.beforeOpen();
        return engine.open(nonce, associatedData.toByteArray(), ciphertextAndTag);
    }

    @Override
    public byte[] decryptDetached(byte[] ciphertext, byte[] tag, int outLength) {
        requireExactLength(outLength, ciphertext.length);
        if (tag.length != algorithm.tagLength()) {
            throw new CryptoException(
                    CryptoErrno.INVALID_TAG,
                    algorithm + " tags are " + algorithm.tagLength() + " bytes");
        }
        byte[] joined = Arrays.copyOf(ciphertext, ciphertext.length + tag.length);
        System.arraycopy(tag, 0, joined, ciphertext.length, tag.length);
        guard.beforeOpen();
        return engine.open(nonce, associatedData.toByteArray(), joined);
    }

    @Override
    public byte[] option(String name) {
        if ("nonce".equalsIgnoreCase(name)) {
            return nonce.clone();
        }
        return super.option(name);
    }

    /** The guest's output buffer must have exactly the result's size. */
    private static void requireExactLength(int outLength, long needed) {
        long actual = Integer.toUnsignedLong(outLength);
        if (actual < needed) {
            throw new CryptoException(
                    CryptoErrno.OVERFLOW,
                    "output buffer needs " + needed + " bytes, has " + actual);
        }
        if (actual > needed) {
            throw new CryptoException(
                    CryptoErrno.INVALID_LENGTH,
                    "output buffer must be exactly " + needed + " bytes, has " + actual);
        }
    }
}
