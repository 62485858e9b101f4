package io.cryptobridge;

/**
 * Per-guest limits.
 *
 * @param maxHandles live handles of all types together; past it, {@code too_many_handles}
 * @param maxBufferedBytes the most a state may buffer (e.g. an Ed25519 message); past it, {@code
 *     overflow}
 */
public record SessionLimits(int maxHandles, long maxBufferedBytes) {
    /** 4096 handles, 64 MiB of buffered message. */
    public static final SessionLimits DEFAULT = new SessionLimits(4096, 64L << 20);

    public SessionLimits {
        if (maxHandles < 1) {
            throw new IllegalArgumentException("maxHandles must be positive");
        }
        if (maxBufferedBytes < 0) {
            throw new IllegalArgumentException("maxBufferedBytes must not be negative");
        }
    }
}
