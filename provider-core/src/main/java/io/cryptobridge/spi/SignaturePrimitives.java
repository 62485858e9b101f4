package io.cryptobridge.spi;

import io.cryptobridge.signatures.SignatureAlgorithm;

/** What a backend implements for the signatures module: keys (inherited), signers, verifiers. */
public interface SignaturePrimitives extends AsymmetricKeyPrimitives {

    SignerEngine newSigner(SignatureAlgorithm algorithm, BackendKeyPair keyPair);

    VerifierEngine newVerifier(SignatureAlgorithm algorithm, BackendPublicKey publicKey);
}
