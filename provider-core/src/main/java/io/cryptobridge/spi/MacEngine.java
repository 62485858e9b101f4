package io.cryptobridge.spi;

/** A running MAC over a key. {@link #copy()} gives an independent deep copy. */
public interface MacEngine {
    void update(byte[] data, int offset, int length);

    MacEngine copy();

    /** Finishes this engine and returns the full tag; the engine is unusable afterwards. */
    byte[] tag();
}
