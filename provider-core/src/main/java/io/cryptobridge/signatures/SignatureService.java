package io.cryptobridge.signatures;

import io.cryptobridge.CryptoErrno;
import io.cryptobridge.CryptoException;
import io.cryptobridge.asymmetric.KeyPair;
import io.cryptobridge.asymmetric.PublicKey;
import io.cryptobridge.spi.AsymmetricKeyPrimitives;
import io.cryptobridge.spi.SignaturePrimitives;

/** Opens signing and verification states and imports signatures. */
public final class SignatureService {
    private final long maxBufferedBytes;

    /**
     * @param maxBufferedBytes the session's cap on a buffered (EdDSA) message
     */
    public SignatureService(long maxBufferedBytes) {
        this.maxBufferedBytes = maxBufferedBytes;
    }

    /** A signing state over a key pair; invalid_key for a key-exchange pair. */
    public SignatureState openSigner(KeyPair keyPair) {
        SignatureAlgorithm algorithm = keyPair.signatureAlgorithm();
        SignaturePrimitives backend = backendOf(keyPair.backend());
        return new SignatureState(
                algorithm, backend.newSigner(algorithm, keyPair.material()), budgetFor(algorithm));
    }

    /** A verification state over a public key; invalid_key for a key-exchange key. */
    public VerificationState openVerifier(PublicKey publicKey) {
        SignatureAlgorithm algorithm = publicKey.signatureAlgorithm();
        SignaturePrimitives backend = backendOf(publicKey.backend());
        return new VerificationState(
                algorithm,
                backend.newVerifier(algorithm, publicKey.material()),
                budgetFor(algorithm));
    }

    public Signature importSignature(String name, byte[] encoded, SignatureEncoding encoding) {
        return Signature.decode(SignatureAlgorithm.parse(name), encoded, encoding);
    }

    private MessageBudget budgetFor(SignatureAlgorithm algorithm) {
        return new MessageBudget(algorithm.buffersMessage() ? maxBufferedBytes : Long.MAX_VALUE);
    }

    private static SignaturePrimitives backendOf(AsymmetricKeyPrimitives backend) {
        if (backend instanceof SignaturePrimitives) {
            return (SignaturePrimitives) backend;
        }
        // A signature algorithm's key always comes from a SignaturePrimitives (Router).
        throw new CryptoException(CryptoErrno.INTERNAL_ERROR, "key has no signature backend");
    }
}
