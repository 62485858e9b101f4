package io.cryptobridge.signatures;

import io.cryptobridge.CryptoErrno;
import io.cryptobridge.CryptoException;
import io.cryptobridge.spi.VerifierEngine;

/**
 * A verification state; it stays usable after a verify. Only an explicit valid result from the
 * backend is success: anything else, a signature of another algorithm included, is {@code
 * invalid_signature}.
 */
public final class VerificationState {
    private final SignatureAlgorithm algorithm;
    private final VerifierEngine engine;
    private final MessageBudget budget;

    VerificationState(SignatureAlgorithm algorithm, VerifierEngine engine, MessageBudget budget) {
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

    public void verify(Signature signature) {
        if (signature.algorithm() != algorithm) {
            throw new CryptoException(
                    CryptoErrno.INVALID_SIGNATURE,
                    "a " + signature.algorithm() + " signature cannot verify under " + algorithm);
        }
        boolean valid = engine.verify(signature.raw());
        if (!valid) {
            throw new CryptoException(CryptoErrno.INVALID_SIGNATURE, "signature does not verify");
        }
    }

    @Override
    public String toString() {
        return "VerificationState[" + algorithm + "]";
    }
}
