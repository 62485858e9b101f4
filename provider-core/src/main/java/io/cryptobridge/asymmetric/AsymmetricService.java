package io.cryptobridge.asymmetric;

import io.cryptobridge.AlgorithmType;
import io.cryptobridge.CryptoErrno;
import io.cryptobridge.CryptoException;
import io.cryptobridge.GuestPolicy;
import io.cryptobridge.common.Options;
import io.cryptobridge.kx.KxAlgorithm;
import io.cryptobridge.routing.Router;
import io.cryptobridge.signatures.SignatureAlgorithm;
import io.cryptobridge.spi.AsymmetricKeyPrimitives;

/**
 * Creates key pairs, public keys and secret keys of both asymmetric families: parses the algorithm
 * for the requested {@code algorithm_type}, unwraps PEM, and asks the router for the backend.
 */
public final class AsymmetricService {
    private final Router router;
    private final GuestPolicy policy;

    public AsymmetricService(Router router) {
        this(router, GuestPolicy.UNRESTRICTED);
    }

    public AsymmetricService(Router router, GuestPolicy policy) {
        this.router = router;
        this.policy = policy;
    }

    /** {@link #parse}, then prohibited_operation if the guest's policy forbids the algorithm. */
    private AsymmetricAlgorithm allowed(AlgorithmType type, String name) {
        AsymmetricAlgorithm algorithm = parse(type, name);
        policy.require(algorithm);
        return algorithm;
    }

    /**
     * The algorithm named {@code name} in family {@code type}; invalid_operation for the symmetric
     * type, unsupported_algorithm for a name the family does not know.
     */
    public static AsymmetricAlgorithm parse(AlgorithmType type, String name) {
        switch (type) {
            case SIGNATURES:
                return SignatureAlgorithm.parse(name);
            case KEY_EXCHANGE:
                return KxAlgorithm.parse(name);
            default:
                throw new CryptoException(
                        CryptoErrno.INVALID_OPERATION, "symmetric algorithms have no key pairs");
        }
    }

    /**
     * The algorithm of a key pair the guest wants to generate: parsed, allowed by the policy, and
     * invalid_handle for options of another type.
     */
    public AsymmetricAlgorithm generationAlgorithm(
            AlgorithmType type, String name, Options options) {
        AsymmetricAlgorithm algorithm = allowed(type, name);
        if (options != null && options.type() != type) {
            throw new CryptoException(
                    CryptoErrno.INVALID_HANDLE, "options of type " + options.type() + " given");
        }
        return algorithm;
    }

    /** A fresh key pair; {@code options} may be null, and no option names exist for these. */
    public KeyPair generate(AlgorithmType type, String name, Options options) {
        AsymmetricAlgorithm algorithm = generationAlgorithm(type, name, options);
        AsymmetricKeyPrimitives backend = router.asymmetricKeys(algorithm);
        return new KeyPair(algorithm, backend, backend.generateKeyPair(algorithm));
    }

    public KeyPair importKeyPair(
            AlgorithmType type, String name, byte[] encoded, KeyPairEncoding encoding) {
        AsymmetricAlgorithm algorithm = allowed(type, name);
        requireNotLocal(encoding == KeyPairEncoding.LOCAL);
        KeyPairEncoding backendEncoding = encoding;
        byte[] bytes = encoded;
        if (encoding == KeyPairEncoding.PEM) {
            backendEncoding = KeyPairEncoding.PKCS8;
            bytes = Pem.decode(Pem.PRIVATE_KEY, encoded);
        }
        AsymmetricKeyPrimitives backend = router.asymmetricKeys(algorithm);
        return new KeyPair(
                algorithm, backend, backend.importKeyPair(algorithm, backendEncoding, bytes));
    }

    public PublicKey importPublicKey(
            AlgorithmType type, String name, byte[] encoded, PublicKeyEncoding encoding) {
        AsymmetricAlgorithm algorithm = allowed(type, name);
        requireNotLocal(encoding == PublicKeyEncoding.LOCAL);
        PublicKeyEncoding backendEncoding = encoding;
        byte[] bytes = encoded;
        if (encoding == PublicKeyEncoding.PEM) {
            backendEncoding = PublicKeyEncoding.PKCS8;
            bytes = Pem.decode(Pem.PUBLIC_KEY, encoded);
        }
        AsymmetricKeyPrimitives backend = router.asymmetricKeys(algorithm);
        return new PublicKey(
                algorithm, backend, backend.importPublicKey(algorithm, backendEncoding, bytes));
    }

    public SecretKey importSecretKey(
            AlgorithmType type, String name, byte[] encoded, SecretKeyEncoding encoding) {
        AsymmetricAlgorithm algorithm = allowed(type, name);
        requireNotLocal(encoding == SecretKeyEncoding.LOCAL);
        SecretKeyEncoding backendEncoding = encoding;
        byte[] bytes = encoded;
        if (encoding == SecretKeyEncoding.PEM) {
            backendEncoding = SecretKeyEncoding.PKCS8;
            bytes = Pem.decode(Pem.PRIVATE_KEY, encoded);
        }
        AsymmetricKeyPrimitives backend = router.asymmetricKeys(algorithm);
        return new SecretKey(
                algorithm, backend, backend.importSecretKey(algorithm, backendEncoding, bytes));
    }

    /** Joins the two halves; incompatible_keys unless they are of one algorithm and match. */
    public KeyPair keyPair(PublicKey publicKey, SecretKey secretKey) {
        if (publicKey.algorithm() != secretKey.algorithm()) {
            throw new CryptoException(
                    CryptoErrno.INCOMPATIBLE_KEYS,
                    publicKey.algorithm() + " and " + secretKey.algorithm() + " keys do not pair");
        }
        AsymmetricKeyPrimitives backend = secretKey.backend();
        return new KeyPair(
                secretKey.algorithm(),
                backend,
                backend.keyPair(
                        secretKey.algorithm(),
                        publicKey.on(backend).material(),
                        secretKey.material()));
    }

    private static void requireNotLocal(boolean local) {
        if (local) {
            // "local" is implementation-defined; cryptobridge defines none (no peer agrees on one).
            throw new CryptoException(
                    CryptoErrno.UNSUPPORTED_ENCODING, "the local encoding is not offered");
        }
    }
}
