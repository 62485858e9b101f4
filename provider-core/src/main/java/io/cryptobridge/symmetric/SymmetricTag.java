package io.cryptobridge.symmetric;

import io.cryptobridge.CryptoErrno;
import io.cryptobridge.CryptoException;
import java.security.MessageDigest;

/** An authentication tag produced by a MAC or a detached AEAD encryption. */
public final class SymmetricTag {
    private final byte[] bytes;

    public SymmetricTag(byte[] bytes) {
        this.bytes = bytes.clone();
    }

    public int length() {
        return bytes.length;
    }

    /**
     * The tag, for a guest buffer of exactly its length (overflow if smaller, invalid_length if
     * larger).
     */
    public byte[] pull(int bufferLength) {
        if (bufferLength < bytes.length) {
            throw new CryptoException(CryptoErrno.OVERFLOW, "tag buffer too small");
        }
        if (bufferLength > bytes.length) {
            throw new CryptoException(CryptoErrno.INVALID_LENGTH, "tag buffer larger than the tag");
        }
        return bytes.clone();
    }

    /** Compares in constant time; invalid_tag on any difference, length included. */
    public void verify(byte[] expected) {
        if (!MessageDigest.isEqual(bytes, expected)) {
            throw new CryptoException(CryptoErrno.INVALID_TAG, "tag mismatch");
        }
    }

    @Override
    public String toString() {
        return "SymmetricTag[" + bytes.length + " bytes]";
    }
}
