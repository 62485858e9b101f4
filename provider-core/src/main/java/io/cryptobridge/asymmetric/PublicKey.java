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

    /** Checks validity and canonical form; invalid_key otherwise. */
    public void verify() {
        backend.verifyPublicKey(algorithm, material);
    }

    @Override
    public String toString() {
        return "PublicKey[" + algorithm + "]";
    }
}
