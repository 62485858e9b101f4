package io.cryptobridge.asymmetric;

import io.cryptobridge.CryptoErrno;
import io.cryptobridge.CryptoException;
import io.cryptobridge.kx.KxAlgorithm;
import io.cryptobridge.signatures.SignatureAlgorithm;

/**
 * Keys of both families share the keypair/publickey/secretkey handle tables; a key of one family
 * given to the other family's functions is {@code invalid_key} (the handle itself is valid).
 */
final class KeyFamilies {
    private KeyFamilies() {}

    static SignatureAlgorithm signatureAlgorithm(AsymmetricAlgorithm algorithm) {
        if (algorithm instanceof SignatureAlgorithm) {
            return (SignatureAlgorithm) algorithm;
        }
        throw new CryptoException(
                CryptoErrno.INVALID_KEY, "a " + algorithm + " key is not a signature key");
    }

    static KxAlgorithm kxAlgorithm(AsymmetricAlgorithm algorithm) {
        if (algorithm instanceof KxAlgorithm) {
            return (KxAlgorithm) algorithm;
        }
        throw new CryptoException(
                CryptoErrno.INVALID_KEY, "a " + algorithm + " key is not a key-exchange key");
    }
}
