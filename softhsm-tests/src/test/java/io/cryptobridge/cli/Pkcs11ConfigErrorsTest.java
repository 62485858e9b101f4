package io.cryptobridge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cryptobridge.pkcs11.SoftHsmToken;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mistakes in the {@code pkcs11} settings of {@code examples/config/softhsm.yaml}, as the CLI
 * reports them: one line on stderr that names the file, line, setting and problem, exit status 1,
 * and never a PIN. No test here logs in successfully, so the wrong PIN is really checked (a token
 * already logged in by this process would accept any PIN; docs/hsm.md).
 */
class Pkcs11ConfigErrorsTest {
    @RegisterExtension static final SoftHsmToken TOKEN = new SoftHsmToken();

    private static final String WRONG_PIN = "wrong-pin-4242";

    @TempDir Path dir;

    @Test
    void doctor_pinVariableNotSet_oneLineNamingTheVariable() throws IOException {
        Path config =
                onToken(ExampleOnToken.PIN_LINE, "    pin: {env: CRYPTOBRIDGE_TEST_UNSET_PIN}\n");

        ExampleOnToken.Outcome outcome = doctor(config);

        assertOneLineError(
                outcome,
                "cryptobridge: "
                        + config
                        + ":14: backends.hsm.pin: environment variable CRYPTOBRIDGE_TEST_UNSET_PIN"
                        + " is not set\n");
    }

    @Test
    void doctor_unknownToken_oneLineListingThePresentTokens() throws IOException {
        Path config =
                onToken(
                        "    token: pkcs11:token=" + TOKEN.label() + "\n",
                        "    token: pkcs11:token=no-such-token\n");

        ExampleOnToken.Outcome outcome = doctor(config);

        assertOneLineError(
                outcome,
                "cryptobridge: "
                        + config
                        + ":10: backends.hsm: cannot create the backend: PKCS#11 backend 'hsm': no"
                        + " token matches pkcs11:token=no-such-token; tokens present: '"
                        + TOKEN.label()
                        + "'\n");
    }

    @Test
    void run_wrongPin_oneLineWithoutThePin() throws IOException {
        Path pinFile = dir.resolve("hsm-pin");
        Files.writeString(pinFile, WRONG_PIN + "\n");
        Path config = onToken(ExampleOnToken.PIN_LINE, "    pin: {file: " + pinFile + "}\n");

        ExampleOnToken.Outcome outcome =
                ExampleOnToken.cryptobridge(
                        "run", "--config", config.toString(), "never-started.wasm");

        assertOneLineError(
                outcome,
                "cryptobridge: "
                        + config
                        + ":10: backends.hsm: cannot create the backend: PKCS#11 backend 'hsm':"
                        + " token '"
                        + TOKEN.label()
                        + "' rejected the PIN from file "
                        + pinFile
                        + " (CKR_PIN_INCORRECT)\n");
    }

    @Test
    void doctor_missingLibrary_oneLineNamingIt() throws IOException {
        Path config =
                onToken(
                        "    library: " + TOKEN.library() + "\n",
                        "    library: /nonexistent/libpkcs11.so\n");

        ExampleOnToken.Outcome outcome = doctor(config);

        assertOneLineError(outcome, null);
        assertTrue(
                outcome.stderr().contains("library /nonexistent/libpkcs11.so does not exist"),
                outcome.stderr());
    }

    /** softhsm.yaml on the fixture's token, with one more line replaced. */
    private Path onToken(String line, String replacement) throws IOException {
        Path onToken = ExampleOnToken.onToken(TOKEN, dir, "softhsm.yaml", "");
        String text = Files.readString(onToken);
        assertTrue(text.contains(line), line);
        Files.writeString(onToken, text.replace(line, replacement));
        return onToken;
    }

    private static ExampleOnToken.Outcome doctor(Path config) {
        return ExampleOnToken.cryptobridge("doctor", "--config", config.toString());
    }

    /** Status 1, nothing on stdout, one stderr line (equal to {@code expected} if given). */
    private static void assertOneLineError(ExampleOnToken.Outcome outcome, String expected) {
        assertEquals(1, outcome.status(), outcome.describe());
        assertEquals("", outcome.stdout(), "doctor prints no report for a broken file");
        assertEquals(1, outcome.stderr().lines().count(), outcome.stderr());
        assertTrue(outcome.stderr().startsWith("cryptobridge: "), outcome.stderr());
        if (expected != null) {
            assertEquals(expected, outcome.stderr());
        }
        assertFalse(outcome.stderr().contains(TOKEN.pin()), "the PIN is never printed");
        assertFalse(outcome.stderr().contains(WRONG_PIN), "not even a wrong one");
    }
}
