package io.cryptobridge.pkcs11;

import io.cryptobridge.CryptoErrno;
import io.cryptobridge.CryptoException;
import java.util.Arrays;

/**
 * The data a MAC or hash state has absorbed, kept in the JVM until the tag or digest is asked for.
 *
 * <p>Why buffer: wasi-crypto copies states (every tag squeeze works on a copy), and a PKCS#11
 * operation cannot be copied here. SunPKCS11's {@code Mac} is not cloneable and its {@code
 * MessageDigest.clone()} needs {@code C_GetOperationState}, which SoftHSM answers with {@code
 * CKR_FUNCTION_NOT_SUPPORTED} (measured on JDK 17 and 25). Buffering also means no session is held
 * between guest calls: the token sees one {@code Init} + one-shot call on a pooled session. The
 * price is memory, so the buffer is bounded ({@code max-buffered-bytes} of the backend); beyond it
 * the guest gets overflow, as for the host's own per-state limit ({@code
 * limits.max-buffered-bytes}).
 */
final class BoundedBuffer {
    private final long limit;
    private byte[] data;
    private int size;

    BoundedBuffer(long limit) {
        this(limit, new byte[64], 0);
    }

    private BoundedBuffer(long limit, byte[] data, int size) {
        this.limit = limit;
        this.data = data;
        this.size = size;
    }

    void append(byte[] bytes, int offset, int length) {
        if ((long) size + length > limit) {
            throw new CryptoException(
                    CryptoErrno.OVERFLOW,
                    "the HSM backend buffers at most "
                            + limit
                            + " bytes per MAC or hash state (max-buffered-bytes)");
        }
        if (size + length > data.length) {
            long grown = Math.max((long) data.length * 2, (long) size + length);
            data = Arrays.copyOf(data, (int) Math.min(grown, limit));
        }
        System.arraycopy(bytes, offset, data, size, length);
        size += length;
    }

    /** An independent copy with the same content. */
    BoundedBuffer copy() {
        return new BoundedBuffer(limit, Arrays.copyOf(data, Math.max(size, 1)), size);
    }

    /** The buffered bytes (a fresh array). */
    byte[] contents() {
        return Arrays.copyOf(data, size);
    }

    /** Overwrites and drops the content. */
    void wipe() {
        Arrays.fill(data, (byte) 0);
        size = 0;
    }
}
