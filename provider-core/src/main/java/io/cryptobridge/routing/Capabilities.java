package io.cryptobridge.routing;

import io.cryptobridge.kx.KxAlgorithm;
import io.cryptobridge.signatures.SignatureAlgorithm;
import io.cryptobridge.spi.Backend;
import io.cryptobridge.symmetric.SymmetricAlgorithm;

/** Asks a backend whether it can serve an algorithm, through the primitives of its family. */
public final class Capabilities {
    private Capabilities() {}

    /** Whether {@code backend} serves {@code specName} (a name from {@link AlgorithmCatalog}). */
    public static boolean supports(Backend backend, String specName) {
        try {
            return ask(backend, specName);
        } catch (RuntimeException e) {
            throw new IllegalStateException(
                    "backend "
                            + backend.name()
                            + " cannot tell whether it supports "
                            + specName
                            + ": "
                            + (e.getMessage() != null
                                    ? e.getMessage()
                                    : e.getClass().getSimpleName()),
                    e);
        }
    }

    private static boolean ask(Backend backend, String specName) {
        switch (AlgorithmCatalog.family(specName)) {
            case SYMMETRIC:
                SymmetricAlgorithm symmetric = SymmetricAlgorithm.parse(specName);
                return backend.symmetric().map(p -> p.supports(symmetric)).orElse(false);
            case SIGNATURES:
                SignatureAlgorithm signature = SignatureAlgorithm.parse(specName);
                return backend.signatures().map(p -> p.supports(signature)).orElse(false);
            default:
                KxAlgorithm kx = KxAlgorithm.parse(specName);
                return backend.keyExchange().map(p -> p.supports(kx)).orElse(false);
        }
    }
}
