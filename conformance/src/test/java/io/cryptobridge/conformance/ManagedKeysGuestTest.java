package io.cryptobridge.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cryptobridge.CryptoHost;
import io.cryptobridge.spi.ManagedEntry;
import io.cryptobridge.spi.SecretStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs guests/src/managed_keys.c: on a host whose software backend keeps a keystore in a temporary
 * folder (every check of the secrets manager), under two namespaces (another namespace's ids are
 * {@code not_found}, across a host restart), and on a host without a secrets manager (every managed
 * function answers {@code unsupported_feature}).
 */
class ManagedKeysGuestTest {
    /** Checks of the full suite on the software keystore (no algorithm skipped). */
    private static final int MANAGED_CHECKS = 367;

    /** Checks when the host has no secrets manager. */
    private static final int UNSUPPORTED_CHECKS = 20;

    /** Checks of a namespace run: open + the lookups + close. */
    private static final int OTHER_NAMESPACE_CHECKS = 12;

    private static final int SAME_NAMESPACE_CHECKS = 6;

    private static final String NO_MANAGER = "# no secrets manager on this host";
    private static final String SKIP = "# SKIP";
    private static final String KEEP = "# keep ";

    @Test
    void managedKeysGuest_softwareKeystore_everyCheckPasses(@TempDir Path dir) throws IOException {
        CommandResult result;
        Set<String> liveIds;
        try (CryptoHost host = CryptoHost.fromConfig(config(dir))) {
            result = run(host, null, List.of());
            liveIds = liveEntries(host).stream().map(ManagedEntry::id).collect(Collectors.toSet());
        }

        assertPasses(result, MANAGED_CHECKS);
        assertFalse(result.stdout().contains(NO_MANAGER), result::describe);
        assertFalse(result.stdout().contains(SKIP), "the keystore keeps every algorithm");
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
        Path config = config(dir);
        Map<String, String> kept;
        try (CryptoHost host = CryptoHost.fromConfig(config)) {
            CommandResult first = run(host, "alpha", List.of());
            assertPasses(first, MANAGED_CHECKS);
            kept = kept(first);
        }
        List<String> ids =
                List.of(
                        kept.get("symmetric-key"),
                        kept.get("keypair"),
                        kept.get("secret"),
                        kept.get("envelope"));

        try (CryptoHost restarted = CryptoHost.fromConfig(config)) {
            CommandResult other = run(restarted, "beta", namespaceArgs("other", ids));
            assertPasses(other, OTHER_NAMESPACE_CHECKS);

            CommandResult same = run(restarted, "alpha-too", namespaceArgs("same", ids));
            assertPasses(same, SAME_NAMESPACE_CHECKS);
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

    private static Path config(Path dir) throws IOException {
        return KeystoreConfig.write(dir);
    }

    private static CommandResult run(CryptoHost host, String profile, List<String> args) {
        try (GuestRunner runner =
                GuestRunner.builder().host(host).profile(profile).arguments(args).build()) {
            return runner.runCommand(Guests.wasm("managed_keys"));
        }
    }

    private static List<String> namespaceArgs(String which, List<String> kept) {
        List<String> args = new ArrayList<>(List.of("namespace", which));
        args.addAll(kept);
        return args;
    }

    /** The live entries of every namespace of the host's secrets manager. */
    private static List<ManagedEntry> liveEntries(CryptoHost host) {
        SecretStore store =
                host.backends().stream()
                        .map(backend -> backend.secretStore())
                        .flatMap(Optional::stream)
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("the host has no secret store"));
        return store.list(Optional.empty());
    }

    /** The "# keep KIND VALUE" lines: what the guest left live for a second run. */
    private static Map<String, String> kept(CommandResult result) {
        Map<String, String> kept = new LinkedHashMap<>();
        for (String line : result.stdoutLines()) {
            if (line.startsWith(KEEP)) {
                String[] parts = line.substring(KEEP.length()).split(" ");
                kept.put(parts[0], parts[1]);
            }
        }
        assertEquals(
                Set.of("symmetric-key", "keypair", "secret", "envelope"),
                kept.keySet(),
                result::describe);
        return kept;
    }

    private static void assertPasses(CommandResult result, int expectedChecks) {
        CheckReport report = result.checks();
        assertEquals(List.of(), report.failed(), result::describe);
        assertEquals(0, result.exitCode(), result::describe);
        assertEquals(OptionalInt.of(report.total()), report.plan(), "plan line matches the checks");
        assertEquals(expectedChecks, report.passed().size(), "number of checks");
        assertTrue(result.stderr().isEmpty(), result::describe);
        assertEquals(0, result.liveHandlesAtExit(), "the guest closes every handle it opened");
    }
}
