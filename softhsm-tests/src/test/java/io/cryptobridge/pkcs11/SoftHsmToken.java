package io.cryptobridge.pkcs11;

import io.cryptobridge.config.SecretRef;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A throw-away SoftHSM2 token for one test class: {@code @RegisterExtension static final
 * SoftHsmToken TOKEN = new SoftHsmToken();}.
 *
 * <p>SoftHSM reads {@code SOFTHSM2_CONF} when the library is loaded and does not see tokens created
 * afterwards; the library stays loaded for the life of the JVM. Surefire therefore sets {@code
 * SOFTHSM2_CONF} to one fixed file under {@code target/softhsm} and runs each test class in a JVM
 * of its own ({@code reuseForks=false}, {@code forkCount=1}). This fixture empties the token
 * folder, creates a token with a label of its own ({@code softhsm2-util --init-token --free})
 * before anything loads the library, and deletes it after the class. Tests never touch a shared or
 * system token.
 *
 * <p>Without softhsm2-util or the SoftHSM library the class is skipped, except with {@code
 * CI=true}, where that is a failure.
 */
public final class SoftHsmToken implements BeforeAllCallback, AfterAllCallback {
    /** Where Debian/Ubuntu install the library; {@code SOFTHSM2_LIB} overrides it. */
    private static final String DEFAULT_LIBRARY = "/usr/lib/softhsm/libsofthsm2.so";

    private final String pin = "user-pin-7310";
    private final String soPin = "so-pin-2291";
    private String label;
    private Path conf;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        String util = findOnPath("softhsm2-util");
        require(util != null, "softhsm2-util is not on the PATH (apt-get install softhsm2)");
        require(Files.isRegularFile(library()), "the SoftHSM library " + library() + " is missing");
        String confVariable = System.getenv("SOFTHSM2_CONF");
        require(
                confVariable != null,
                "SOFTHSM2_CONF is not set; run the tests through Maven, whose surefire sets it");
        conf = Path.of(confVariable);
        Path tokens = conf.resolveSibling("tokens");
        deleteRecursively(tokens);
        Files.createDirectories(tokens);
        Files.writeString(
                conf,
                "directories.tokendir = "
                        + tokens
                        + "\nobjectstore.backend = file\nlog.level = ERROR\n",
                StandardCharsets.UTF_8);
        label = "cb-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(6));
        run(util, "--init-token", "--free", "--label", label, "--pin", pin, "--so-pin", soPin);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (label != null) {
            run(findOnPath("softhsm2-util"), "--delete-token", "--token", label);
        }
    }

    /** The token's label, unique to this test class. */
    public String label() {
        return label;
    }

    /** The user PIN (a test value, not a secret). */
    public String pin() {
        return pin;
    }

    public Path library() {
        String override = System.getenv("SOFTHSM2_LIB");
        return Path.of(override != null ? override : DEFAULT_LIBRARY);
    }

    /** Backend settings for this token, the PIN served from a stand-in environment. */
    public Map<String, Object> settings() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("library", library());
        settings.put("token", "pkcs11:token=" + label);
        settings.put("pin", SecretRef.env("HSM_PIN", name -> "HSM_PIN".equals(name) ? pin : null));
        return settings;
    }

    /** Settings with changes, e.g. {@code with("sessions", 1L)}. */
    public Map<String, Object> settings(Object... keysAndValues) {
        Map<String, Object> settings = settings();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            settings.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return settings;
    }

    /** A backend on this token; close it after the test. */
    public Pkcs11Backend open(Object... keysAndValues) {
        return Pkcs11Backend.open("hsm", settings(keysAndValues));
    }

    private void run(String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(List.of(command)).redirectErrorStream(true);
        builder.environment().put("SOFTHSM2_CONF", conf.toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(
                    String.join(" ", command[0], command[1]) + " failed: " + output);
        }
    }

    /** Skip outside CI, fail in CI (CI=true), when the SoftHSM tooling is missing. */
    private static void require(boolean condition, String why) {
        if (condition) {
            return;
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException("SoftHSM tests cannot run in CI: " + why);
        }
        Assumptions.abort("SoftHSM tests skipped: " + why);
    }

    static String findOnPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String folder : path.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(folder, program);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
