package io.cryptobridge.spi;

/** A running hash. Not thread-safe; {@link #copy()} gives an independent deep copy. */
public interface HashEngine {
    void update(byte[] data, int offset, int length);

    HashEngine copy();

    /** Finishes this engine and returns the full digest; the engine is unusable afterwards. */
    byte[] digest();
}
