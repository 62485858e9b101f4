package io.cryptobridge.spi;

import io.cryptobridge.asymmetric.AsymmetricAlgorithm;
import io.cryptobridge.asymmetric.KeyPairEncoding;
import io.cryptobridge.asymmetric.PublicKeyEncoding;
import io.cryptobridge.asymmetric.SecretKeyEncoding;

/**
 * Key generation, import and checks for one asymmetric family. The algorithm passed in is always
 * one of the family's ({@code SignatureAlgorithm} or {@code KxAlgorithm}) and one this backend
 * {@link #supports}. Encodings arrive without PEM (provider-core turns PEM into PKCS8 DER) and
 * never as {@code LOCAL}.
 */
public interface AsymmetricKeyPrimitives {

    boolean supports(AsymmetricAlgorithm algorithm);

    BackendKeyPair generateKeyPair(AsymmetricAlgorithm algorithm);

    /** invalid_key for malformed or inconsistent input, unsupported_encoding for the encoding. */
    BackendKeyPair importKeyPair(
            AsymmetricAlgorithm algorithm, KeyPairEncoding encoding, byte[] encoded);

    BackendPublicKey importPublicKey(
            AsymmetricAlgorithm algorithm, PublicKeyEncoding encoding, byte[] encoded);

    BackendSecretKey importSecretKey(
            AsymmetricAlgorithm algorithm, SecretKeyEncoding encoding, byte[] encoded);

    /** Joins a public and a secret key; incompatible_keys when they do not belong together. */
    BackendKeyPair keyPair(
            AsymmetricAlgorithm algorithm, BackendPublicKey publicKey, BackendSecretKey secretKey);

    /**
     * Checks that a public key is valid and canonical (on the curve, not the identity, not of low
     * order, a sane RSA modulus); invalid_key otherwise.
     */
    void verifyPublicKey(AsymmetricAlgorithm algorithm, BackendPublicKey publicKey);
}
