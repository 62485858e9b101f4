package io.cryptobridge.asymmetric;

import io.cryptobridge.CryptoErrno;
import io.cryptobridge.CryptoException;
import io.cryptobridge.kx.KxAlgorithm;
import io.cryptobridge.signatures.SignatureAlgorithm;
import io.cryptobridge.spi.AsymmetricKeyPrimitives;
import io.cryptobridge.spi.BackendSecretKey;

/** A secret key of a signature or key-exchange algorithm. Never prints its bytes. */
public final class SecretKey {
    private final AsymmetricAlgorithm algorithm;
    private final AsymmetricKeyPrimitives backend;
    private final BackendSecretKey material;

    public SecretKey(
            AsymmetricAlgorithm algorithm,
            AsymmetricKeyPrimitives backend,
            BackendSecretKey material) {
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

    public BackendSecretKey material() {
        return material;
    }

    public SignatureAlgorithm signatureAlgorithm() {
        return KeyFamilies.signatureAlgorithm(algorithm);
    }

    public KxAlgorithm kxAlgorithm() {
        return KeyFamilies.kxAlgorithm(algorithm);
    }

    /** The matching public key, as a new object. */
    public PublicKey publicKey() {
        return new PublicKey(algorithm, backend, material.publicKey());
    }

    public byte[] export(SecretKeyEncoding encoding) {
        switch (encoding) {
            case LOCAL:
                throw new CryptoException(
                        CryptoErrno.UNSUPPORTED_ENCODING, "the local encoding is not offered");
            case PEM:
                return Pem.encode(Pem.PRIVATE_KEY, material.export(SecretKeyEncoding.PKCS8));
            default:
                return material.export(encoding);
        }
    }

    public void destroy() {
        material.destroy();
    }

    @Override
    public String toString() {
        return "SecretKey[" + algorithm + "]";
    }
}
