package io.cryptobridge.software;

import io.cryptobridge.CryptoErrno;
import io.cryptobridge.CryptoException;
import io.cryptobridge.spi.BackendKey;
import java.util.Arrays;

/**
 * Key bytes held in the JVM heap by the software backend. Never printed. Keys are extractable
 * unless they were loaded from the keystore without {@code managed-keys-extractable}.
 */
final class RawKey implements BackendKey {
    private final byte[] bytes;
    private final boolean extractable;
    private volatile boolean destroyed;

    RawKey(byte[] bytes) {
        this(bytes, true);
    }

    RawKey(byte[] bytes, boolean extractable) {
        this.bytes = bytes.clone();
        this.extractable = extractable;
    }

    /** The key bytes for a primitive; fails once the key was destroyed. */
    byte[] bytes() {
        if (destroyed) {
            throw new CryptoException(CryptoErrno.INVALID_KEY, "the key was destroyed");
        }
        return bytes;
    }

    /** The software backend's own key, or invalid_key for a key another backend holds. */
    static RawKey of(BackendKey key) {
        if (key instanceof RawKey) {
            return (RawKey) key;
        }
        throw new CryptoException(CryptoErrno.INVALID_KEY, "the key belongs to another backend");
    }

    @Override
    public boolean extractable() {
        return extractable;
    }

    @Override
    public byte[] exportRaw() {
        if (!extractable) {
            throw new CryptoException(
                    CryptoErrno.PROHIBITED_OPERATION, "the key is managed and not extractable");
        }
        return bytes().clone();
    }

    @Override
    public void destroy() {
        destroyed = true;
        Arrays.fill(bytes, (byte) 0);
    }

    @Override
    public String toString() {
        return "RawKey[" + bytes.length + " bytes]";
    }
}
