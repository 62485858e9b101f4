package io.cryptobridge.config;

import io.cryptobridge.SessionLimits;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A checked configuration: the backends to create, their preference order, per-algorithm routes,
 * the per-guest limits and the guest profiles. {@link #load(Path)} reads it from a YAML file;
 * {@code docs/configuration.md} describes every key.
 *
 * @param source the file it was read from
 * @param backends the defined backends, in file order
 * @param preference backend names in routing preference order ({@code routing.default})
 * @param routes per-algorithm preference lists ({@code routing.algorithms}), keyed by the spec
 *     spelling of the algorithm, in file order
 * @param limits per-guest limits ({@code limits}), for guests without a profile
 * @param guests the guest profiles ({@code guests}), by name, in file order
 * @param secretsManagerName the backend that keeps managed keys ({@code secrets-manager}), or null
 *     to let the host take the first backend that has a secret store
 */
public record CryptoConfig(
        Path source,
        List<BackendDefinition> backends,
        List<String> preference,
        Map<String, List<String>> routes,
        SessionLimits limits,
        Map<String, GuestProfile> guests,
        String secretsManagerName) {

    public CryptoConfig {
        Objects.requireNonNull(source, "source");
        backends = List.copyOf(backends);
        preference = List.copyOf(preference);
        routes = Collections.unmodifiableMap(new LinkedHashMap<>(routes));
        Objects.requireNonNull(limits, "limits");
        guests = Collections.unmodifiableMap(new LinkedHashMap<>(guests));
    }

    /** A configuration without a {@code secrets-manager} key. */
    public CryptoConfig(
            Path source,
            List<BackendDefinition> backends,
            List<String> preference,
            Map<String, List<String>> routes,
            SessionLimits limits,
            Map<String, GuestProfile> guests) {
        this(source, backends, preference, routes, limits, guests, null);
    }

    /** A configuration without per-algorithm routes and guest profiles. */
    public CryptoConfig(
            Path source,
            List<BackendDefinition> backends,
            List<String> preference,
            SessionLimits limits) {
        this(source, backends, preference, Map.of(), limits, Map.of());
    }

    /** The backend named by {@code secrets-manager}, if the file names one. */
    public Optional<String> secretsManager() {
        return Optional.ofNullable(secretsManagerName);
    }

    /**
     * Reads and checks a configuration file.
     *
     * @throws ConfigException naming the file, line and key of the first mistake
     */
    public static CryptoConfig load(Path file) {
        return new ConfigLoader(file).load();
    }

    /** The definition of a backend by name. */
    public BackendDefinition backend(String name) {
        for (BackendDefinition backend : backends) {
            if (backend.name().equals(name)) {
                return backend;
            }
        }
        throw new IllegalArgumentException("no backend named " + name);
    }
}
