package io.cryptobridge.signatures;

import io.cryptobridge.CryptoErrno;
import io.cryptobridge.CryptoException;

/**
 * Counts what a state has absorbed; for schemes that buffer the whole message (EdDSA), a total past
 * the session's cap is {@code overflow} and the state is left unchanged.
 */
final class MessageBudget {
    private final long cap;
    private long absorbed;

    /**
     * @param cap the most bytes the state may buffer, or {@code Long.MAX_VALUE} when streaming
     */
    MessageBudget(long cap) {
        this.cap = cap;
    }

    void charge(int length) {
        if (length > cap - absorbed) {
            throw new CryptoException(
                    CryptoErrno.OVERFLOW,
                    "the message would exceed the " + cap + "-byte buffer limit");
        }
        absorbed += length;
    }
}
