package io.cryptobridge.software;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cryptobridge.CryptoHost;
import io.cryptobridge.config.ConfigException;
import io.cryptobridge.spi.ManagedContent;
import io.cryptobridge.spi.ManagedEntry;
import io.cryptobridge.spi.ManagedKind;
import io.cryptobridge.symmetric.SymmetricAlgorithm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The keystore settings as an operator writes them in a configuration file, with the real PBKDF2
 * cost (600 000 iterations).
 */
class KeystoreConfigTest {
    @TempDir Path folder;

    private Path config(String passwordFile) throws IOException {
        Path file = folder.resolve("cryptobridge.yaml");
        Files.writeString(
                file,
                "backends:\n"
                        + "  soft:\n"
                        + "    type: software\n"
                        + "    keystore: keys\n"
                        + "    keystore-password: {file: "
                        + passwordFile
                        + "}\n"
                        + "secrets-manager: soft\n");
        return file;
    }

    @Test
    void fromConfig_relativeKeystoreAndPasswordFile_storesUnderTheConfigFolder()
            throws IOException {
        Files.writeString(folder.resolve("password"), "correct horse\n");
        ManagedEntry entry =
                KeystoreFixture.entry(
                        "default",
                        KeystoreFixture.newId(),
                        1,
                        ManagedKind.SYMMETRIC_KEY,
                        "AES-128-GCM");

        try (CryptoHost host = CryptoHost.fromConfig(config("password"))) {
            SoftwareBackend backend = (SoftwareBackend) host.backends().get(0);
            assertTrue(
                    KeystoreFixture.store(backend)
                            .create(
                                    entry,
                                    new ManagedContent.NewSymmetricKey(
                                            SymmetricAlgorithm.AES_128_GCM)));
            assertEquals(List.of(entry), host.managedKeys().orElseThrow().list(Optional.empty()));
        }

        assertTrue(Files.exists(folder.resolve("keys").resolve("keystore.kdf")));
    }

    @Test
    void fromConfig_wrongPassword_namesTheBackendAndKeystoreButNotThePassword() throws IOException {
        Files.writeString(folder.resolve("password"), "correct horse\n");
        Files.writeString(folder.resolve("wrong"), "battery staple\n");
        try (CryptoHost host = CryptoHost.fromConfig(config("password"))) {
            host.managedKeys().orElseThrow();
            SoftwareBackend backend = (SoftwareBackend) host.backends().get(0);
            KeystoreFixture.store(backend).seal(new byte[1], new byte[0]);
        }

        ConfigException e =
                assertThrows(ConfigException.class, () -> CryptoHost.fromConfig(config("wrong")));

        assertTrue(e.getMessage().contains("backends.soft"), e.getMessage());
        assertTrue(
                e.getMessage()
                        .contains("wrong keystore-password for keystore " + folder.resolve("keys")),
                e.getMessage());
        assertFalse(
                e.getMessage().contains("battery") || e.getMessage().contains("horse"),
                e.getMessage());
    }
}
