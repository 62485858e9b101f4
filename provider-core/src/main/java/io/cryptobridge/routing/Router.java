package io.cryptobridge.routing;

import io.cryptobridge.CryptoErrno;
import io.cryptobridge.CryptoException;
import io.cryptobridge.spi.Backend;
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
}
