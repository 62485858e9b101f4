package io.cryptobridge.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A mistake in a configuration file. The message is one line that names the file, the line (when
 * known) and the key, e.g. {@code cryptobridge.yaml:7: routing.default[1]: unknown backend 'hsm'
 * (defined: soft)}. Messages never contain secret values.
 */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final int line;
    private final String key;
    private final String problem;

    /**
     * @param file the configuration file
     * @param line the 1-based line, or 0 when the mistake has no position (an unreadable file)
     * @param key the dotted key path, e.g. {@code backends.soft.type}, or empty
     * @param problem what is wrong, starting in lower case
     */
    public ConfigException(Path file, int line, String key, String problem) {
        super(format(file, line, key, problem));
        this.file = Objects.requireNonNull(file, "file");
        this.line = line;
        this.key = Objects.requireNonNull(key, "key");
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    public Path file() {
        return file;
    }

    /** The 1-based line, or 0 when unknown. */
    public int line() {
        return line;
    }

    /** The dotted key path, or empty when the mistake is not about one key. */
    public String key() {
        return key;
    }

    /** The problem alone, without file, line and key. */
    public String problem() {
        return problem;
    }

    private static String format(Path file, int line, String key, String problem) {
        StringBuilder message = new StringBuilder().append(file);
        if (line > 0) {
            message.append(':').append(line);
        }
        message.append(": ");
        if (!key.isEmpty()) {
            message.append(key).append(": ");
        }
        return message.append(problem).toString();
    }
}
