package io.cryptobridge.spi;

import java.util.Objects;

/**
 * One type-specific setting a {@link BackendFactory} accepts under {@code backends.NAME} in the
 * configuration. The configuration loader checks presence and type (with the file and line of a
 * mistake) before the factory runs, so a factory receives only values of the declared type.
 *
 * @param name the key, e.g. {@code library}
 * @param type what the value must be, and the Java type the factory receives
 * @param required whether the key must be present
 */
public record BackendSetting(String name, Type type, boolean required) {

    /** The kinds of value a setting can hold. */
    public enum Type {
        /** A YAML string; the factory receives a {@link String}. */
        STRING,
        /** A YAML integer; the factory receives a {@link Long}. */
        INTEGER,
        /** {@code true} or {@code false}; the factory receives a {@link Boolean}. */
        BOOLEAN,
        /**
         * A file system path, relative to the configuration file's folder; the factory receives a
         * {@link java.nio.file.Path}.
         */
        PATH,
        /**
         * A secret given as {@code {env: VAR}} or {@code {file: PATH}}, never inline; the factory
         * receives an {@link io.cryptobridge.config.SecretRef} and resolves it when it needs it.
         */
        SECRET
    }

    public BackendSetting {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (name.equals("type")) {
            throw new IllegalArgumentException("'type' is reserved for the backend type");
        }
    }

    /** A setting that may be left out. */
    public static BackendSetting optional(String name, Type type) {
        return new BackendSetting(name, type, false);
    }

    /** A setting that must be present. */
    public static BackendSetting required(String name, Type type) {
        return new BackendSetting(name, type, true);
    }
}
