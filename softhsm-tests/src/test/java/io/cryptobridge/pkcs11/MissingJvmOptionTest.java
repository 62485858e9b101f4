package io.cryptobridge.pkcs11;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** An embedder who starts the JVM without the add-exports option reads which option to add. */
class MissingJvmOptionTest {
    @RegisterExtension static final SoftHsmToken TOKEN = new SoftHsmToken();

    @Test
    void open_jvmWithoutAddExports_saysWhichOptionToAdd() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder =
                new ProcessBuilder(
                                List.of(
                                        java.toString(),
                                        "-cp",
                                        System.getProperty("java.class.path"),
                                        OpenWithoutOption.class.getName(),
                                        TOKEN.library().toString(),
                                        TOKEN.label()))
                        .redirectErrorStream(true);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(2, TimeUnit.MINUTES);

        assertEquals(
                "PKCS#11 backend 'hsm': the JVM must be started with --add-exports"
                        + " jdk.crypto.cryptoki/sun.security.pkcs11.wrapper=ALL-UNNAMED (or"
                        + " 'Add-Exports: jdk.crypto.cryptoki/sun.security.pkcs11.wrapper' in the"
                        + " manifest of an executable jar)",
                output.strip());
    }

    /** Runs in a JVM started without the option; prints the message the embedder would see. */
    public static final class OpenWithoutOption {
        public static void main(String[] args) {
            try {
                Pkcs11Backend.open(
                        "hsm", Map.of("library", args[0], "token", "pkcs11:token=" + args[1]));
                System.out.println("opened without the option?");
            } catch (Pkcs11SetupException e) {
                System.out.println(e.getMessage());
            }
        }
    }
}
