package io.cryptobridge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cryptobridge.conformance.Guests;
import io.cryptobridge.pkcs11.SoftHsmToken;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The configurations of {@code examples/config}, pointed at a test class's throw-away token, and
 * the {@code cryptobridge} command run in-process on them.
 *
 * <p>The examples name the library and token of a developer's machine ({@code
 * /usr/lib/softhsm/libsofthsm2.so}, {@code pkcs11:token=dev-keys}); the configuration format reads
 * only secrets from the environment. So a test copies an example into a temporary folder and
 * rewrites exactly those two lines (plus, where a test says so, one more setting of the {@code hsm}
 * backend); routing, guests and the PIN line ({@code {env: CRYPTOBRIDGE_HSM_PIN}}) stay as shipped.
 * Surefire sets {@code CRYPTOBRIDGE_HSM_PIN} to the fixture's test PIN.
 */
final class ExampleOnToken {
    static final String LIBRARY_LINE = "    library: /usr/lib/softhsm/libsofthsm2.so\n";
    static final String TOKEN_LINE = "    token: pkcs11:token=dev-keys\n";
    static final String PIN_LINE = "    pin: {env: CRYPTOBRIDGE_HSM_PIN}\n";

    /** What the command printed, and its exit status. */
    record Outcome(int status, String stdout, String stderr) {
        String describe() {
            return "status " + status + "\nstderr:\n" + stderr + "\nstdout:\n" + stdout;
        }
    }

    private ExampleOnToken() {}

    static Path example(String name) {
        return Guests.root().getParent().resolve("examples/config").resolve(name);
    }

    /**
     * A copy of {@code examples/config/NAME} in {@code dir} on the fixture's token; {@code
     * extraHsmSettings} (whole lines, e.g. {@code " extractable: true\n"}) go after the PIN.
     */
    static Path onToken(SoftHsmToken token, Path dir, String name, String extraHsmSettings)
            throws IOException {
        assertEquals(
                token.pin(),
                System.getenv("CRYPTOBRIDGE_HSM_PIN"),
                "surefire's CRYPTOBRIDGE_HSM_PIN must be SoftHsmToken's test PIN");
        return rewrite(
                dir,
                name,
                LIBRARY_LINE,
                "    library: " + token.library() + "\n",
                TOKEN_LINE,
                "    token: pkcs11:token=" + token.label() + "\n",
                PIN_LINE,
                PIN_LINE + extraHsmSettings);
    }

    /** A copy of an example with whole lines replaced; each line must occur exactly once. */
    static Path rewrite(Path dir, String name, String... linesAndReplacements) throws IOException {
        String text = Files.readString(example(name), StandardCharsets.UTF_8);
        for (int i = 0; i < linesAndReplacements.length; i += 2) {
            String line = linesAndReplacements[i];
            int at = text.indexOf(line);
            if (at < 0 || text.indexOf(line, at + 1) >= 0) {
                throw new IllegalStateException(name + " must contain exactly one line " + line);
            }
            text = text.replace(line, linesAndReplacements[i + 1]);
        }
        Path copy = dir.resolve(name);
        Files.writeString(copy, text, StandardCharsets.UTF_8);
        return copy;
    }

    /** {@code cryptobridge ARGS} in this JVM, streams captured. */
    static Outcome cryptobridge(String... args) {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        Main main =
                new Main(
                        new ByteArrayInputStream(new byte[0]),
                        stdout,
                        new PrintStream(stderr, true, StandardCharsets.UTF_8),
                        name -> null);
        int status = main.run(args);
        return new Outcome(
                status,
                stdout.toString(StandardCharsets.UTF_8),
                stderr.toString(StandardCharsets.UTF_8));
    }
}
