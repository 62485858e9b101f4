package io.cryptobridge.spi;

import io.cryptobridge.asymmetric.SecretKeyEncoding;

/** An asymmetric secret key as a backend holds it. Never prints its bytes. */
public interface BackendSecretKey {

    /**
     * The key in {@code encoding} ({@code RAW}, {@code PKCS8} DER or {@code SEC}); provider-core
     * handles PEM and {@code LOCAL}.
     *
     * @throws io.cryptobridge.CryptoException unsupported_encoding, or prohibited_operation for a
     *     key that may not leave its backend
     */
    byte[] export(SecretKeyEncoding encoding);

    /** The matching public key. */
    BackendPublicKey publicKey();

    /** Wipes or releases the key where the backend can; later use fails. Idempotent. */
    default void destroy() {}
}
