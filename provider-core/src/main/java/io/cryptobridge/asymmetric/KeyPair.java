package io.cryptobridge.asymmetric;

import io.cryptobridge.CryptoErrno;
import io.cryptobridge.CryptoException;
import io.cryptobridge.kx.KxAlgorithm;
import io.cryptobridge.signatures.SignatureAlgorithm;
import io.cryptobridge.spi.AsymmetricKeyPrimitives;
import io.cryptobridge.spi.BackendKeyPair;
import io.cryptobridge.spi.ManagedEntry;
import java.util.Optional;

/** A key pair of a signature or key-exchange algorithm. Never prints its bytes. */
public final class KeyPair {
    private final AsymmetricAlgorithm algorithm;
    private final AsymmetricKeyPrimitives backend;
    private final BackendKeyPair material;
    private final ManagedEntry managed;

    public KeyPair(
            AsymmetricAlgorithm algorithm,
            AsymmetricKeyPrimitives backend,
            BackendKeyPair material) {
        this(algorithm, backend, material, null);
    }

    /** A managed key pair loaded from {@code managed}'s version. */
    public KeyPair(
            AsymmetricAlgorithm algorithm,
            AsymmetricKeyPrimitives backend,
            BackendKeyPair material,
            ManagedEntry managed) {
        this.algorithm = algorithm;
        this.backend = backend;
        this.material = material;
        this.managed = managed;
    }

    /** The secrets-manager entry this pair was loaded from; empty for an ephemeral pair. */
    public Optional<ManagedEntry> managed() {
        return Optional.ofNullable(managed);
    }

    public AsymmetricAlgorithm algorithm() {
        return algorithm;
    }

    public AsymmetricKeyPrimitives backend() {
        return backend;
    }

    public BackendKeyPair material() {
        return material;
    }

    public SignatureAlgorithm signatureAlgorithm() {
        return KeyFamilies.signatureAlgorithm(algorithm);
    }

    public KxAlgorithm kxAlgorithm() {
        return KeyFamilies.kxAlgorithm(algorithm);
    }

    /** The public half, as a new object that outlives the pair's handle. */
    public PublicKey publicKey() {
        return new PublicKey(algorithm, backend, material.publicKey());
    }

    /** The secret half, as a new object that outlives the pair's handle. */
    public SecretKey secretKey() {
        return new SecretKey(algorithm, backend, material.secretKey());
    }

    public byte[] export(KeyPairEncoding encoding) {
        switch (encoding) {
            case LOCAL:
                throw new CryptoException(
                        CryptoErrno.UNSUPPORTED_ENCODING, "the local encoding is not offered");
            case PEM:
                return Pem.encode(Pem.PRIVATE_KEY, material.export(KeyPairEncoding.PKCS8));
            default:
                return material.export(encoding);
        }
    }

    public void destroy() {
        material.destroy();
    }

    @Override
    public String toString() {
        return "KeyPair[" + algorithm + "]";
    }
}
