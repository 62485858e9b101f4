package io.cryptobridge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;

/**
 * Runs the shaded {@code cryptobridge.jar} as a user does, {@code java -jar} on the JDK that runs
 * the build (17 or 25): nothing on the class path but the jar itself.
 */
class CryptobridgeJarIT {
    private static final Path JAR = Path.of(System.getProperty("cryptobridge.cli.jar"));

    private record Result(int status, String stdout, String stderr) {}

    private static Result java(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-jar");
        command.add(JAR.toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).start();
        process.getOutputStream().close();
        byte[] out = process.getInputStream().readAllBytes();
        byte[] err = process.getErrorStream().readAllBytes();
        assertTrue(process.waitFor(2, TimeUnit.MINUTES), "the jar did not finish");
        return new Result(
                process.exitValue(),
                new String(out, StandardCharsets.UTF_8),
                new String(err, StandardCharsets.UTF_8));
    }

    private static String guest(String name) throws URISyntaxException {
        return Path.of(CryptobridgeJarIT.class.getResource("/guests/" + name).toURI()).toString();
    }

    @Test
    void jar_version_printsTheProjectVersion() throws Exception {
        Result result = java("--version");

        assertEquals(0, result.status(), result.stderr());
        assertTrue(result.stdout().startsWith("cryptobridge "), result.stdout());
    }

    @Test
    void jar_cryptoGuest_runsWithBouncyCastleFromTheShadedJar() throws Exception {
        Result result = java("run", guest("probe.wasm"), "crypto");

        assertEquals(0, result.status(), result.stderr());
        assertEquals(
                "sha-256(abc) = ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad\n"
                        + "xchacha20-poly1305 round trip: ok\n",
                result.stdout());
        assertEquals("", result.stderr());
    }

    @Test
    void jar_guestExitStatus_isTheProcessStatus() throws Exception {
        assertEquals(42, java("run", guest("probe.wasm"), "exit", "42").status());
    }

    @Test
    void jar_missingImport_isOneLineOnStderr() throws Exception {
        Result result = java("run", guest("missing-import.wasm"));

        assertEquals(1, result.status());
        assertEquals(1, result.stderr().lines().count(), result.stderr());
        assertTrue(result.stderr().contains("symmetric_key_frobnicate"), result.stderr());
    }

    @Test
    void jar_manifest_carriesMainClassAndPkcs11Export() throws IOException {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            Manifest manifest = jar.getManifest();
            assertEquals(
                    "io.cryptobridge.cli.Main",
                    manifest.getMainAttributes().getValue("Main-Class"));
            assertEquals(
                    "jdk.crypto.cryptoki/sun.security.pkcs11.wrapper",
                    manifest.getMainAttributes().getValue("Add-Exports"));
            assertTrue(
                    jar.stream().noneMatch(entry -> entry.getName().matches("META-INF/[^/]+\\.SF")),
                    "stale jar signatures left in the shaded jar");
        }
    }
}
