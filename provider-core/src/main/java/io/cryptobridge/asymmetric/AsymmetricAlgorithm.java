package io.cryptobridge.asymmetric;

import io.cryptobridge.AlgorithmType;

/**
 * An asymmetric algorithm spec: a signature scheme or a key exchange. Public keys, secret keys and
 * key pairs carry one, and operations check it before they touch key material.
 */
public interface AsymmetricAlgorithm {

    /** The wasi-crypto name, in the spelling of the spec (e.g. {@code Ed25519}). */
    String specName();

    /** The family whose functions may use keys of this algorithm. */
    AlgorithmType type();
}
