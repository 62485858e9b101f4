package io.cryptobridge.conformance;

import static io.cryptobridge.conformance.ManagedKeysRun.MANAGED_CHECKS;
import static io.cryptobridge.conformance.ManagedKeysRun.NO_MANAGER;
import static io.cryptobridge.conformance.ManagedKeysRun.OTHER_NAMESPACE_CHECKS;
import static io.cryptobridge.conformance.ManagedKeysRun.PROHIBITED_CHECKS;
import static io.cryptobridge.conformance.ManagedKeysRun.SAME_NAMESPACE_CHECKS;
import static io.cryptobridge.conformance.ManagedKeysRun.UNSUPPORTED_CHECKS;
import static io.cryptobridge.conformance.ManagedKeysRun.assertPasses;
import static io.cryptobridge.conformance.ManagedKeysRun.kept;
import static io.cryptobridge.conformance.ManagedKeysRun.namespaceArgs;
import static io.cryptobridge.conformance.ManagedKeysRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cryptobridge.CryptoHost;
import io.cryptobridge.spi.ManagedEntry;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs guests/src/managed_keys.c: on a host whose software backend keeps a keystore in a temporary
 * folder (every check of the secrets manager), under two namespaces (another namespace's ids are
 * {@code not_found}, across a host restart), under a profile that allows none of its algorithms
 * ({@code prohibited_operation}), and on a host without a secrets manager (every managed function
 * answers {@code unsupported_feature}).
 */
class ManagedKeysGuestTest {

    @Test
    void managedKeysGuest_softwareKeystore_everyCheckPasses(@TempDir Path dir) throws IOException {
        CommandResult result;
        Set<String> liveIds;
        try (CryptoHost host = CryptoHost.fromConfig(KeystoreConfig.write(dir))) {
            result = run(host, null, List.of());
            liveIds =
                    host.managedKeys().orElseThrow().list(Optional.empty()).stream()
                            .map(ManagedEntry::id)
                            .collect(Collectors.toSet());
        }

        assertPasses(result, MANAGED_CHECKS);
        assertEquals(
                Map.of(), ManagedKeysRun.skipped(result), "the keystore keeps every algorithm");
        assertFalse(result.stdout().contains(NO_MANAGER), result::describe);
        Map<String, String> kept = kept(result);
        assertEquals(
                Set.of(kept.get("symmetric-key"), kept.get("keypair"), kept.get("secret")),
                liveIds,
                "exactly the kept entries are live: every overflow stored nothing, every"
                        + " invalidation took");
    }

    @Test
    void managedKeysGuest_secondNamespaceAfterRestart_seesNothingOfTheFirst(@TempDir Path dir)
            throws IOException {
        Path config = KeystoreConfig.write(dir);
        Map<String, String> kept;
        try (CryptoHost host = CryptoHost.fromConfig(config)) {
            CommandResult first = run(host, "alpha", List.of());
            assertPasses(first, MANAGED_CHECKS);
            kept = kept(first);
        }

        try (CryptoHost restarted = CryptoHost.fromConfig(config)) {
            CommandResult other = run(restarted, "beta", namespaceArgs("other", kept));
            assertPasses(other, OTHER_NAMESPACE_CHECKS);

            CommandResult same = run(restarted, "alpha-too", namespaceArgs("same", kept));
            assertPasses(same, SAME_NAMESPACE_CHECKS);
        }
    }

    @Test
    void managedKeysGuest_profileWithoutTheAlgorithms_prohibitedOperation(@TempDir Path dir)
            throws IOException {
        try (CryptoHost host = CryptoHost.fromConfig(KeystoreConfig.write(dir))) {
            Map<String, String> kept = kept(run(host, "alpha", List.of()));

            CommandResult restricted =
                    run(host, "alpha-restricted", namespaceArgs("prohibited", kept));

            assertPasses(restricted, PROHIBITED_CHECKS);
        }
    }

    @Test
    void managedKeysGuest_profileWithoutNamespace_namespaceIsTheProfileName(@TempDir Path dir)
            throws IOException {
        try (CryptoHost host = CryptoHost.fromConfig(KeystoreConfig.write(dir))) {
            Map<String, String> kept = kept(run(host, "gamma", List.of()));

            assertPasses(
                    run(host, "gamma-too", namespaceArgs("same", kept)), SAME_NAMESPACE_CHECKS);
            // without a profile the namespace is "default", not gamma
            assertPasses(run(host, null, namespaceArgs("other", kept)), OTHER_NAMESPACE_CHECKS);
        }
    }

    @Test
    void managedKeysGuest_anotherKeystore_findsNoIdAndOpensNoEnvelope(@TempDir Path dir)
            throws IOException {
        Map<String, String> kept;
        try (CryptoHost first = CryptoHost.fromConfig(KeystoreConfig.write(dir.resolve("a")))) {
            kept = kept(run(first, "alpha", List.of()));
        }

        try (CryptoHost second = CryptoHost.fromConfig(KeystoreConfig.write(dir.resolve("b")))) {
            // the same namespace, another store (another key-encryption key)
            assertPasses(
                    run(second, "alpha", namespaceArgs("other", kept)), OTHER_NAMESPACE_CHECKS);
        }
    }

    @Test
    void managedKeysGuest_managedKeysExtractable_managedKeysExport(@TempDir Path dir)
            throws IOException {
        try (CryptoHost host = CryptoHost.fromConfig(KeystoreConfig.write(dir, true))) {
            assertPasses(
                    run(host, null, List.of("extractable")), ManagedKeysRun.EXTRACTABLE_CHECKS);
        }
    }

    @Test
    void managedKeysGuest_hostWithoutKeystore_everyFunctionUnsupportedFeature() {
        CommandResult result;
        try (GuestRunner runner = GuestRunner.withDefaults()) {
            result = runner.runCommand(Guests.wasm("managed_keys"));
        }

        assertPasses(result, UNSUPPORTED_CHECKS);
        assertTrue(result.stdout().contains(NO_MANAGER), result::describe);
    }
}
