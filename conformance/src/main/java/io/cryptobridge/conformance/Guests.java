package io.cryptobridge.conformance;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the repository's {@code guests/} folder: the system property {@code
 * cryptobridge.guests.dir} if set (the POM sets it), else the nearest {@code guests/} above the
 * working directory.
 */
public final class Guests {
    private static final String PROPERTY = "cryptobridge.guests.dir";

    private Guests() {}

    /** The {@code guests/} folder (sources, build script, committed {@code wasm/}). */
    public static Path root() {
        String configured = System.getProperty(PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("guests");
            if (Files.isRegularFile(candidate.resolve("build.sh"))) {
                return candidate;
            }
        }
        throw new IllegalStateException(
                "no guests/ folder found above "
                        + Path.of("").toAbsolutePath()
                        + "; set -D"
                        + PROPERTY);
    }

    /** The committed {@code guests/wasm/NAME.wasm}. */
    public static Path wasm(String name) {
        Path path = root().resolve("wasm").resolve(name + ".wasm");
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException(path + " is missing; run guests/build.sh");
        }
        return path;
    }
}
