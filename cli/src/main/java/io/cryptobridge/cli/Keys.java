package io.cryptobridge.cli;

import io.cryptobridge.CryptoHost;
import io.cryptobridge.secrets.ManagedKeys;
import io.cryptobridge.secrets.VersionSelector;
import io.cryptobridge.spi.ManagedEntry;
import io.cryptobridge.spi.ManagedKind;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * {@code cryptobridge keys}: the operators' view of the managed keys and external secrets in the
 * configured secrets manager. It lists entries (id, version, kind, algorithm, namespace, created,
 * expiration) and invalidates them; it never reads or prints key material.
 */
final class Keys {
    static final String USAGE =
            "usage: cryptobridge keys list|show ID|invalidate ID [--version N|latest|all]"
                    + " [--config FILE] [--namespace NS]";

    private static final String[] HEADER = {
        "id", "version", "kind", "algorithm", "namespace", "created", "expires"
    };

    private Keys() {}

    /**
     * The parsed arguments after {@code keys}.
     *
     * @param action list, show or invalidate
     * @param id the id for show and invalidate
     * @param version the versions invalidate removes (default: all)
     * @param config the configuration file, if given
     * @param namespace only this namespace; empty: every namespace
     */
    record Options(
            String action,
            Optional<String> id,
            VersionSelector version,
            Optional<Path> config,
            Optional<String> namespace) {}

    static Options parse(List<String> args) {
        if (args.isEmpty()) {
            throw new UsageException("keys needs list, show or invalidate", USAGE);
        }
        String action = args.get(0);
        if (!List.of("list", "show", "invalidate").contains(action)) {
            throw new UsageException("unknown keys action '" + action + "'", USAGE);
        }
        List<String> positional = new ArrayList<>();
        Optional<Path> config = Optional.empty();
        Optional<String> namespace = Optional.empty();
        Optional<VersionSelector> version = Optional.empty();
        for (int i = 1; i < args.size(); i++) {
            String arg = args.get(i);
            String option = arg.startsWith("--") && arg.contains("=") ? arg.split("=", 2)[0] : arg;
            switch (option) {
                case "--config", "--namespace", "--version" -> {
                    String value;
                    if (!option.equals(arg)) {
                        value = arg.substring(option.length() + 1);
                    } else if (i + 1 < args.size()) {
                        value = args.get(++i);
                    } else {
                        throw new UsageException(option + " needs a value", USAGE);
                    }
                    switch (option) {
                        case "--config" -> config = Optional.of(Path.of(value));
                        case "--namespace" -> namespace = Optional.of(namespace(value));
                        default -> version = Optional.of(version(value));
                    }
                }
                default -> {
                    if (arg.startsWith("-")) {
                        throw new UsageException("unknown option " + arg, USAGE);
                    }
                    positional.add(arg);
                }
            }
        }
        boolean needsId = !action.equals("list");
        if (positional.size() != (needsId ? 1 : 0)) {
            throw new UsageException(
                    needsId ? "keys " + action + " needs exactly one ID" : "keys list takes no ID",
                    USAGE);
        }
        if (version.isPresent() && !action.equals("invalidate")) {
            throw new UsageException("--version belongs to keys invalidate", USAGE);
        }
        Optional<String> id = needsId ? Optional.of(id(positional.get(0))) : Optional.empty();
        return new Options(
                action, id, version.orElse(VersionSelector.ALL_VERSIONS), config, namespace);
    }

    private static String id(String text) {
        if (!ManagedEntry.isId(text)) {
            throw new UsageException(
                    "'" + text + "' is no managed id (32 lowercase hex characters)", USAGE);
        }
        return text;
    }

    private static String namespace(String text) {
        if (!ManagedEntry.NAMESPACE_PATTERN.matcher(text).matches()) {
            throw new UsageException(
                    "'" + text + "' is no namespace (1-64 letters, digits, '.', '_', '-')", USAGE);
        }
        return text;
    }

    private static VersionSelector version(String text) {
        try {
            return VersionSelector.parse(text);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--version: " + e.getMessage(), USAGE);
        }
    }

