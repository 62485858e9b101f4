package io.cryptobridge.routing;

import io.cryptobridge.AlgorithmType;
import io.cryptobridge.kx.KxAlgorithm;
import io.cryptobridge.signatures.SignatureAlgorithm;
import io.cryptobridge.symmetric.SymmetricAlgorithm;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Every algorithm name cryptobridge knows, across the three families, in the spelling of the spec.
 * Configuration keys ({@code routing.algorithms}, {@code guests.*.allow}) and the route table use
 * these names; lookups are case-insensitive, as in the ABI. The families' names never collide.
 */
public final class AlgorithmCatalog {
    private static final Map<String, String> BY_UPPER_CASE = new LinkedHashMap<>();
    private static final Map<String, AlgorithmType> FAMILY = new LinkedHashMap<>();

    static {
        for (SymmetricAlgorithm a : SymmetricAlgorithm.values()) {
            add(a.specName(), AlgorithmType.SYMMETRIC);
        }
        for (SignatureAlgorithm a : SignatureAlgorithm.values()) {
            add(a.specName(), AlgorithmType.SIGNATURES);
        }
        for (KxAlgorithm a : KxAlgorithm.values()) {
            add(a.specName(), AlgorithmType.KEY_EXCHANGE);
        }
    }

    private AlgorithmCatalog() {}

    private static void add(String specName, AlgorithmType family) {
        if (BY_UPPER_CASE.put(specName.toUpperCase(Locale.ROOT), specName) != null) {
            throw new IllegalStateException("two families name an algorithm " + specName);
        }
        FAMILY.put(specName, family);
    }

    /** Every spec name: symmetric first, then signatures, then key exchange. */
    public static List<String> names() {
        return Collections.unmodifiableList(new ArrayList<>(FAMILY.keySet()));
    }

    /** The spec spelling of {@code name} (matched case-insensitively), if it is an algorithm. */
    public static Optional<String> canonical(String name) {
        return Optional.ofNullable(BY_UPPER_CASE.get(name.toUpperCase(Locale.ROOT)));
    }

    /** The family of a spec name from {@link #names()}. */
    public static AlgorithmType family(String specName) {
        AlgorithmType family = FAMILY.get(specName);
        if (family == null) {
            throw new IllegalArgumentException("not an algorithm: " + specName);
        }
        return family;
    }
}
