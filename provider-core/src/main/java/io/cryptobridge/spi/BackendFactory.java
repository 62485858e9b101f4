package io.cryptobridge.spi;

import java.util.List;
import java.util.Map;

/**
 * Creates backends of one {@code type} (as in {@code backends.NAME.type} of the configuration).
 * Implementations are found with {@link java.util.ServiceLoader}.
 */
public interface BackendFactory {

    /** The configuration type this factory builds, e.g. {@code software} or {@code pkcs11}. */
    String type();

    /**
     * The type-specific settings this factory accepts. The configuration loader rejects any other
     * key under the backend, and checks each value's type, before {@link #create} runs.
     */
    default List<BackendSetting> settings() {
        return List.of();
    }

    /**
     * Builds a backend.
     *
     * @param name the backend's name in the configuration
     * @param settings the backend's settings from the configuration (may be empty); values have the
     *     Java types that {@link BackendSetting.Type} names
     */
    Backend create(String name, Map<String, Object> settings);
}