    /**
     * Runs the action on the host the configuration describes (without one: the CLI's default host
     * and its keystore, as {@code run} uses) and writes the report.
     *
     * @throws HostException when the host has no secrets manager, or nothing matches the id
     */
    static int run(Options options, UnaryOperator<String> environment, StringBuilder out) {
        try (CryptoHost host =
                options.config()
                        .map(CryptoHost::fromConfig)
                        .orElseGet(() -> DefaultHost.create(environment))) {
            ManagedKeys keys = host.managedKeys().orElseThrow(() -> noSecretsManager(options));
            return run(keys, options, out);
        }
    }

    static int run(ManagedKeys keys, Options options, StringBuilder out) {
        switch (options.action()) {
            case "list" -> {
                List<ManagedEntry> entries = keys.list(options.namespace());
                if (entries.isEmpty()) {
                    out.append("no managed keys or external secrets")
                            .append(options.namespace().map(ns -> " in namespace " + ns).orElse(""))
                            .append(" (secrets manager: ")
                            .append(keys.backendName())
                            .append(")\n");
                } else {
                    table(entries, out);
                }
            }
            case "show" -> {
                String id = options.id().orElseThrow();
                List<ManagedEntry> versions = keys.versions(options.namespace(), id);
                if (versions.isEmpty()) {
                    throw unknownId(id, options.namespace());
                }
                table(versions, out);
            }
            default -> {
                String id = options.id().orElseThrow();
                if (keys.versions(options.namespace(), id).isEmpty()) {
                    throw unknownId(id, options.namespace());
                }
                List<ManagedEntry> done =
                        keys.invalidate(options.namespace(), id, options.version());
                if (done.isEmpty()) {
                    throw new HostException(
                            "keys: id "
                                    + id
                                    + " has no live version "
                                    + options.version()
                                    + " (see cryptobridge keys show "
                                    + id
                                    + ")");
                }
                for (ManagedEntry entry : done) {
                    out.append("invalidated ")
                            .append(entry.id())
                            .append(" version ")
                            .append(Long.toUnsignedString(entry.version()))
                            .append(" (")
                            .append(entry.kind().label())
                            .append(", ")
                            .append(entry.algorithm())
                            .append(", namespace ")
                            .append(entry.namespace())
                            .append(")\n");
                }
            }
        }
        return 0;
    }

    private static HostException noSecretsManager(Options options) {
        return new HostException(
                "keys: "
                        + options.config()
                                .map(file -> file + " configures no secrets manager")
                                .orElse("the default host has no secrets manager")
                        + "; set 'secrets-manager: BACKEND' to a backend with a keystore or"
                        + " token (docs/secrets-manager.md)");
    }

    private static HostException unknownId(String id, Optional<String> namespace) {
        return new HostException(
                "keys: no live key or secret with id "
                        + id
                        + namespace.map(ns -> " in namespace " + ns).orElse(""));
    }

    /** A left-aligned table, one entry per line, columns two spaces apart. */
    private static void table(List<ManagedEntry> entries, StringBuilder out) {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        for (ManagedEntry entry : entries) {
            rows.add(
                    new String[] {
                        entry.id(),
                        Long.toUnsignedString(entry.version()),
                        entry.kind().label(),
                        entry.algorithm(),
                        entry.namespace(),
                        entry.created().toString(),
                        expiration(entry)
                    });
        }
        int[] widths = new int[HEADER.length];
        for (String[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < row.length; c++) {
                line.append(row[c]);
                if (c < row.length - 1) {
                    line.append(" ".repeat(widths[c] - row[c].length() + 2));
                }
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
    }

    private static String expiration(ManagedEntry entry) {
        if (entry.kind() != ManagedKind.EXTERNAL_SECRET) {
            return "-";
        }
        try {
            return Instant.ofEpochSecond(entry.expiration()).toString();
        } catch (DateTimeException e) {
            // a guest may choose any u64; beyond the calendar, show the number
            return Long.toUnsignedString(entry.expiration());
        }
    }
}
