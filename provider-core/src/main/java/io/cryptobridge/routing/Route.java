package io.cryptobridge.routing;

import io.cryptobridge.spi.Backend;
import java.util.List;
import java.util.Optional;

/**
 * How the router serves one algorithm for generation, import and keyless operations: the backend it
 * chose (none when refused), why, and the list it chose from.
 *
 * @param algorithm the spec name
 * @param backend the serving backend, or null when the algorithm is refused
 * @param reason why this backend (or none)
 * @param candidates names of the backends the route was chosen from, in preference order
 * @param skipped names of the candidates before the chosen one that lack the algorithm
 */
public record Route(
        String algorithm,
        Backend backend,
        Reason reason,
        List<String> candidates,
        List<String> skipped) {

    /** Why a route is what it is. */
    public enum Reason {
        /** The first backend of {@code routing.default} can do it. */
        CAPABILITY,
        /** A later backend of {@code routing.default}, because the earlier ones cannot. */
        FALLBACK,
        /** Chosen from the algorithm's own list in {@code routing.algorithms}. */
        OVERRIDE,
        /** No backend of the list can do it: the guest gets {@code unsupported_algorithm}. */
        REFUSED
    }

    public Route {
        candidates = List.copyOf(candidates);
        skipped = List.copyOf(skipped);
    }

    public Optional<Backend> served() {
        return Optional.ofNullable(backend);
    }

    /** One line for people: why this backend serves the algorithm, or why none does. */
    public String explanation() {
        String list = "[" + String.join(", ", candidates) + "]";
        String lacking = skipped.isEmpty() ? "" : "; " + String.join(", ", skipped) + " lacks it";
        switch (reason) {
            case CAPABILITY:
                return "capability: first in routing.default";
            case FALLBACK:
                return "fallback: routing.default " + list + lacking;
            case OVERRIDE:
                return "override: routing.algorithms." + algorithm + " " + list + lacking;
            default:
                return "refused: no backend of " + list + " supports it";
        }
    }
}
