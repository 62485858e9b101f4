package io.cryptobridge;

import io.cryptobridge.config.BackendDefinition;
import io.cryptobridge.config.ConfigException;
import io.cryptobridge.config.CryptoConfig;
import io.cryptobridge.routing.Router;
import io.cryptobridge.spi.Backend;
import io.cryptobridge.spi.BackendFactories;
import io.cryptobridge.spi.BackendFactory;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A wasi-crypto host: the configured backends and the router between them. One host serves many
 * guests; each guest gets its own {@link GuestSession}.
 *
 * <pre>{@code
 * CryptoHost host = CryptoHost.withDefaults();            // software backend for everything
 * CryptoHost host = CryptoHost.fromConfig(Path.of("cryptobridge.yaml"));
 * CryptoHost host = CryptoHost.builder().backend(myHsm).backend(soft).build();
 * }</pre>
 */
public final class CryptoHost implements AutoCloseable {
    private final List<Backend> backends;
    private final Router router;
    private final SecureRandom random;
    private final SessionLimits limits;

    private CryptoHost(Builder builder) {
        this.backends = List.copyOf(builder.backends);
        this.router = new Router(backends);
        this.random = builder.random;
        this.limits = builder.limits;
    }

    /** The embedded default: the software backend (found on the class path) for everything. */
    public static CryptoHost withDefaults() {
        return builder().backend(createBackend("software", "software", Map.of())).build();
    }

    /**
     * A host as a configuration file describes it (see {@code docs/configuration.md}).
     *
     * @throws ConfigException naming the file, line and key of the first mistake, or the backend
     *     that could not be created
     */
    public static CryptoHost fromConfig(Path file) {
        return fromConfig(CryptoConfig.load(file));
    }

    /**
     * A host from an already loaded configuration: its backends are created in preference order. If
     * one cannot be created, those created before it are closed again.
     *
     * @throws ConfigException naming the backend that could not be created
     */
    public static CryptoHost fromConfig(CryptoConfig config) {
        Builder builder = builder().limits(config.limits());
        List<Backend> created = new ArrayList<>();
        for (String name : config.preference()) {
            BackendDefinition definition = config.backend(name);
            try {
                created.add(createBackend(definition.type(), name, definition.settings()));
            } catch (RuntimeException e) {
                created.forEach(Backend::close);
                throw new ConfigException(
                        config.source(),
                        definition.line(),
                        "backends." + name,
                        "cannot create the backend: "
                                + (e.getMessage() != null
                                        ? e.getMessage()
                                        : e.getClass().getSimpleName()));
            }
        }
        created.forEach(builder::backend);
        return builder.build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Creates a backend of a configuration type through the {@link BackendFactory} services on the
     * class path.
     */
    public static Backend createBackend(String type, String name, Map<String, Object> settings) {
        BackendFactory factory =
                BackendFactories.find(type)
                        .orElseThrow(
                                () ->
                                        new IllegalStateException(
                                                "no backend of type '"
                                                        + type
                                                        + "' on the class path (is its jar"
                                                        + " missing?)"));
        return factory.create(name, settings);
    }

    /** A new guest session with the host's default limits. */
    public GuestSession newSession() {
        return new GuestSession(this, limits);
    }

    /** A new guest session with its own limits. */
    public GuestSession newSession(SessionLimits sessionLimits) {
        return new GuestSession(this, sessionLimits);
    }

    public Router router() {
        return router;
    }

    SecureRandom random() {
        return random;
    }

    @Override
    public void close() {
        for (Backend backend : backends) {
            backend.close();
        }
    }

    /** Builds a host from backends in preference order. */
    public static final class Builder {
        private final List<Backend> backends = new ArrayList<>();
        private SecureRandom random = new SecureRandom();
        private SessionLimits limits = SessionLimits.DEFAULT;

        private Builder() {}

        /** Adds a backend; earlier backends are preferred for generation and keyless work. */
        public Builder backend(Backend backend) {
            backends.add(backend);
            return this;
        }

        public Builder random(SecureRandom secureRandom) {
            this.random = secureRandom;
            return this;
        }

        public Builder limits(SessionLimits sessionLimits) {
            this.limits = sessionLimits;
            return this;
        }

        public CryptoHost build() {
            if (backends.isEmpty()) {
                throw new IllegalStateException("a host needs at least one backend");
            }
            return new CryptoHost(this);
        }
    }
}
