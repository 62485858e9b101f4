package io.cryptobridge.pkcs11;

import io.cryptobridge.asymmetric.AsymmetricAlgorithm;
import io.cryptobridge.asymmetric.KeyPairEncoding;
import io.cryptobridge.asymmetric.PublicKeyEncoding;
import io.cryptobridge.asymmetric.SecretKeyEncoding;
import io.cryptobridge.signatures.SignatureAlgorithm;
import io.cryptobridge.spi.BackendKeyPair;
import io.cryptobridge.spi.BackendPublicKey;
import io.cryptobridge.spi.BackendSecretKey;
import io.cryptobridge.spi.SignaturePrimitives;
import io.cryptobridge.spi.SignerEngine;
import io.cryptobridge.spi.VerifierEngine;

/**
 * Signatures with private keys on the token. Signing runs on the token ({@link TokenSigner});
 * verification needs no secret and runs in the JVM with the software backend's verifiers (no round
 * trip, the same strict checks as the software backend, and it succeeds only on an explicit valid
 * result).
 */
final class Pkcs11Signatures implements SignaturePrimitives {
    private final TokenAsymmetricKeys keys;
    private final SessionPool pool;
    private final SignaturePrimitives software;

    Pkcs11Signatures(TokenAsymmetricKeys keys, SessionPool pool, SignaturePrimitives software) {
        this.keys = keys;
        this.pool = pool;
        this.software = software;
    }

    @Override
    public SignerEngine newSigner(SignatureAlgorithm algorithm, BackendKeyPair keyPair) {
        AsymmetricMechanismMap.Mechanisms m = keys.served(algorithm);
        TokenKeyPair.of(keyPair).tokenKey().handleFor(algorithm);
        // The state holds the key itself: it outlives the key pair's handle (wasi-crypto). Engines
        // have no close, so this holder goes when the state is collected (TokenObject's cleaner).
        TokenPrivateKey key = TokenKeyPair.of(keyPair).tokenKey().share();
        return new TokenSigner(algorithm, m.operation(), () -> key.handleFor(algorithm), pool);
    }

    @Override
    public VerifierEngine newVerifier(SignatureAlgorithm algorithm, BackendPublicKey publicKey) {
        keys.served(algorithm);
        return software.newVerifier(algorithm, publicKey);
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
