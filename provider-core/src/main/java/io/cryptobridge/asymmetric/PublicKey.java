package io.cryptobridge.asymmetric;

import io.cryptobridge.CryptoErrno;
import io.cryptobridge.CryptoException;
import io.cryptobridge.kx.KxAlgorithm;
import io.cryptobridge.signatures.SignatureAlgorithm;
import io.cryptobridge.spi.AsymmetricKeyPrimitives;
import io.cryptobridge.spi.BackendPublicKey;

/** A public key of a signature or key-exchange algorithm, and the backend that holds it. */
public final class PublicKey {
    private final AsymmetricAlgorithm algorithm;
    private final AsymmetricKeyPrimitives backend;
    private final BackendPublicKey material;

    public PublicKey(
            AsymmetricAlgorithm algorithm,
            AsymmetricKeyPrimitives backend,
            BackendPublicKey material) {
        this.algorithm = algorithm;
        this.backend = backend;
        this.material = material;
    }

    public AsymmetricAlgorithm algorithm() {
        return algorithm;
    }

    public AsymmetricKeyPrimitives backend() {
        return backend;
    }

    public BackendPublicKey material() {
        return material;
    }

    /** The signature algorithm; invalid_key for a key-exchange key. */
    public SignatureAlgorithm signatureAlgorithm() {
        return KeyFamilies.signatureAlgorithm(algorithm);
    }

    /** The key-exchange algorithm; invalid_key for a signature key. */
    public KxAlgorithm kxAlgorithm() {
        return KeyFamilies.kxAlgorithm(algorithm);
    }

    public byte[] export(PublicKeyEncoding encoding) {
        switch (encoding) {
            case LOCAL:
                throw new CryptoException(
                        CryptoErrno.UNSUPPORTED_ENCODING, "the local encoding is not offered");
            case PEM:
                return Pem.encode(Pem.PUBLIC_KEY, material.export(PublicKeyEncoding.PKCS8));
            default:
                return material.export(encoding);
        }
    }

    /**
     * This key as {@code target} holds it: itself when it already lives there, otherwise exported
     * from its backend and imported into {@code target} (which checks it). Public keys move freely
     * between backends, so an operation that meets keys of two backends runs where the secret key
     * is, never elsewhere.
     */
    public PublicKey on(AsymmetricKeyPrimitives target) {
        if (target == backend) {
            return this;
        }
        // SubjectPublicKeyInfo is the one form every backend reads for RSA; the others share a
        // raw form (a point, a compressed curve key or a KEM encapsulation key).
        PublicKeyEncoding encoding =
                algorithm instanceof SignatureAlgorithm && ((SignatureAlgorithm) algorithm).isRsa()
                        ? PublicKeyEncoding.PKCS8
                        : PublicKeyEncoding.RAW;
        byte[] encoded = material.export(encoding);
        return new PublicKey(
                algorithm, target, target.importPublicKey(algorithm, encoding, encoded));
    }

    /** Checks validity and canonical form; invalid_key otherwise. */
    public void verify() {
        backend.verifyPublicKey(algorithm, material);
    }

    @Override
    public String toString() {
        return "PublicKey[" + algorithm + "]";
    }
}
