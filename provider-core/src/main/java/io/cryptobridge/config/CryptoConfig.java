package io.cryptobridge.config;

import io.cryptobridge.SessionLimits;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A checked configuration: the backends to create, their preference order and the per-guest limits.
 * {@link #load(Path)} reads it from a YAML file; {@code docs/configuration.md} describes every key.
 *
 * @param source the file it was read from
 * @param backends the defined backends, in file order
 * @param preference backend names in routing preference order ({@code routing.default})
 * @param limits per-guest limits ({@code limits})
 */
public record CryptoConfig(
        Path source,
        List<BackendDefinition> backends,
        List<String> preference,
        SessionLimits limits) {

    public CryptoConfig {
        Objects.requireNonNull(source, "source");
        backends = List.copyOf(backends);
        preference = List.copyOf(preference);
        Objects.requireNonNull(limits, "limits");
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
