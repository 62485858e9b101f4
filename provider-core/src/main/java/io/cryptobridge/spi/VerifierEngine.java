package io.cryptobridge.spi;

/** A verification over a growing message; {@link #verify} does not reset it. */
public interface VerifierEngine {
    void update(byte[] data, int offset, int length);

    /**
     * Whether {@code rawSignature} is a valid signature of everything absorbed so far. Returns true
     * only on an explicit valid result; every library failure is false.
     */
    boolean verify(byte[] rawSignature);
}
