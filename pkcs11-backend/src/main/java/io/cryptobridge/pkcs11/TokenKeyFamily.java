package io.cryptobridge.pkcs11;

import io.cryptobridge.asymmetric.AsymmetricAlgorithm;
import io.cryptobridge.asymmetric.KeyPairEncoding;
import io.cryptobridge.asymmetric.PublicKeyEncoding;
import io.cryptobridge.asymmetric.SecretKeyEncoding;
import io.cryptobridge.spi.AsymmetricKeyPrimitives;
import io.cryptobridge.spi.BackendKeyPair;
import io.cryptobridge.spi.BackendPublicKey;
import io.cryptobridge.spi.BackendSecretKey;

/**
 * The key handling that signatures and key exchange share: both families keep their keys on the
 * token through one {@link TokenAsymmetricKeys}.
 */
abstract class TokenKeyFamily implements AsymmetricKeyPrimitives {
    protected final TokenAsymmetricKeys keys;

    TokenKeyFamily(TokenAsymmetricKeys keys) {
        this.keys = keys;
    }

    @Override
    public boolean supports(AsymmetricAlgorithm algorithm) {
        return keys.supports(algorithm);
    }

    @Override
    public BackendKeyPair generateKeyPair(AsymmetricAlgorithm algorithm) {
        return keys.generateKeyPair(algorithm);
    }

    @Override
    public BackendKeyPair importKeyPair(
            AsymmetricAlgorithm algorithm, KeyPairEncoding encoding, byte[] encoded) {
        return keys.importKeyPair(algorithm, encoding, encoded);
    }

    @Override
    public BackendPublicKey importPublicKey(
            AsymmetricAlgorithm algorithm, PublicKeyEncoding encoding, byte[] encoded) {
        return keys.importPublicKey(algorithm, encoding, encoded);
    }

    @Override
    public BackendSecretKey importSecretKey(
            AsymmetricAlgorithm algorithm, SecretKeyEncoding encoding, byte[] encoded) {
        return keys.importSecretKey(algorithm, encoding, encoded);
    }

    @Override
    public BackendKeyPair keyPair(
            AsymmetricAlgorithm algorithm, BackendPublicKey publicKey, BackendSecretKey secretKey) {
        return keys.keyPair(algorithm, publicKey, secretKey);
    }

    @Override
    public void verifyPublicKey(AsymmetricAlgorithm algorithm, BackendPublicKey publicKey) {
        keys.verifyPublicKey(algorithm, publicKey);
    }
}
