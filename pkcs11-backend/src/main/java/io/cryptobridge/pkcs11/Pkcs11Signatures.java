package io.cryptobridge.pkcs11;

import io.cryptobridge.signatures.SignatureAlgorithm;
import io.cryptobridge.spi.BackendKeyPair;
import io.cryptobridge.spi.BackendPublicKey;
import io.cryptobridge.spi.SignaturePrimitives;
import io.cryptobridge.spi.SignerEngine;
import io.cryptobridge.spi.VerifierEngine;

/**
 * Signatures with private keys on the token. Signing runs on the token ({@link TokenSigner});
 * verification needs no secret and runs in the JVM with the software backend's verifiers (no round
 * trip, the same strict checks as the software backend, and it succeeds only on an explicit valid
 * result).
 */
final class Pkcs11Signatures extends TokenKeyFamily implements SignaturePrimitives {
    private final SessionPool pool;
    private final SignaturePrimitives software;

    Pkcs11Signatures(TokenAsymmetricKeys keys, SessionPool pool, SignaturePrimitives software) {
        super(keys);
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
}
