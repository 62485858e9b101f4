package io.cryptobridge.config;

import java.util.Map;
import java.util.Objects;

/**
 * One entry of {@code backends}: a name, a type and the type-specific settings, already checked
 * against what the type's factory accepts.
 *
 * @param name the key under {@code backends}
 * @param type the backend type, e.g. {@code software}
 * @param settings typed values (see {@link io.cryptobridge.spi.BackendSetting.Type}); secrets are
 *     {@link SecretRef}s, never values
 * @param line the line of the definition in the configuration file (0 if not from a file)
 */
public record BackendDefinition(String name, String type, Map<String, Object> settings, int line) {
    public BackendDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        settings = Map.copyOf(settings);
    }
}
