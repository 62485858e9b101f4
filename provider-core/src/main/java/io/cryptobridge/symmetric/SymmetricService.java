package io.cryptobridge.symmetric;

import io.cryptobridge.AlgorithmType;
import io.cryptobridge.CryptoErrno;
import io.cryptobridge.CryptoException;
import io.cryptobridge.GuestPolicy;
import io.cryptobridge.common.Options;
import io.cryptobridge.routing.Router;
import io.cryptobridge.spi.SymmetricPrimitives;
import java.io.ByteArrayOutputStream;
import java.security.SecureRandom;

/**
 * Creates symmetric keys and states: parses the algorithm, checks keys and nonces against its spec,
 * and asks the router for the backend. Everything after that happens in the state.
 */
public final class SymmetricService {
    private final Router router;
    private final SecureRandom random;
    private final GuestPolicy policy;

    public SymmetricService(Router router, SecureRandom random) {
        this(router, random, GuestPolicy.UNRESTRICTED);
    }

    public SymmetricService(Router router, SecureRandom random, GuestPolicy policy) {
        this.router = router;
        this.random = random;
        this.policy = policy;
    }

    /**
     * Parses an algorithm name the guest gave; unsupported_algorithm for an unknown name,
     * prohibited_operation for one the guest's policy does not allow.
     */
    public SymmetricAlgorithm algorithm(String name) {
        SymmetricAlgorithm algorithm = SymmetricAlgorithm.parse(name);
        policy.require(algorithm);
        return algorithm;
    }

    /**
     * The algorithm of a key the guest wants to generate or store: {@link #algorithm}, then
     * key_not_supported for a keyless algorithm, invalid_handle for options of another type.
     */
    public SymmetricAlgorithm keyAlgorithm(String algorithmName, Options options) {
        SymmetricAlgorithm algorithm = algorithm(algorithmName);
        requireSymmetricOptions(options);
        requireKeyed(algorithm);
        return algorithm;
    }

    public SymmetricKey generateKey(String algorithmName, Options options) {
        SymmetricAlgorithm algorithm = keyAlgorithm(algorithmName, options);
        SymmetricPrimitives backend = router.symmetric(algorithm);
        return new SymmetricKey(algorithm, backend, backend.generateKey(algorithm));
    }

    public SymmetricKey importKey(String algorithmName, byte[] raw) {
        SymmetricAlgorithm algorithm = algorithm(algorithmName);
        requireKeyed(algorithm);
        if (!algorithm.acceptsKeyLength(raw.length)) {
            throw new CryptoException(
                    CryptoErrno.INVALID_KEY, raw.length + "-byte key does not fit " + algorithm);
        }
        SymmetricPrimitives backend = router.symmetric(algorithm);
        return new SymmetricKey(algorithm, backend, backend.importKey(algorithm, raw));
    }

    /**
     * Opens a state.
     *
     * @param key the key, or null when the guest passed none
     * @param options the options, or null when the guest passed none
     */
    public SymmetricState open(String algorithmName, SymmetricKey key, Options options) {
        SymmetricAlgorithm algorithm = algorithm(algorithmName);
        requireSymmetricOptions(options);
        Options snapshot =
                options == null ? new Options(AlgorithmType.SYMMETRIC) : options.snapshot();
        if (!algorithm.needsKey()) {
            if (key != null) {
                throw new CryptoException(
                        CryptoErrno.KEY_NOT_SUPPORTED, algorithm + " takes no key");
            }
            return new HashState(
                    algorithm, snapshot, router.symmetric(algorithm).newHash(algorithm));
        }
        if (key == null) {
            throw new CryptoException(CryptoErrno.KEY_REQUIRED, algorithm + " needs a key");
        }
        key.materialFor(algorithm);
        switch (algorithm.kind()) {
            case MAC:
                return new MacState(
                        algorithm, snapshot, key.backend().newMac(algorithm, key.material()));
            case HKDF_EXTRACT:
                return new HkdfExtractState(algorithm, snapshot, key, new ByteArrayOutputStream());
            case HKDF_EXPAND:
                return new HkdfExpandState(algorithm, snapshot, key, new ByteArrayOutputStream());
            case AEAD:
                return openAead(algorithm, key, snapshot);
            default:
                throw new IllegalStateException("unhandled kind " + algorithm.kind());
        }
    }

    private AeadState openAead(SymmetricAlgorithm algorithm, SymmetricKey key, Options options) {
        byte[] nonce = options.getOrNull("nonce");
        if (nonce == null) {
            if (algorithm != SymmetricAlgorithm.XCHACHA20_POLY1305) {
                // A random 96-bit nonce is unsafe past 2^32 messages, so the host never invents
                // one.
                throw new CryptoException(
                        CryptoErrno.NONCE_REQUIRED, algorithm + " needs a nonce option");
            }
            nonce = new byte[algorithm.nonceLength()];
            random.nextBytes(nonce);
        }
        if (nonce.length != algorithm.nonceLength()) {
            throw new CryptoException(
                    CryptoErrno.INVALID_NONCE,
                    algorithm + " nonces are " + algorithm.nonceLength() + " bytes");
        }
        return new AeadState(
                algorithm,
                options,
                key.backend().newAead(algorithm, key.material()),
                nonce,
                new NonceGuard(),
                new ByteArrayOutputStream());
    }

    private static void requireKeyed(SymmetricAlgorithm algorithm) {
        if (!algorithm.needsKey()) {
            throw new CryptoException(CryptoErrno.KEY_NOT_SUPPORTED, algorithm + " takes no key");
        }
    }

    private static void requireSymmetricOptions(Options options) {
        if (options != null && options.type() != AlgorithmType.SYMMETRIC) {
            throw new CryptoException(
                    CryptoErrno.INVALID_HANDLE, "options of type " + options.type() + " given");
        }
    }
}
