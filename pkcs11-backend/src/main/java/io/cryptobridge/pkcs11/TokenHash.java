package io.cryptobridge.pkcs11;

import io.cryptobridge.spi.HashEngine;
import sun.security.pkcs11.wrapper.CK_MECHANISM;

/** A hash computed on the token in one shot over the buffered input (see {@link BoundedBuffer}). */
final class TokenHash implements HashEngine {
    private final SessionPool pool;
    private final long mechanism;
    private final int digestLength;
    private final BoundedBuffer input;

    TokenHash(SessionPool pool, long mechanism, int digestLength, BoundedBuffer input) {
        this.pool = pool;
        this.mechanism = mechanism;
        this.digestLength = digestLength;
        this.input = input;
    }

    @Override
    public void update(byte[] data, int offset, int length) {
        input.append(data, offset, length);
    }

    @Override
    public HashEngine copy() {
        return new TokenHash(pool, mechanism, digestLength, input.copy());
    }

    @Override
    public byte[] digest() {
        byte[] data = input.contents();
        input.wipe();
        return pool.run(
                Operation.DIGEST,
                (p11, session) -> {
                    byte[] out = new byte[digestLength];
                    int written =
                            p11.C_DigestSingle(
                                    session,
                                    new CK_MECHANISM(mechanism),
                                    data,
                                    0,
                                    data.length,
                                    out,
                                    0,
                                    out.length);
                    return written == out.length ? out : java.util.Arrays.copyOf(out, written);
                });
    }
}
