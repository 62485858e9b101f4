package io.cryptobridge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cryptobridge.secrets.ManagedKeys;
import io.cryptobridge.spi.BackendKey;
import io.cryptobridge.spi.BackendKeyPair;
import io.cryptobridge.spi.ManagedContent;
import io.cryptobridge.spi.ManagedEntry;
import io.cryptobridge.spi.ManagedKind;
import io.cryptobridge.spi.SecretStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cryptobridge keys}: argument errors and the no-secrets-manager message through {@link
 * Main}; the table and invalidation over a store held in memory (the real keystore across
 * processes: {@code KeysJarIT}).
 */
class KeysTest {
    private static final String ED_ID = "0123456789abcdef0123456789abcdef";
    private static final String AES_ID = "fedcba9876543210fedcba9876543210";
    private static final Instant CREATED = Instant.parse("2026-11-21T14:00:00Z");

    @TempDir Path dir;

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private final Map<String, String> environment = new HashMap<>();

    private int main(String... args) {
        return new Main(
                        new ByteArrayInputStream(new byte[0]),
                        stdout,
                        new PrintStream(stderr, true, StandardCharsets.UTF_8),
                        environment::get)
                .run(args);
    }

    private String err() {
        return stderr.toString(StandardCharsets.UTF_8);
    }

    @Test
    void help_describesTheKeysCommand() {
        assertEquals(0, main("--help"));
        String help = stdout.toString(StandardCharsets.UTF_8);
        assertTrue(help.contains("cryptobridge keys list|show ID|invalidate ID"), help);
        assertTrue(help.contains("--namespace NS"), help);
    }

    @Test
    void keysList_noConfig_readsTheDefaultKeystoreWithoutCreatingIt() {
        Path keystore = dir.resolve("default-keystore");
        environment.put(DefaultHost.KEYSTORE_VARIABLE, keystore.toString());

        assertEquals(0, main("keys", "list"), err());

        assertEquals(
                "no managed keys or external secrets (secrets manager: software)\n",
                stdout.toString(StandardCharsets.UTF_8));
        assertFalse(Files.exists(keystore), "listing an empty keystore creates nothing");
    }

    @Test
    void keysList_configWithoutSecretsManager_namesTheFile() throws IOException {
        Path config =
                Files.writeString(dir.resolve("c.yaml"), "backends:\n  soft: {type: software}\n");

        assertEquals(1, main("keys", "list", "--config", config.toString()));
        assertTrue(
                err().startsWith("cryptobridge: keys: " + config + " configures no secrets"),
                err());
        assertEquals(1, err().lines().count(), err());
    }

    @Test
    void keysShow_malformedId_isAUsageError() {
        assertEquals(2, main("keys", "show", "ABC"));
        assertTrue(
                err().startsWith(
                                "cryptobridge: 'ABC' is no managed id (32 lowercase hex"
                                        + " characters)\n"
                                        + Keys.USAGE),
                err());
    }

    @Test
    void keysInvalidate_badVersion_isAUsageError() {
        assertEquals(2, main("keys", "invalidate", ED_ID, "--version", "0"));
        assertTrue(err().startsWith("cryptobridge: --version: '0' is no version"), err());
    }

    @Test
    void keys_missingOrUnknownAction_isAUsageError() {
        assertEquals(2, main("keys"));
        assertEquals(2, main("keys", "delete", ED_ID));
        assertTrue(err().contains("unknown keys action 'delete'"), err());
    }

    @Test
    void parse_versionOutsideInvalidate_isRefused() {
        UsageException e =
                assertThrows(
                        UsageException.class,
                        () -> Keys.parse(List.of("show", ED_ID, "--version", "1")));
        assertEquals("--version belongs to keys invalidate", e.getMessage());
    }

    @Test
    void list_twoNamespaces_tableOfEveryLiveEntryWithoutMaterial() {
        MemoryStore store = new MemoryStore();
        store.add("payments", ED_ID, 1, ManagedKind.SIGNATURE_KEY_PAIR, "Ed25519");
        store.add("payments", ED_ID, 2, ManagedKind.SIGNATURE_KEY_PAIR, "Ed25519");
        store.add("reports", AES_ID, 1, ManagedKind.SYMMETRIC_KEY, "AES-256-GCM");

        String out = run(store, "list");

        assertEquals(
                """
                id                                version  kind               algorithm    namespace  created               expires
                0123456789abcdef0123456789abcdef  1        signature-keypair  Ed25519      payments   2026-11-21T14:00:00Z  -
                0123456789abcdef0123456789abcdef  2        signature-keypair  Ed25519      payments   2026-11-21T14:00:00Z  -
                fedcba9876543210fedcba9876543210  1        symmetric-key      AES-256-GCM  reports    2026-11-21T14:00:00Z  -
                """,
                out);
    }

    @Test
    void list_namespaceOption_onlyThatNamespace() {
        MemoryStore store = new MemoryStore();
        store.add("payments", ED_ID, 1, ManagedKind.SIGNATURE_KEY_PAIR, "Ed25519");
        store.add("reports", AES_ID, 1, ManagedKind.SYMMETRIC_KEY, "AES-256-GCM");

        String out = run(store, "list", "--namespace", "reports");

        assertFalse(out.contains(ED_ID), out);
        assertTrue(out.contains(AES_ID), out);
        assertEquals(
                "no managed keys or external secrets in namespace nobody (secrets manager: soft)\n",
                run(store, "list", "--namespace", "nobody"));
    }

