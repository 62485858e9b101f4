package io.cryptobridge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cryptobridge.pkcs11.SoftHsmToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar cli/target/cryptobridge.jar doctor} on the HSM examples, as a user runs it: no
 * JVM option (the manifest's Add-Exports opens the PKCS#11 wrapper), the pkcs11 backend type found
 * through the shaded jar's merged service files, the PIN from {@code CRYPTOBRIDGE_HSM_PIN}.
 */
class CryptobridgeJarOnTokenIT {
    @RegisterExtension static final SoftHsmToken TOKEN = new SoftHsmToken();

    @TempDir Path dir;

    private record Result(int status, String stdout, String stderr) {}

    @Test
    void jar_doctorOnSofthsm_tokenFirstSoftwareForTheRest() throws Exception {
        Result result = doctor("softhsm.yaml", TOKEN.pin());

        assertEquals(0, result.status(), result.stderr());
        assertTrue(result.stdout().contains("  hsm (type pkcs11): opened\n"), result.stdout());
        assertRow(result.stdout(), "Ed25519", "hsm", "capability: first in routing.default");
        assertRow(result.stdout(), "AES-256-GCM", "hsm", "capability: first in routing.default");
        assertRow(
                result.stdout(),
                "X25519",
                "soft",
                "fallback: routing.default [hsm, soft]; hsm lacks it");
        assertEquals("", result.stderr(), "the host stays quiet");
    }

    @Test
    void jar_doctorOnHsmStrict_refusesWhatTheTokenLacks() throws Exception {
        Result result = doctor("hsm-strict.yaml", TOKEN.pin());

        assertEquals(0, result.status(), result.stderr());
        assertRow(
                result.stdout(),
                "ECDSA_P256_SHA256",
                "hsm",
                "capability: first in routing.default");
        assertRow(result.stdout(), "X25519", "-", "refused: no backend of [hsm] supports it");
    }

    @Test
    void jar_pinVariableUnset_oneLine() throws Exception {
        Result result = doctor("softhsm.yaml", null);

        assertEquals(1, result.status());
        assertEquals("", result.stdout());
        assertTrue(
                result.stderr()
                        .matches(
                                "cryptobridge: .*softhsm\\.yaml:14: backends\\.hsm\\.pin:"
                                        + " environment variable CRYPTOBRIDGE_HSM_PIN is not set\n"),
                result.stderr());
    }

    private Result doctor(String example, String pin) throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("cryptobridge.cli.jar", "absent"));
        if (!Files.isRegularFile(jar)) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(jar + " is missing: build cli (package) first");
            }
            Assumptions.abort(jar + " is missing: run verify with -pl cli,softhsm-tests -am");
        }
        Path config =
                ExampleOnToken.rewrite(
                        dir,
                        example,
                        ExampleOnToken.LIBRARY_LINE,
                        "    library: " + TOKEN.library() + "\n",
                        ExampleOnToken.TOKEN_LINE,
                        "    token: pkcs11:token=" + TOKEN.label() + "\n");
        ProcessBuilder builder =
                new ProcessBuilder(
                        List.of(
                                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                                "-jar",
                                jar.toString(),
                                "doctor",
                                "--config",
                                config.toString()));
        builder.environment().remove("CRYPTOBRIDGE_HSM_PIN");
        if (pin != null) {
            builder.environment().put("CRYPTOBRIDGE_HSM_PIN", pin);
        }
        Process process = builder.start();
        process.getOutputStream().close();
        byte[] out = process.getInputStream().readAllBytes();
        byte[] err = process.getErrorStream().readAllBytes();
        assertTrue(process.waitFor(2, TimeUnit.MINUTES), "the jar did not finish");
        return new Result(
                process.exitValue(),
                new String(out, StandardCharsets.UTF_8),
                new String(err, StandardCharsets.UTF_8));
    }

    private static void assertRow(String table, String algorithm, String backend, String why) {
        Pattern row =
                Pattern.compile(
                        "(?m)^"
                                + Pattern.quote(algorithm)
                                + " +"
                                + Pattern.quote(backend)
                                + " +"
                                + Pattern.quote(why)
                                + "$");
        assertTrue(row.matcher(table).find(), algorithm + " on " + backend + ":\n" + table);
    }
}
