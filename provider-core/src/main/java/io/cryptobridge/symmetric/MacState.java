package io.cryptobridge.symmetric;

import io.cryptobridge.common.Options;
import io.cryptobridge.spi.MacEngine;

/** HMAC: absorb, and squeeze a tag over a copy of the state (so absorbing may continue). */
final class MacState extends SymmetricState {
    private final MacEngine engine;

    MacState(SymmetricAlgorithm algorithm, Options options, MacEngine engine) {
        super(algorithm, options);
        this.engine = engine;
    }

    @Override
    public SymmetricState copy() {
        return new MacState(algorithm, options.snapshot(), engine.copy());
    }

    @Override
    public void absorb(byte[] data) {
        engine.update(data, 0, data.length);
    }

    @Override
    public SymmetricTag squeezeTag() {
        return new SymmetricTag(engine.copy().tag());
    }
}
