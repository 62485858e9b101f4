package io.cryptobridge.signatures;

import io.cryptobridge.spi.SignerEngine;

/**
 * A signing state. Cumulative: {@link #sign()} signs everything absorbed since the state opened and
 * does not reset it.
 */
public final class SignatureState {
    private final SignatureAlgorithm algorithm;
    private final SignerEngine engine;
    private final MessageBudget budget;

    SignatureState(SignatureAlgorithm algorithm, SignerEngine engine, MessageBudget budget) {
        this.algorithm = algorithm;
        this.engine = engine;
        this.budget = budget;
    }

    public SignatureAlgorithm algorithm() {
        return algorithm;
    }

    public void update(byte[] data) {
        budget.charge(data.length);
        engine.update(data, 0, data.length);
    }

    public Signature sign() {
        return new Signature(algorithm, engine.sign());
    }

    @Override
    public String toString() {
        return "SignatureState[" + algorithm + "]";
    }
}
