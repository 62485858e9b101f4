package io.cryptobridge.routing;

import io.cryptobridge.AlgorithmType;
import io.cryptobridge.CryptoErrno;
import io.cryptobridge.CryptoException;
import io.cryptobridge.asymmetric.AsymmetricAlgorithm;
import io.cryptobridge.kx.KxAlgorithm;
import io.cryptobridge.signatures.SignatureAlgorithm;
import io.cryptobridge.spi.AsymmetricKeyPrimitives;
import io.cryptobridge.spi.Backend;
import io.cryptobridge.spi.KeyExchangePrimitives;
import io.cryptobridge.spi.SignaturePrimitives;
import io.cryptobridge.spi.SymmetricPrimitives;
import io.cryptobridge.symmetric.SymmetricAlgorithm;
import java.util.List;
import java.util.Optional;

/**
 * Picks the backend for generation, import and keyless operations: the first backend in the
 * preference list that is capable of the algorithm. Operations on a key always go to the backend
 * that holds the key (the key carries it), so the router never re-runs a failed operation
 * elsewhere.
 */
public final class Router {
    private final List<Backend> preference;

    public Router(List<Backend> preference) {
        if (preference.isEmpty()) {
            throw new IllegalArgumentException("a router needs at least one backend");
        }
        this.preference = List.copyOf(preference);
    }

    public List<Backend> backends() {
        return preference;
    }

    /** The backend that serves a symmetric algorithm; unsupported_algorithm if none can. */
    public SymmetricPrimitives symmetric(SymmetricAlgorithm algorithm) {
        for (Backend backend : preference) {
            Optional<SymmetricPrimitives> primitives = backend.symmetric();
            if (primitives.isPresent() && primitives.get().supports(algorithm)) {
                return primitives.get();
            }
        }
        throw new CryptoException(
                CryptoErrno.UNSUPPORTED_ALGORITHM, "no configured backend serves " + algorithm);
    }

    /** The backend that serves a signature algorithm; unsupported_algorithm if none can. */
    public SignaturePrimitives signatures(SignatureAlgorithm algorithm) {
        for (Backend backend : preference) {
            Optional<SignaturePrimitives> primitives = backend.signatures();
            if (primitives.isPresent() && primitives.get().supports(algorithm)) {
                return primitives.get();
            }
        }
        throw new CryptoException(
                CryptoErrno.UNSUPPORTED_ALGORITHM, "no configured backend serves " + algorithm);
    }

    /** The backend that serves a key-exchange algorithm; unsupported_algorithm if none can. */
    public KeyExchangePrimitives keyExchange(KxAlgorithm algorithm) {
        for (Backend backend : preference) {
            Optional<KeyExchangePrimitives> primitives = backend.keyExchange();
            if (primitives.isPresent() && primitives.get().supports(algorithm)) {
                return primitives.get();
            }
        }
        throw new CryptoException(
                CryptoErrno.UNSUPPORTED_ALGORITHM, "no configured backend serves " + algorithm);
    }

    /** The backend for keys of an asymmetric algorithm of either family. */
    public AsymmetricKeyPrimitives asymmetricKeys(AsymmetricAlgorithm algorithm) {
        if (algorithm.type() == AlgorithmType.SIGNATURES) {
            return signatures((SignatureAlgorithm) algorithm);
        }
        return keyExchange((KxAlgorithm) algorithm);
    }
}
