package io.cryptobridge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs {@link Main} in-process with captured streams, as a user would see it. */
class MainTest {
    @TempDir Path dir;

    private byte[] stdin = new byte[0];
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private Map<String, String> hostEnvironment;

    @BeforeEach
    void environment() {
        // The default keystore of runs without --config: a temporary folder, never ~/.cryptobridge.
        hostEnvironment =
                Map.of(
                        "HOST_ONLY",
                        "from-host",
                        DefaultHost.KEYSTORE_VARIABLE,
                        dir.resolve("keystore").toString());
    }

    private int run(String... args) {
        Main main =
                new Main(
                        new ByteArrayInputStream(stdin),
                        stdout,
                        new PrintStream(stderr, true, StandardCharsets.UTF_8),
                        hostEnvironment::get);
        return main.run(args);
    }

    private String out() {
        return stdout.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return stderr.toString(StandardCharsets.UTF_8);
    }

    private static String guest(String name) {
        try {
            return Path.of(MainTest.class.getResource("/guests/" + name).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void help_printsUsageOnStdout() {
        assertEquals(0, run("--help"));
        assertTrue(out().contains("cryptobridge run [OPTIONS] MODULE.wasm [ARGS...]"), out());
        assertTrue(out().contains("--interpreter"), out());
        assertEquals("", err());
    }

    @Test
    void version_printsTheProjectVersion() {
        assertEquals(0, run("--version"));
        assertTrue(out().matches("cryptobridge \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\n"), out());
    }

    @Test
    void noArguments_failsWithUsageStatus() {
        assertEquals(2, run());
        assertEquals(
                "cryptobridge: missing command\n"
                        + RunOptions.USAGE
                        + "\nTry 'cryptobridge --help' for more information.\n",
                err());
    }

    @Test
    void run_unknownOption_failsWithUsageStatus() {
        assertEquals(2, run("run", "--fast", "x.wasm"));
        assertTrue(err().startsWith("cryptobridge: unknown option --fast\n"), err());
    }

    @Test
    void run_withoutModule_failsWithUsageStatus() {
        assertEquals(2, run("run", "--interpreter"));
        assertTrue(err().startsWith("cryptobridge: missing MODULE.wasm\n"), err());
    }

    @Test
    void run_missingFile_failsWithOneLine() {
        Path missing = dir.resolve("absent.wasm");
        assertEquals(1, run("run", missing.toString()));
        assertEquals("cryptobridge: " + missing + ": no such file\n", err());
        assertEquals("", out());
    }

    @Test
    void run_notWasm_failsWithOneLine() throws IOException {
        Path text = dir.resolve("readme.wasm");
        Files.writeString(text, "just text");
        assertEquals(1, run("run", text.toString()));
        assertEquals(
                "cryptobridge: " + text + ": not a WebAssembly module (no \\0asm header)\n", err());
    }

    @Test
    void run_truncatedWasm_failsAsInvalidModule() throws IOException {
        Path broken = dir.resolve("broken.wasm");
        byte[] whole = Files.readAllBytes(Path.of(guest("probe.wasm")));
        Files.write(broken, java.util.Arrays.copyOf(whole, 100));
        assertEquals(1, run("run", broken.toString()));
        assertTrue(
                err().startsWith("cryptobridge: " + broken + ": invalid WebAssembly module: "),
                err());
        assertEquals(1, err().lines().count(), err());
    }

    @Test
    void run_importTheHostLacks_failsNamingIt() {
        assertEquals(1, run("run", guest("missing-import.wasm")));
        assertEquals(
                "cryptobridge: the module imports function"
                        + " wasi_ephemeral_crypto_symmetric.symmetric_key_frobnicate, which the"
                        + " host does not provide\n",
                err());
    }

    @Test
    void run_importWithWrongSignature_failsNamingBothTypes() {
        assertEquals(1, run("run", guest("wrong-signature.wasm")));
        assertEquals(
                "cryptobridge: the module imports function"
                        + " wasi_ephemeral_crypto_symmetric.symmetric_key_close as (i64) -> (i32),"
                        + " but the host provides (i32) -> (i32)\n",
                err());
    }

    @Test
    void run_moduleWithoutStart_failsAsNotACommand() {
        String module = guest("no-start.wasm");
        assertEquals(1, run("run", module));
        assertEquals(
                "cryptobridge: "
                        + module
                        + ": not a WASI command (it exports no _start function)\n",
                err());
    }

    @Test
    void run_guestExits_passesItsStatusThrough() {
        assertEquals(7, run("run", guest("probe.wasm"), "exit", "7"));
        assertEquals("", err());
    }

    @Test
    void run_guestReturnsFromMain_exitsZero() {
        assertEquals(0, run("run", guest("probe.wasm"), "echo"));
    }

    @Test
    void run_guestWrites_stdoutAndStderrPassThroughUntouched() {
        assertEquals(0, run("run", guest("probe.wasm"), "echo", "grüße", "  spaced  "));
        assertEquals("grüße   spaced  \n", out());

        assertEquals(0, run("run", guest("probe.wasm"), "stderr", "to the error stream"));
        assertEquals("to the error stream\n", err());
    }

    @Test
    void run_guestReadsStdin_getsTheBytes() {
        stdin = "line one\nline two\n".getBytes(StandardCharsets.UTF_8);
        assertEquals(0, run("run", guest("probe.wasm"), "cat", "-"));
        assertEquals("line one\nline two\n", out());
    }

    @Test
    void run_argumentsAfterModule_goToTheGuestEvenWhenTheyLookLikeOptions() {
        assertEquals(0, run("run", guest("probe.wasm"), "echo", "--interpreter", "-x"));
        assertEquals("--interpreter -x\n", out());
    }

    @Test
    void run_doubleDash_endsTheOptions() {
        assertEquals(0, run("run", "--env", "A=1", "--", guest("probe.wasm"), "env", "A"));
        assertEquals("1\n", out());
    }

    @Test
    void run_argvZero_isTheModuleFileName() {
        assertEquals(0, run("run", guest("probe.wasm"), "argv0"));
        assertEquals("probe.wasm\n", out());
    }

    @Test
    void run_envOption_setsGuestVariables() {
        assertEquals(
                0,
                run("run", "--env", "GREETING=hi there", guest("probe.wasm"), "env", "GREETING"));
        assertEquals("hi there\n", out());
    }

    @Test
    void run_envNameOnly_copiesTheHostValue() {
        assertEquals(0, run("run", "--env=HOST_ONLY", guest("probe.wasm"), "env", "HOST_ONLY"));
        assertEquals("from-host\n", out());
    }

    @Test
    void run_withoutEnvOption_guestSeesNoHostVariables() {
        assertEquals(0, run("run", guest("probe.wasm"), "env", "HOST_ONLY"));
        assertEquals("unset\n", out());
    }

    @Test
    void run_envNameUnsetOnHost_failsWithUsageStatus() {
        assertEquals(2, run("run", "--env", "NOT_THERE", guest("probe.wasm")));
        assertTrue(
                err().startsWith(
                                "cryptobridge: --env NOT_THERE: the variable is not set on the"
                                        + " host\n"),
                err());
    }

    @Test
    void run_dirWithGuestPath_preopensTheHostDirectory() throws IOException {
        Files.writeString(dir.resolve("note.txt"), "from the host\n");
        assertEquals(
                0,
                run("run", "--dir", dir + "::/data", guest("probe.wasm"), "cat", "/data/note.txt"));
        assertEquals("from the host\n", out());
    }

    @Test
    void run_dirWithoutGuestPath_usesTheHostPath() throws IOException {
        Files.writeString(dir.resolve("note.txt"), "same path\n");
        assertEquals(
                0,
                run("run", "--dir", dir.toString(), guest("probe.wasm"), "cat", dir + "/note.txt"));
        assertEquals("same path\n", out());
    }

    @Test
    void run_noDir_guestCannotOpenHostFiles() throws IOException {
        Files.writeString(dir.resolve("note.txt"), "secret");
        assertEquals(3, run("run", guest("probe.wasm"), "cat", dir + "/note.txt"));
        assertEquals("", out());
    }

    @Test
    void run_dirThatIsNotADirectory_fails() {
        Path missing = dir.resolve("nothing");
        assertEquals(1, run("run", "--dir", missing.toString(), guest("probe.wasm"), "echo"));
        assertEquals("cryptobridge: --dir " + missing + ": not a directory\n", err());
    }

    @Test
    void run_cryptoGuest_compiledAndInterpretedAgree() {
        String expected =
                "sha-256(abc) = ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad\n"
                        + "xchacha20-poly1305 round trip: ok\n";

        assertEquals(0, run("run", guest("probe.wasm"), "crypto"));
        assertEquals(expected, out());
        stdout.reset();
        assertEquals(0, run("run", "--interpreter", guest("probe.wasm"), "crypto"));
        assertEquals(expected, out());
        assertEquals("", err());
    }

    @Test
    void run_guestTraps_reportsOneLineAndTrapStatus() {
        assertEquals(134, run("run", guest("probe.wasm"), "trap"));
        assertEquals("cryptobridge: guest trapped: Trapped on unreachable instruction\n", err());
    }

    @Test
    void run_guestTrapsInInterpreter_reportsTheSame() {
        assertEquals(134, run("run", "--interpreter", guest("probe.wasm"), "trap"));
        assertEquals("cryptobridge: guest trapped: Trapped on unreachable instruction\n", err());
    }

    @Test
    void run_configWithMistake_failsWithTheConfigErrorOnly() throws IOException {
        Path config = dir.resolve("bad.yaml");
        Files.writeString(config, "backends:\n  soft:\n    type: sofware\n");
        assertEquals(1, run("run", "--config", config.toString(), guest("probe.wasm"), "echo"));
        assertEquals(
                "cryptobridge: "
                        + config
                        + ":3: backends.soft.type: unknown backend type 'sofware' (available:"
                        + " pkcs11, software)\n",
                err());
    }

    @Test
    void run_configLimitsHandles_guestGetsTooManyHandles() throws IOException {
        Path config = dir.resolve("tight.yaml");
        Files.writeString(
                config, "backends:\n  soft: {type: software}\nlimits:\n  max-handles: 1\n");
        assertEquals(10, run("run", "--config", config.toString(), guest("probe.wasm"), "crypto"));
        assertTrue(out().contains("options failed: errno 18\n"), out());
    }

    @Test
    void run_missingConfigFile_fails() {
        Path config = dir.resolve("absent.yaml");
        assertEquals(1, run("run", "--config", config.toString(), guest("probe.wasm"), "echo"));
        assertEquals("cryptobridge: " + config + ": file not found\n", err());
    }

    private Path config(String yaml) throws IOException {
        Path config = dir.resolve("cryptobridge.yaml");
        Files.writeString(config, yaml);
        return config;
    }

    static Path example(String name) {
        // Surefire runs in the module folder; the examples live at the repository root.
        return Path.of("").toAbsolutePath().getParent().resolve("examples/config").resolve(name);
    }

    @Test
    void run_guestProfile_allowedAlgorithmsWork() throws IOException {
        Path config =
                config(
                        """
                        guests:
                          both:
                            allow: [sha-256, XChaCha20-Poly1305]
                        """);
        assertEquals(
                0,
                run(
                        "run",
                        "--config",
                        config.toString(),
                        "--guest",
                        "both",
                        guest("probe.wasm"),
                        "crypto"));
        assertTrue(out().endsWith("xchacha20-poly1305 round trip: ok\n"), out());
    }

    @Test
    void run_guestProfile_algorithmNotAllowedIsProhibitedOperation() throws IOException {
        Path config = config("guests:\n  hashing:\n    allow: [SHA-256]\n");
        assertEquals(
                10,
                run(
                        "run",
                        "--config",
                        config.toString(),
                        "--guest=hashing",
                        guest("probe.wasm"),
                        "crypto"));
        assertEquals(
                "sha-256(abc) = ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad\n"
                        + "keygen failed: errno 4\n",
                out());
    }

    @Test
    void run_withoutGuestOption_everythingAllowed() throws IOException {
        Path config = config("guests:\n  hashing:\n    allow: [SHA-256]\n");
        assertEquals(0, run("run", "--config", config.toString(), guest("probe.wasm"), "crypto"));
        assertTrue(out().endsWith("xchacha20-poly1305 round trip: ok\n"), out());
    }

    @Test
    void run_guestProfileLimits_applyToTheGuest() throws IOException {
        Path config = config("guests:\n  tiny:\n    max-handles: 1\n");
        assertEquals(
                10,
                run(
                        "run",
                        "--config",
                        config.toString(),
                        "--guest",
                        "tiny",
                        guest("probe.wasm"),
                        "crypto"));
        assertTrue(out().contains("options failed: errno 18\n"), out());
    }

    @Test
    void run_unknownGuestProfile_failsListingTheProfiles() throws IOException {
        Path config = config("guests:\n  payments: {}\n  batch: {}\n");
        assertEquals(
                1,
                run(
                        "run",
                        "--config",
                        config.toString(),
                        "--guest",
                        "paymnets",
                        guest("probe.wasm"),
                        "echo"));
        assertEquals(
                "cryptobridge: --guest: unknown guest profile 'paymnets' (defined: batch,"
                        + " payments)\n",
                err());
        assertEquals("", out());
    }

    @Test
    void run_guestWithoutConfig_failsSayingThereAreNoProfiles() {
        assertEquals(1, run("run", "--guest", "payments", guest("probe.wasm"), "echo"));
        assertEquals(
                "cryptobridge: --guest: unknown guest profile 'payments' (the configuration"
                        + " defines no guests)\n",
                err());
    }

    @Test
    void run_guestWithoutValue_failsWithUsageStatus() {
        assertEquals(2, run("run", "--guest"));
        assertTrue(err().startsWith("cryptobridge: --guest needs a value\n"), err());
    }

    @Test
    void doctor_softwareExample_printsTheRouteTableAndExitsZero() {
        Path config = example("software.yaml");

        assertEquals(0, run("doctor", "--config", config.toString()));

        String report = out();
        assertTrue(report.startsWith("configuration: " + config + "\nbackends:\n"), report);
        assertTrue(report.contains("  soft (type software): opened\n"), report);
        assertTrue(
                report.matches("(?s).*\nalgorithm +backend +why\n.*"), "table header: " + report);
        assertTrue(
                report.matches("(?s).*\nSHA-256 +soft +capability: first in routing.default\n.*"),
                report);
        assertTrue(
                report.matches("(?s).*\nEd25519 +soft +capability: first in routing.default\n.*"),
                report);
        assertTrue(report.contains("lacking:\n  soft: nothing\n"), report);
        assertTrue(
                report.contains("secrets manager: soft (managed keys, external secrets)\n"),
                report);
        assertTrue(
                report.contains(
                        "  payments: namespace payments; allows SHA-256, HMAC/SHA-256,"
                                + " AES-256-GCM, ECDSA_P256_SHA256, Ed25519; max-handles 256,"
                                + " max-buffered-bytes 1048576\n"),
                report);
        assertTrue(report.endsWith("\nok\n"), report);
        assertEquals("", err());
    }

    @Test
    void doctor_override_isExplainedInTheTable() throws IOException {
        Path config =
                config(
                        """
                        backends:
                          first: {type: software}
                          second: {type: software}
                        routing:
                          default: [first, second]
                          algorithms:
                            ed25519: [second]
                        """);
        assertEquals(0, run("doctor", "--config", config.toString()));
        assertTrue(
                out().matches(
                                "(?s).*\nEd25519 +second +override: routing.algorithms.Ed25519"
                                        + " \\[second\\]\n.*"),
                out());
        assertTrue(out().matches("(?s).*\nX25519 +first +capability: .*"), out());
    }

    @Test
    void doctor_withoutConfig_checksTheBuiltInDefault() {
        assertEquals(0, run("doctor"));
        assertTrue(
                out().startsWith(
                                "configuration: none (built-in default: the software backend,"
                                        + " managed keys in $CRYPTOBRIDGE_KEYSTORE or"
                                        + " ~/.cryptobridge/keystore)\n"
                                        + "backends:\n  software (type software): opened\n"),
                out());
        assertTrue(
                out().contains("\nsecrets manager: software (managed keys, external secrets)\n"),
                out());
        assertTrue(out().endsWith("\nok\n"), out());
        // Checking the default host writes nothing: the keystore is created on first use.
        assertFalse(Files.exists(dir.resolve("keystore")));
    }

    @Test
    void doctor_brokenConfig_printsOneLineAndFails() throws IOException {
        Path config =
                config(
                        """
                        backends:
                          soft: {type: software}
                        routing:
                          default: [soft]
                          algorithms:
                            Ed448: [soft]
                        """);
        assertEquals(1, run("doctor", "--config", config.toString()));
        assertEquals(
                "cryptobridge: "
                        + config
                        + ":6: routing.algorithms.Ed448: unknown algorithm; see docs/algorithms.md"
                        + " for the names\n",
                err());
        assertEquals("", out());
    }

    @Test
    void doctor_unknownArgument_failsWithDoctorUsage() {
        assertEquals(2, run("doctor", "--fix"));
        assertEquals(
                "cryptobridge: unknown argument --fix\n"
                        + Doctor.USAGE
                        + "\nTry 'cryptobridge --help' for more information.\n",
                err());
    }
}
