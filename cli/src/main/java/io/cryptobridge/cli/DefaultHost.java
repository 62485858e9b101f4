package io.cryptobridge.cli;

import io.cryptobridge.CryptoHost;
import io.cryptobridge.spi.Backend;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The host the CLI runs without {@code --config}: the software backend for everything, with managed
 * keys in a keystore directory, so that a guest's managed keys survive between runs on a fresh
 * machine. The directory is {@code $CRYPTOBRIDGE_KEYSTORE}, else {@code ~/.cryptobridge/keystore};
 * it is created only when a guest first stores something, with a random keystore key file readable
 * by its owner only.
 */
final class DefaultHost {
    /** The environment variable that moves the default keystore. */
    static final String KEYSTORE_VARIABLE = "CRYPTOBRIDGE_KEYSTORE";

    private DefaultHost() {}

    static CryptoHost create(UnaryOperator<String> environment) {
        Path keystore = keystore(environment);
        Backend software;
        try {
            software =
                    CryptoHost.createBackend("software", "software", Map.of("keystore", keystore));
        } catch (RuntimeException e) {
            throw new HostException(
                    "cannot open the default keystore "
                            + keystore
                            + " ("
                            + e.getMessage()
                            + "); set "
                            + KEYSTORE_VARIABLE
                            + " or use --config");
        }
        return CryptoHost.builder().backend(software).build();
    }

    static Path keystore(UnaryOperator<String> environment) {
        String configured = environment.apply(KEYSTORE_VARIABLE);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath();
        }
        return Path.of(System.getProperty("user.home"), ".cryptobridge", "keystore");
    }
}
