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
        requireRoom(1);
        used++;
    }

    /** Fails with too_many_handles unless {@code count} more handles fit. */
    void requireRoom(int count) {
        if (used > max - count) {
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
