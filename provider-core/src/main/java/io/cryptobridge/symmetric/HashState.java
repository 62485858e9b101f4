package io.cryptobridge.symmetric;

import io.cryptobridge.CryptoErrno;
import io.cryptobridge.CryptoException;
import io.cryptobridge.common.Options;
import io.cryptobridge.spi.HashEngine;
import java.util.Arrays;

/** SHA-2: absorb, and squeeze a (possibly truncated) digest of a copy of the state. */
final class HashState extends SymmetricState {
    private final HashEngine engine;

    HashState(SymmetricAlgorithm algorithm, Options options, HashEngine engine) {
        super(algorithm, options);
        this.engine = engine;
    }

    @Override
    public SymmetricState copy() {
        return new HashState(algorithm, options.snapshot(), engine.copy());
    }

    @Override
    public void absorb(byte[] data) {
        engine.update(data, 0, data.length);
    }

    @Override
    public byte[] squeeze(int length) {
        if (length > algorithm.hashLength()) {
            throw new CryptoException(
                    CryptoErrno.INVALID_LENGTH,
                    algorithm + " yields at most " + algorithm.hashLength() + " bytes");
        }
        byte[] digest = engine.copy().digest();
        return Arrays.copyOf(digest, length);
    }
}
