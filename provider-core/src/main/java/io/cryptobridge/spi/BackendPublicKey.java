package io.cryptobridge.spi;

import io.cryptobridge.asymmetric.PublicKeyEncoding;

/** A public key as a backend holds it. */
public interface BackendPublicKey {

    /**
     * The key in {@code encoding} ({@code RAW}, {@code PKCS8} = SubjectPublicKeyInfo DER, or {@code
     * SEC}); provider-core handles PEM and {@code LOCAL} itself.
     *
     * @throws io.cryptobridge.CryptoException unsupported_encoding for an encoding the algorithm
     *     has none of
     */
    byte[] export(PublicKeyEncoding encoding);
}
