package io.cryptobridge.spi;

import java.util.Map;

/**
 * Creates backends of one {@code type} (as in {@code backends.NAME.type} of the configuration).
 * Implementations are found with {@link java.util.ServiceLoader}.
 */
public interface BackendFactory {

    /** The configuration type this factory builds, e.g. {@code software} or {@code pkcs11}. */
    String type();

    /**
     * Builds a backend.
     *
     * @param name the backend's name in the configuration
     * @param settings the backend's settings from the configuration (may be empty)
     */
    Backend create(String name, Map<String, Object> settings);
}
