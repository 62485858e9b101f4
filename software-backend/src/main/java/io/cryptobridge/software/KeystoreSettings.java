package io.cryptobridge.software;

import io.cryptobridge.config.SecretRef;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The keystore settings of a {@code type: software} backend.
 *
 * @param directory {@code keystore}: where managed keys and external secrets are kept
 * @param password {@code keystore-password}: the password the keystore key is derived from; empty
 *     for a random key file in the directory
 * @param managedKeysExtractable {@code managed-keys-extractable}: whether loaded managed keys may
 *     be exported
 */
public record KeystoreSettings(
        Path directory, Optional<SecretRef> password, boolean managedKeysExtractable) {
    public KeystoreSettings {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(password, "password");
    }
}
