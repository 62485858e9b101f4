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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one place that decides where generation, import and keyless operations run: for each
 * algorithm, the first backend of its list that is capable of it — the algorithm's own list from
 * {@code routing.algorithms} if it has one, {@code routing.default} otherwise. Capabilities are
 * asked once, when the router is built, so the route table never changes while a host runs.
 *
 * <p>Operations on a key never come here: they go to the backend that holds the key (the key
 * carries it). Nothing is ever re-run elsewhere after a failure; fallback is on capability only.
 */
public final class Router {
    private final List<Backend> preference;
    private final Map<String, Route> routes = new LinkedHashMap<>();

    /** A router with one preference list for every algorithm. */
    public Router(List<Backend> preference) {
        this(preference, Map.of());
    }

    /**
     * @param preference the default list, most preferred first
     * @param overrides per-algorithm lists, keyed by spec name ({@link AlgorithmCatalog})
     */
    public Router(List<Backend> preference, Map<String, List<Backend>> overrides) {
        if (preference.isEmpty()) {
            throw new IllegalArgumentException("a router needs at least one backend");
        }
        this.preference = List.copyOf(preference);
        for (String algorithm : overrides.keySet()) {
            AlgorithmCatalog.family(algorithm); // rejects names that are not spec names
        }
        for (String algorithm : AlgorithmCatalog.names()) {
            List<Backend> override = overrides.get(algorithm);
            routes.put(
                    algorithm,
                    override == null
                            ? route(algorithm, this.preference, false)
                            : route(algorithm, override, true));
        }
    }

    private static Route route(String algorithm, List<Backend> candidates, boolean override) {
        List<String> names = candidates.stream().map(Backend::name).toList();
        List<String> skipped = new ArrayList<>();
        for (Backend backend : candidates) {
            if (Capabilities.supports(backend, algorithm)) {
                Route.Reason reason =
                        override
                                ? Route.Reason.OVERRIDE
                                : skipped.isEmpty()
                                        ? Route.Reason.CAPABILITY
                                        : Route.Reason.FALLBACK;
                return new Route(algorithm, backend, reason, names, skipped);
            }
            skipped.add(backend.name());
        }
        return new Route(algorithm, null, Route.Reason.REFUSED, names, skipped);
    }

    /** The default preference list ({@code routing.default}). */
    public List<Backend> backends() {
        return preference;
    }

    /** The route of every known algorithm, in {@link AlgorithmCatalog#names()} order. */
    public List<Route> routes() {
        return List.copyOf(routes.values());
    }

    /** The route of one algorithm by spec name. */
    public Route route(String specName) {
        Route route = routes.get(specName);
        if (route == null) {
            throw new IllegalArgumentException("not an algorithm: " + specName);
        }
        return route;
    }

    private Backend backendFor(String specName) {
        Route route = route(specName);
        if (route.backend() == null) {
            throw new CryptoException(
                    CryptoErrno.UNSUPPORTED_ALGORITHM,
                    "no configured backend serves "
                            + specName
                            + " (candidates: "
                            + String.join(", ", route.candidates())
                            + ")");
        }
        return route.backend();
    }

    /** The backend that serves a symmetric algorithm; unsupported_algorithm if none can. */
    public SymmetricPrimitives symmetric(SymmetricAlgorithm algorithm) {
        return backendFor(algorithm.specName()).symmetric().orElseThrow();
    }

    /** The backend that serves a signature algorithm; unsupported_algorithm if none can. */
    public SignaturePrimitives signatures(SignatureAlgorithm algorithm) {
        return backendFor(algorithm.specName()).signatures().orElseThrow();
    }

    /** The backend that serves a key-exchange algorithm; unsupported_algorithm if none can. */
    public KeyExchangePrimitives keyExchange(KxAlgorithm algorithm) {
        return backendFor(algorithm.specName()).keyExchange().orElseThrow();
    }

    /** The backend for keys of an asymmetric algorithm of either family. */
    public AsymmetricKeyPrimitives asymmetricKeys(AsymmetricAlgorithm algorithm) {
        if (algorithm.type() == AlgorithmType.SIGNATURES) {
            return signatures((SignatureAlgorithm) algorithm);
        }
        return keyExchange((KxAlgorithm) algorithm);
    }

    /** The route table, one line per algorithm, for the start-up log and {@code doctor}. */
    public String describe() {
        int width = AlgorithmCatalog.names().stream().mapToInt(String::length).max().orElse(0);
        int backendWidth = "backend".length();
        for (Route route : routes.values()) {
            backendWidth = Math.max(backendWidth, nameOf(route).length());
        }
        String format = "%-" + width + "s  %-" + backendWidth + "s  %s\n";
        StringBuilder table = new StringBuilder();
        table.append(String.format(format, "algorithm", "backend", "why"));
        for (Route route : routes.values()) {
            table.append(
                    String.format(format, route.algorithm(), nameOf(route), route.explanation()));
        }
        return table.toString();
    }

    private static String nameOf(Route route) {
        return route.backend() == null ? "-" : route.backend().name();
    }
}
