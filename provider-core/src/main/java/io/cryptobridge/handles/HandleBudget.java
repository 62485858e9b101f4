package io.cryptobridge.handles;

import io.cryptobridge.CryptoErrno;
import io.cryptobridge.CryptoException;

/** The per-guest limit on live handles across all handle types. */
final class HandleBudget {
    private final int max;
    private int used;

    HandleBudget(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max handles must be positive: " + max);
        }
        this.max = max;
    }

    void reserve() {
        requireRoom();
        used++;
    }

    /** Fails with too_many_handles unless one more handle fits. */
    void requireRoom() {
        if (used >= max) {
            throw new CryptoException(
                    CryptoErrno.TOO_MANY_HANDLES, "the guest holds " + max + " handles already");
        }
    }

    void release(int count) {
        used -= count;
    }

    int used() {
        return used;
    }
}
