package io.cryptobridge.spi;

/**
 * A signing operation over a growing message. {@link #sign()} signs everything absorbed since the
 * engine was created and leaves the engine usable: a later update + sign signs the longer message
 * (the spec's cumulative semantics). Never precomputes per-signature randomness before the message
 * is complete.
 */
public interface SignerEngine {
    void update(byte[] data, int offset, int length);

    /** A raw signature (r‖s for ECDSA, 64 bytes for Ed25519, modulus-sized for RSA). */
    byte[] sign();
}
