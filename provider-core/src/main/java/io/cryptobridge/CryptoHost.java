package io.cryptobridge;

import io.cryptobridge.config.BackendDefinition;
import io.cryptobridge.config.ConfigException;
import io.cryptobridge.config.CryptoConfig;
import io.cryptobridge.config.GuestProfile;
import io.cryptobridge.routing.AlgorithmCatalog;
import io.cryptobridge.routing.Router;
import io.cryptobridge.secrets.ManagedKeys;
import io.cryptobridge.spi.Backend;
import io.cryptobridge.spi.BackendFactories;
import io.cryptobridge.spi.BackendFactory;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

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
    private static final System.Logger LOG = System.getLogger(CryptoHost.class.getName());

    private final List<Backend> backends;
    private final Router router;
    private final SecureRandom random;
    private final SessionLimits limits;
    private final Map<String, GuestProfile> guests;
    private final Backend secretsBackend;
    private final Clock clock;

    private CryptoHost(Builder builder) {
        List<Backend> all = new ArrayList<>(builder.backends);
        builder.routes.values().stream()
                .flatMap(List::stream)
                .filter(backend -> !all.contains(backend))
                .forEach(all::add);
        if (builder.secretsManager != null && !all.contains(builder.secretsManager)) {
            all.add(builder.secretsManager);
        }
        this.backends = List.copyOf(all);
        this.router = new Router(builder.backends, builder.routes);
        this.random = builder.random;
        this.limits = builder.limits;
        this.guests = Map.copyOf(builder.guests);
        this.clock = builder.clock;
        this.secretsBackend = chooseSecretsBackend(builder.secretsManager, backends);
        // Once per host, on the host's log (stderr by default), never on a guest's stdout.
        LOG.log(
                System.Logger.Level.INFO,
                "cryptobridge routes:\n{0}",
                router.describe().stripTrailing());
        LOG.log(
                System.Logger.Level.INFO,
                "cryptobridge secrets manager: {0}",
                secretsBackend == null ? "none" : secretsBackend.name());
    }

    /**
     * The backend named as the secrets manager, else the first backend that keeps managed keys,
     * else none.
     */
    private static Backend chooseSecretsBackend(Backend named, List<Backend> backends) {
        if (named != null) {
            if (named.secretStore().isEmpty()) {
                throw new IllegalStateException(
                        "backend '"
                                + named.name()
                                + "' keeps no managed keys (a software backend needs a keystore"
                                + " directory)");
            }
            return named;
        }
        return backends.stream()
                .filter(backend -> backend.secretStore().isPresent())
                .findFirst()
                .orElse(null);
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
        Map<String, Backend> created = new LinkedHashMap<>();
        for (String name : creationOrder(config)) {
            BackendDefinition definition = config.backend(name);
            try {
                created.put(name, createBackend(definition.type(), name, definition.settings()));
            } catch (RuntimeException e) {
                created.values().forEach(Backend::close);
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
        config.preference().forEach(name -> builder.backend(created.get(name)));
        config.routes()
                .forEach(
                        (algorithm, names) ->
                                builder.route(
                                        algorithm, names.stream().map(created::get).toList()));
        config.guests().values().forEach(builder::guest);
        config.secretsManager().ifPresent(name -> builder.secretsManager(created.get(name)));
        try {
            return builder.build();
        } catch (RuntimeException e) {
            // Building asks every backend for its capabilities; a backend that fails there must
            // not stay open.
            created.values().forEach(Backend::close);
            throw new ConfigException(config.source(), 0, "backends", e.getMessage());
        }
    }

    /**
     * The default list first, then backends that only per-algorithm routes name, then the secrets
     * manager's backend if nothing else names it.
     */
    private static Set<String> creationOrder(CryptoConfig config) {
        Set<String> names = new LinkedHashSet<>(config.preference());
        config.routes().values().forEach(names::addAll);
        config.secretsManager().ifPresent(names::add);
        return names;
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

    /** A new guest session: every algorithm allowed, the host's default limits. */
    public GuestSession newSession() {
        return new GuestSession(this, limits, GuestPolicy.UNRESTRICTED);
    }

    /** A new guest session with its own limits and every algorithm allowed. */
    public GuestSession newSession(SessionLimits sessionLimits) {
        return new GuestSession(this, sessionLimits, GuestPolicy.UNRESTRICTED);
    }

    /**
     * A new guest session under a profile from {@code guests}: its allowed algorithms, namespace
     * and limits.
     *
     * @throws IllegalArgumentException if the host has no such profile (the message lists those it
     *     has)
     */
    public GuestSession newSession(String profile) {
        GuestProfile guest = guests.get(profile);
        if (guest == null) {
            throw new IllegalArgumentException(
                    "unknown guest profile '"
                            + profile
                            + "' ("
                            + (guests.isEmpty()
                                    ? "the configuration defines no guests"
                                    : "defined: "
                                            + String.join(", ", new TreeSet<>(guests.keySet())))
                            + ")");
        }
        GuestPolicy policy = new GuestPolicy(guest.name(), guest.namespace(), guest.allow());
        return new GuestSession(this, guest.limits(), policy);
    }

    /** The names of the guest profiles, sorted. */
    public Set<String> profiles() {
        return new TreeSet<>(guests.keySet());
    }

    /**
     * Every backend of this host: the default list first, then those only routes name, then the
     * secrets manager's if nothing else names it.
     */
    public List<Backend> backends() {
        return backends;
    }

    public Router router() {
        return router;
    }

    /** The backend whose secret store keeps managed keys and external secrets, if any. */
    public Optional<Backend> secretsBackend() {
        return Optional.ofNullable(secretsBackend);
    }

    /** The operators' view of the managed keys, if this host has a secrets manager. */
    public Optional<ManagedKeys> managedKeys() {
        return secretsBackend()
                .map(
                        backend ->
                                new ManagedKeys(
                                        backend.name(), backend.secretStore().orElseThrow()));
    }

    SecureRandom random() {
        return random;
    }

    Clock clock() {
        return clock;
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
        private final Map<String, List<Backend>> routes = new LinkedHashMap<>();
        private final Map<String, GuestProfile> guests = new LinkedHashMap<>();
        private SecureRandom random = new SecureRandom();
        private SessionLimits limits = SessionLimits.DEFAULT;
        private Backend secretsManager;
        private Clock clock = Clock.systemUTC();

        private Builder() {}

        /**
         * Keeps managed keys and external secrets in {@code backend}'s secret store. Without this,
         * the first backend (in preference order) that has a store keeps them, if any.
         */
        public Builder secretsManager(Backend backend) {
            this.secretsManager = backend;
            return this;
        }

        /** The clock that decides when external secrets expire (tests set a fixed one). */
        public Builder clock(Clock hostClock) {
            this.clock = hostClock;
            return this;
        }

        /** Adds a backend; earlier backends are preferred for generation and keyless work. */
        public Builder backend(Backend backend) {
            backends.add(backend);
            return this;
        }

        /**
         * Gives one algorithm its own preference list instead of the default one.
         *
         * @param algorithm an algorithm name (any case)
         * @throws IllegalArgumentException for a name that is no algorithm
         */
        public Builder route(String algorithm, List<Backend> preference) {
            String specName =
                    AlgorithmCatalog.canonical(algorithm)
                            .orElseThrow(
                                    () ->
                                            new IllegalArgumentException(
                                                    "unknown algorithm " + algorithm));
            if (preference.isEmpty()) {
                throw new IllegalArgumentException("an empty route for " + specName);
            }
            routes.put(specName, List.copyOf(preference));
            return this;
        }

        /** Adds a guest profile, selected with {@link CryptoHost#newSession(String)}. */
        public Builder guest(GuestProfile profile) {
            guests.put(profile.name(), profile);
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
