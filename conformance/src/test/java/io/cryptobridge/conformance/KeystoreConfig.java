package io.cryptobridge.conformance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a configuration whose software backend keeps a keystore, chosen as the secrets manager
 * ({@code secrets-manager: soft}), for tests that need managed keys.
 */
public final class KeystoreConfig {
    private KeystoreConfig() {}

    /**
     * Writes {@code dir/cryptobridge.yaml}: backend {@code soft} with its keystore in {@code
     * dir/keystore}, and six guest profiles: {@code alpha}, {@code alpha-too} and {@code
     * alpha-restricted} (which allows SHA-256 only) share the namespace {@code alpha}, {@code beta}
     * has its own, {@code gamma} names none (so its namespace is its name) and {@code gamma-too}
     * names {@code gamma}.
     */
    public static Path write(Path dir) throws IOException {
        return write(dir, false);
    }

    /** As {@link #write(Path)}, with {@code managed-keys-extractable} set as given. */
    public static Path write(Path dir, boolean managedKeysExtractable) throws IOException {
        Files.createDirectories(dir);
        Path keystore = dir.resolve("keystore");
        Path file = dir.resolve("cryptobridge.yaml");
        Files.writeString(
                file,
                String.join(
                        "\n",
                        "backends:",
                        "  soft:",
                        "    type: software",
                        "    keystore: '" + keystore.toString().replace("'", "''") + "'",
                        "    managed-keys-extractable: " + managedKeysExtractable,
                        "secrets-manager: soft",
                        "guests:",
                        "  alpha:",
                        "    namespace: alpha",
                        "  alpha-too:",
                        "    namespace: alpha",
                        "  alpha-restricted:",
                        "    namespace: alpha",
                        "    allow: [SHA-256]",
                        "  beta:",
                        "    namespace: beta",
                        "  gamma:", // no namespace: the profile name
                        "    max-handles: 4096",
                        "  gamma-too:",
                        "    namespace: gamma",
                        ""));
        return file;
    }
}
