package io.cryptobridge.spi;

import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;

/** The {@link BackendFactory} services on the class path, looked up by configuration type. */
public final class BackendFactories {
    private BackendFactories() {}

    /** The factory for a type, if its jar is on the class path. */
    public static Optional<BackendFactory> find(String type) {
        for (BackendFactory factory : ServiceLoader.load(BackendFactory.class)) {
            if (factory.type().equals(type)) {
                return Optional.of(factory);
            }
        }
        return Optional.empty();
    }

    /** Every type that can be created, sorted; for error messages. */
    public static Set<String> types() {
        Set<String> types = new TreeSet<>();
        for (BackendFactory factory : ServiceLoader.load(BackendFactory.class)) {
            types.add(factory.type());
        }
        return types;
    }
}
