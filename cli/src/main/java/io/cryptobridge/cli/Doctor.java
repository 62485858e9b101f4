package io.cryptobridge.cli;

import io.cryptobridge.CryptoHost;
import io.cryptobridge.config.BackendDefinition;
import io.cryptobridge.config.CryptoConfig;
import io.cryptobridge.config.GuestProfile;
import io.cryptobridge.routing.AlgorithmCatalog;
import io.cryptobridge.routing.Capabilities;
import io.cryptobridge.routing.Route;
import io.cryptobridge.spi.Backend;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * {@code cryptobridge doctor}: checks a configuration the way a host would use it — loads it, opens
 * every backend — and prints the route table (which backend serves each algorithm, and why), what
 * each backend lacks, and the guest profiles. A configuration mistake or a backend that cannot be
 * opened ends it with the usual one-line error; an algorithm a guest profile allows but no backend
 * of its route serves is reported as a problem.
 */
final class Doctor {
    static final String USAGE = "usage: cryptobridge doctor [--config FILE]";

    private Doctor() {}

    /** The configuration file named by the arguments after {@code doctor}, if any. */
    static Optional<Path> parse(List<String> args) {
        Optional<Path> config = Optional.empty();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.startsWith("--config=")) {
                config = Optional.of(Path.of(arg.substring("--config=".length())));
            } else if (arg.equals("--config")) {
                if (i + 1 >= args.size()) {
                    throw new UsageException("--config needs a value", USAGE);
                }
                config = Optional.of(Path.of(args.get(++i)));
            } else {
                throw new UsageException("unknown argument " + arg, USAGE);
            }
        }
        return config;
    }

    /**
     * Writes the report and returns the exit status: 0 when the configuration is usable, 1 when a
     * guest profile allows an algorithm that is refused.
     *
     * @throws io.cryptobridge.config.ConfigException for a mistake in the file or a backend that
     *     cannot be opened
     */
    static int run(
            Optional<Path> configFile, UnaryOperator<String> environment, StringBuilder out) {
        Optional<CryptoConfig> config = configFile.map(CryptoConfig::load);
        try (CryptoHost host =
                config.map(CryptoHost::fromConfig)
                        .orElseGet(() -> DefaultHost.create(environment))) {
            return report(host, config, out);
        }
    }

    /** The report on a host built from {@code config} (empty: the built-in default). */
    static int report(CryptoHost host, Optional<CryptoConfig> config, StringBuilder out) {
        out.append("configuration: ")
                .append(
                        config.map(c -> c.source().toString())
                                .orElse(
                                        "none (built-in default: the software backend, managed keys in $"
                                                + DefaultHost.KEYSTORE_VARIABLE
                                                + " or ~/.cryptobridge/keystore)"))
                .append('\n');
        backends(host, config, out);
        out.append('\n').append(host.router().describe()).append('\n');
        lacks(host, out);
        out.append("secrets manager: ")
                .append(
                        host.secretsBackend()
                                .map(
                                        backend ->
                                                backend.name()
                                                        + " (managed keys, external secrets)")
                                .orElse(
                                        "none (managed-key and external-secret functions answer"
                                                + " unsupported_feature)"))
                .append('\n');
        List<String> problems = guests(host, config, out);
        problems.forEach(problem -> out.append("problem: ").append(problem).append('\n'));
        out.append(
                problems.isEmpty()
                        ? "ok\n"
                        : problems.size() + (problems.size() == 1 ? " problem\n" : " problems\n"));
        return problems.isEmpty() ? 0 : 1;
    }

    private static void backends(
            CryptoHost host, Optional<CryptoConfig> config, StringBuilder out) {
        out.append("backends:\n");
        for (Backend backend : host.backends()) {
            String type =
                    config.map(c -> c.backend(backend.name()))
                            .map(BackendDefinition::type)
                            .orElse("software");
            out.append("  ")
                    .append(backend.name())
                    .append(" (type ")
                    .append(type)
                    .append("): opened\n");
        }
    }

    private static void lacks(CryptoHost host, StringBuilder out) {
        out.append("lacking:\n");
        for (Backend backend : host.backends()) {
            List<String> missing = new ArrayList<>();
            for (String algorithm : AlgorithmCatalog.names()) {
                if (!Capabilities.supports(backend, algorithm)) {
                    missing.add(algorithm);
                }
            }
            out.append("  ")
                    .append(backend.name())
                    .append(": ")
                    .append(missing.isEmpty() ? "nothing" : String.join(", ", missing))
                    .append('\n');
        }
    }

    /** Prints the profiles; returns the allowed algorithms nobody serves, as problems. */
    private static List<String> guests(
            CryptoHost host, Optional<CryptoConfig> config, StringBuilder out) {
        List<String> problems = new ArrayList<>();
        if (config.isEmpty() || config.get().guests().isEmpty()) {
            out.append("guests: none (guests run without a profile: every algorithm allowed)\n");
            return problems;
        }
        out.append("guests:\n");
        for (GuestProfile guest : config.get().guests().values()) {
            out.append("  ").append(guest.name()).append(": ");
            out.append("namespace ")
                    .append(guest.namespace() != null ? guest.namespace() : guest.name())
                    .append("; ");
            if (guest.allow() == null) {
                out.append("every algorithm allowed");
            } else {
                List<String> allowed =
                        AlgorithmCatalog.names().stream().filter(guest.allow()::contains).toList();
                out.append("allows ").append(String.join(", ", allowed));
                for (String algorithm : allowed) {
                    Route route = host.router().route(algorithm);
                    if (route.backend() == null) {
                        problems.add(
                                "guests."
                                        + guest.name()
                                        + ".allow: "
                                        + algorithm
                                        + " is "
                                        + route.explanation());
                    }
                }
            }
            out.append("; max-handles ")
                    .append(guest.limits().maxHandles())
                    .append(", max-buffered-bytes ")
                    .append(guest.limits().maxBufferedBytes())
                    .append('\n');
        }
        return problems;
    }
}
