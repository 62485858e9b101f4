package io.cryptobridge.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cryptobridge.CryptoHost;
import io.cryptobridge.GuestSession;
import io.cryptobridge.spi.Backend;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CryptoHostFromConfigTest {
    @TempDir Path dir;

    @Test
    void fromConfig_validFile_createsBackendsInPreferenceOrderWithLimits() throws IOException {
        Path file = dir.resolve("host.yaml");
        Files.writeString(
                file,
                """
                backends:
                  first: {type: test, label: one}
                  second: {type: test}
                routing:
                  default: [second, first]
                limits:
                  max-handles: 9
                """);

        try (CryptoHost host = CryptoHost.fromConfig(file);
                GuestSession session = host.newSession()) {
            List<String> names = host.router().backends().stream().map(Backend::name).toList();
            assertEquals(List.of("second", "first"), names);
            assertEquals(9, session.limits().maxHandles());
        }
    }

    @Test
    void fromConfig_backendFailsToReportCapabilities_failsNamingItAndClosesAll()
            throws IOException {
        Path file = dir.resolve("host.yaml");
        Files.writeString(
                file,
                """
                backends:
                  good: {type: test}
                  flaky: {type: test, label: broken-probe}
                """);
        int closedBefore = TestBackendFactory.CLOSED.get();

        ConfigException e = assertThrows(ConfigException.class, () -> CryptoHost.fromConfig(file));

        assertEquals(
                file
                        + ": backends: backend flaky cannot tell whether it supports SHA-256: the"
                        + " token went away",
                e.getMessage());
        assertEquals(closedBefore + 2, TestBackendFactory.CLOSED.get());
    }

    @Test
    void fromConfig_backendCannotBeCreated_failsNamingItAndClosesTheOthers() throws IOException {
        Path file = dir.resolve("host.yaml");
        Files.writeString(
                file,
                """
                backends:
                  good: {type: test}
                  bad:
                    type: test
                    label: fail
                """);
        int closedBefore = TestBackendFactory.CLOSED.get();

        ConfigException e = assertThrows(ConfigException.class, () -> CryptoHost.fromConfig(file));

        assertEquals(
                file + ":3: backends.bad: cannot create the backend: the token is not present",
                e.getMessage());
        assertEquals(closedBefore + 1, TestBackendFactory.CLOSED.get());
    }

    @Test
    void fromConfig_secretsManagerWithoutStore_failsNamingTheBackendAndClosesAll()
            throws IOException {
        Path file = dir.resolve("host.yaml");
        Files.writeString(
                file,
                """
                backends:
                  soft: {type: test}
                  vault: {type: test}
                routing:
                  default: [soft]
                secrets-manager: vault
                """);
        int closedBefore = TestBackendFactory.CLOSED.get();

        ConfigException e = assertThrows(ConfigException.class, () -> CryptoHost.fromConfig(file));

        // Accepted by the loader although routing does not list it; refused by the host.
        assertEquals(
                file
                        + ": backends: backend 'vault' keeps no managed keys (a software backend"
                        + " needs a keystore directory)",
                e.getMessage());
        assertEquals(closedBefore + 2, TestBackendFactory.CLOSED.get());
    }

    @Test
    void load_secretsManagerNamesNoBackend_failsAtItsLine() throws IOException {
        Path file = dir.resolve("host.yaml");
        Files.writeString(
                file,
                """
                backends:
                  soft: {type: test}
                secrets-manager: hsm
                """);

        ConfigException e = assertThrows(ConfigException.class, () -> CryptoConfig.load(file));

        assertEquals(
                file + ":3: secrets-manager: no backend named 'hsm' (defined: soft)",
                e.getMessage());
    }

    @Test
    void fromConfig_noStoreAnywhere_hasNoSecretsManager() throws IOException {
        Path file = dir.resolve("host.yaml");
        Files.writeString(file, "backends:\n  soft: {type: test}\n");

        try (CryptoHost host = CryptoHost.fromConfig(file)) {
            assertEquals(java.util.Optional.empty(), host.managedKeys());
        }
    }
}
