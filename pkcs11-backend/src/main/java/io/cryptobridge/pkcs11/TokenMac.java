package io.cryptobridge.pkcs11;

import io.cryptobridge.spi.MacEngine;
import java.util.Arrays;
import java.util.function.LongSupplier;
import sun.security.pkcs11.wrapper.CK_MECHANISM;

/**
 * An HMAC computed on the token ({@code C_SignInit} + {@code C_Sign} as one unit on a pooled
 * session) over the buffered input (see {@link BoundedBuffer}).
 */
final class TokenMac implements MacEngine {
    private final SessionPool pool;
    private final long mechanism;
    private final LongSupplier keyHandle;
    private final BoundedBuffer input;

    TokenMac(SessionPool pool, long mechanism, LongSupplier keyHandle, BoundedBuffer input) {
        this.pool = pool;
        this.mechanism = mechanism;
        this.keyHandle = keyHandle;
        this.input = input;
    }

    @Override
    public void update(byte[] data, int offset, int length) {
        input.append(data, offset, length);
    }

    @Override
    public MacEngine copy() {
        return new TokenMac(pool, mechanism, keyHandle, input.copy());
    }

    @Override
    public byte[] tag() {
        long key = keyHandle.getAsLong();
        byte[] data = input.contents();
        input.wipe();
        try {
            return pool.run(
                    Operation.MAC,
                    (p11, session) -> {
                        p11.C_SignInit(session, new CK_MECHANISM(mechanism), key);
                        return p11.C_Sign(session, data);
                    });
        } finally {
            Arrays.fill(data, (byte) 0);
        }
    }
}
