package io.cryptobridge.spi;

import io.cryptobridge.asymmetric.KeyPairEncoding;

/** A key pair as a backend holds it. */
public interface BackendKeyPair {

    BackendPublicKey publicKey();

    /** The secret half; an independent object, so closing the pair does not break it. */
    BackendSecretKey secretKey();

    /**
     * The pair in {@code encoding} ({@code RAW} or {@code PKCS8} DER); provider-core handles PEM
     * and {@code LOCAL}.
     */
    byte[] export(KeyPairEncoding encoding);

    /** Wipes or releases the key where the backend can. Idempotent. */
    default void destroy() {}
}
