package io.cryptobridge.config;

import java.io.IOException;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Where a secret (a PIN, a password) comes from: an environment variable ({@code {env: VAR}}) or a
 * file ({@code {file: PATH}}). The configuration never holds a secret inline, and this object never
 * holds the value: {@link #resolve()} reads it when the caller needs it, and {@link #toString()}
 * names only the source.
 *
 * <p>A secret file's content is used as is, except that one trailing line break is dropped (files
 * written with {@code echo} end in one).
 */
public final class SecretRef {
    private enum Source {
        ENV,
        FILE
    }

    private final Source source;
    private final String variable;
    private final Path file;
    private final UnaryOperator<String> environment;

    private SecretRef(
            Source source, String variable, Path file, UnaryOperator<String> environment) {
        this.source = source;
        this.variable = variable;
        this.file = file;
        this.environment = environment;
    }

    /** A secret read from an environment variable of this process. */
    public static SecretRef env(String variable) {
        return env(variable, System::getenv);
    }

    /** A secret read from an environment given as a lookup function (for tests and embedders). */
    public static SecretRef env(String variable, UnaryOperator<String> environment) {
        Objects.requireNonNull(variable, "variable");
        Objects.requireNonNull(environment, "environment");
        return new SecretRef(Source.ENV, variable, null, environment);
    }

    /** A secret read from a file. */
    public static SecretRef file(Path file) {
        return new SecretRef(Source.FILE, null, Objects.requireNonNull(file, "file"), null);
    }

    /** Where the secret comes from, e.g. {@code environment variable HSM_PIN}. */
    public String describe() {
        return source == Source.ENV ? "environment variable " + variable : "file " + file;
    }

    /**
     * Why the secret cannot be read right now, or empty if it can. Used to report a configuration
     * mistake early; never contains the secret.
     */
    public Optional<String> problem() {
        try {
            Arrays.fill(resolve(), '\0');
            return Optional.empty();
        } catch (SecretUnavailableException e) {
            return Optional.of(e.getMessage());
        }
    }

    /**
     * Reads the secret. The caller owns the array and should overwrite it when done.
     *
     * @throws SecretUnavailableException if the variable is unset or the file cannot be read
     */
    public char[] resolve() {
        if (source == Source.ENV) {
            String value = environment.apply(variable);
            if (value == null) {
                throw new SecretUnavailableException(
                        "environment variable " + variable + " is not set");
            }
            return value.toCharArray();
        }
        return readFile();
    }

    private char[] readFile() {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new SecretUnavailableException("secret file " + file + " does not exist");
        } catch (IOException e) {
            throw new SecretUnavailableException(
                    "cannot read secret file " + file + " (" + e.getClass().getSimpleName() + ")");
        }
        try {
            CharBuffer chars =
                    StandardCharsets.UTF_8
                            .newDecoder()
                            .onMalformedInput(CodingErrorAction.REPORT)
                            .decode(java.nio.ByteBuffer.wrap(bytes));
            char[] all = new char[chars.remaining()];
            chars.get(all);
            Arrays.fill(chars.array(), '\0');
            return withoutTrailingLineBreak(all);
        } catch (CharacterCodingException e) {
            throw new SecretUnavailableException("secret file " + file + " is not UTF-8 text");
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    private static char[] withoutTrailingLineBreak(char[] value) {
        int end = value.length;
        if (end > 0 && value[end - 1] == '\n') {
            end--;
            if (end > 0 && value[end - 1] == '\r') {
                end--;
            }
        }
        if (end == value.length) {
            return value;
        }
        char[] trimmed = Arrays.copyOf(value, end);
        Arrays.fill(value, '\0');
        return trimmed;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SecretRef that
                && source == that.source
                && Objects.equals(variable, that.variable)
                && Objects.equals(file, that.file);
    }

    @Override
    public int hashCode() {
        return Objects.hash(source, variable, file);
    }

    /** Names the source only, never the value. */
    @Override
    public String toString() {
        return "SecretRef[" + describe() + "]";
    }

    /** The secret's source cannot be read; the message names the source, never a value. */
    public static final class SecretUnavailableException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SecretUnavailableException(String message) {
            super(message);
        }
    }
}