    @Test
    void show_externalSecret_showsItsExpiration() {
        MemoryStore store = new MemoryStore();
        store.add(
                new ManagedEntry(
                        "default",
                        AES_ID,
                        3,
                        ManagedKind.EXTERNAL_SECRET,
                        ManagedEntry.SECRET_ALGORITHM,
                        CREATED,
                        1_800_000_000L));

        String out = run(store, "show", AES_ID);

        assertTrue(
                out.endsWith(
                        "  3        external-secret  secret     default    2026-11-21T14:00:00Z  2027-01-15T08:00:00Z\n"),
                out);
    }

    @Test
    void show_unknownId_oneLineError() {
        HostException e =
                assertThrows(HostException.class, () -> run(new MemoryStore(), "show", ED_ID));
        assertEquals("keys: no live key or secret with id " + ED_ID, e.getMessage());
    }

    @Test
    void invalidate_latest_removesOnlyTheHighestLiveVersion() {
        MemoryStore store = new MemoryStore();
        store.add("payments", ED_ID, 1, ManagedKind.SIGNATURE_KEY_PAIR, "Ed25519");
        store.add("payments", ED_ID, 2, ManagedKind.SIGNATURE_KEY_PAIR, "Ed25519");

        String out = run(store, "invalidate", ED_ID, "--version", "latest");

        assertEquals(
                "invalidated "
                        + ED_ID
                        + " version 2 (signature-keypair, Ed25519, namespace payments)\n",
                out);
        assertEquals(List.of(1L), store.liveVersions(ED_ID));
    }

    @Test
    void invalidate_default_removesEveryVersion() {
        MemoryStore store = new MemoryStore();
        store.add("payments", ED_ID, 1, ManagedKind.SIGNATURE_KEY_PAIR, "Ed25519");
        store.add("payments", ED_ID, 2, ManagedKind.SIGNATURE_KEY_PAIR, "Ed25519");

        String out = run(store, "invalidate", ED_ID);

        assertEquals(2, out.lines().count(), out);
        assertEquals(List.of(), store.liveVersions(ED_ID));
    }

    @Test
    void invalidate_versionNotLive_oneLineErrorAndNothingChanges() {
        MemoryStore store = new MemoryStore();
        store.add("payments", ED_ID, 1, ManagedKind.SIGNATURE_KEY_PAIR, "Ed25519");

        HostException e =
                assertThrows(
                        HostException.class,
                        () -> run(store, "invalidate", ED_ID, "--version", "7"));
        assertEquals(
                "keys: id "
                        + ED_ID
                        + " has no live version 7 (see cryptobridge keys show "
                        + ED_ID
                        + ")",
                e.getMessage());
        assertEquals(List.of(1L), store.liveVersions(ED_ID));
    }

    @Test
    void invalidate_otherNamespace_unknownId() {
        MemoryStore store = new MemoryStore();
        store.add("payments", ED_ID, 1, ManagedKind.SIGNATURE_KEY_PAIR, "Ed25519");

        assertThrows(
                HostException.class,
                () -> run(store, "invalidate", ED_ID, "--namespace", "reports"));
        assertEquals(List.of(1L), store.liveVersions(ED_ID));
    }

    private static String run(MemoryStore store, String... args) {
        StringBuilder out = new StringBuilder();
        Keys.run(new ManagedKeys("soft", store), Keys.parse(List.of(args)), out);
        return out.toString();
    }

    /** Entries only, no material: what the keys command reads. */
    private static final class MemoryStore implements SecretStore {
        private final List<ManagedEntry> live = new ArrayList<>();

        void add(String namespace, String id, long version, ManagedKind kind, String algorithm) {
            add(new ManagedEntry(namespace, id, version, kind, algorithm, CREATED, 0));
        }

        void add(ManagedEntry entry) {
            live.add(entry);
        }

        List<Long> liveVersions(String id) {
            return live.stream()
                    .filter(e -> e.id().equals(id))
                    .map(ManagedEntry::version)
                    .sorted()
                    .toList();
        }

        @Override
        public List<ManagedEntry> list(Optional<String> namespace) {
            return live.stream()
                    .filter(e -> namespace.map(e.namespace()::equals).orElse(true))
                    .sorted(
                            Comparator.comparing(ManagedEntry::namespace)
                                    .thenComparing(ManagedEntry::id)
                                    .thenComparingLong(ManagedEntry::version))
                    .toList();
        }

        @Override
        public boolean invalidate(ManagedEntry entry) {
            return live.remove(entry);
        }

        @Override
        public long highestVersion(String namespace, String id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean create(ManagedEntry entry, ManagedContent content) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<ManagedEntry> find(
                String namespace, String id, long version, ManagedKind kind) {
            throw new UnsupportedOperationException();
        }

        @Override
        public BackendKey loadSymmetricKey(ManagedEntry entry) {
            throw new UnsupportedOperationException();
        }

        @Override
        public BackendKeyPair loadKeyPair(ManagedEntry entry) {
            throw new UnsupportedOperationException();
        }

        @Override
        public byte[] loadSecret(ManagedEntry entry) {
            throw new UnsupportedOperationException();
        }

        @Override
        public byte[] seal(byte[] plaintext, byte[] associatedData) {
            throw new UnsupportedOperationException();
        }

        @Override
        public byte[] unseal(byte[] sealed, byte[] associatedData) {
            throw new UnsupportedOperationException();
        }
    }
}
