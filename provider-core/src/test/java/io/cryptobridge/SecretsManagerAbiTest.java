package io.cryptobridge;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cryptobridge.config.GuestProfile;
import io.cryptobridge.routing.FakeBackend;
import io.cryptobridge.secrets.VersionSelector;
import io.cryptobridge.spi.ManagedEntry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The secrets manager's rules as a guest meets them through the ABI: ids, versions, latest/all,
 * namespaces, invalidation, external secrets and every errno, over an in-memory store.
 */
class SecretsManagerAbiTest {
    private static final long NOW = 1_800_000_000L;
    private static final long LATEST = VersionSelector.LATEST;
    private static final long ALL = VersionSelector.ALL;
    private static final int OK = 0;

    private StoreBackend backend;
    private CryptoHost host;
    private GuestSession session;
    private HostCalls guest;
    private int manager;

    @BeforeEach
    void setUp() {
        backend = new StoreBackend("vault", "AES-256-GCM", "AES-128-GCM", "Ed25519", "X25519");
        host =
                CryptoHost.builder()
                        .backend(backend)
                        .clock(Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC))
                        .guest(profile("alice", "team-a"))
                        .guest(profile("bob", "team-b"))
                        .guest(profile("alice-twin", "team-a"))
                        .build();
        session = host.newSession("alice");
        guest = new HostCalls(session);
        manager = open(guest);
    }

    @AfterEach
    void tearDown() {
        session.close();
        host.close();
    }

    private static GuestProfile profile(String name, String namespace) {
        return new GuestProfile(name, namespace, null, SessionLimits.DEFAULT, 0);
    }

    private static int open(HostCalls calls) {
        int out = calls.slot();
        assertEquals(OK, calls.call("secrets_manager_open", calls.none(), out));
        return calls.i32(out);
    }

    private int generateKey(String algorithm) {
        int out = guest.slot();
        assertEquals(
                OK,
                guest.call(
                        "symmetric_key_generate_managed",
                        manager,
                        guest.put(algorithm),
                        algorithm.length(),
                        guest.none(),
                        out));
        return guest.i32(out);
    }

    private int importKey(String algorithm, byte[] raw) {
        int out = guest.slot();
        assertEquals(
                OK,
                guest.call(
                        "symmetric_key_import",
                        guest.put(algorithm),
                        algorithm.length(),
                        guest.put(raw),
                        raw.length,
                        out));
        return guest.i32(out);
    }

    /** symmetric_key_id: the id text and the version. */
    private String keyId(int key) {
        int buffer = guest.put(new byte[64]);
        int size = guest.slot();
        int version = guest.slot();
        assertEquals(OK, guest.call("symmetric_key_id", key, buffer, 64, size, version));
        assertEquals(ManagedEntry.ID_LENGTH, guest.i32(size));
        return new String(guest.bytes(buffer, guest.i32(size)), StandardCharsets.US_ASCII);
    }

    private long keyVersion(int key) {
        int version = guest.slot();
        guest.call("symmetric_key_id", key, guest.put(new byte[32]), 32, guest.slot(), version);
        return guest.i64(version);
    }

    private int fromId(HostCalls calls, int sm, String id, long version) {
        int out = calls.slot();
        return calls.call("symmetric_key_from_id", sm, calls.put(id), id.length(), version, out);
    }

    private int replace(int old, int replacement, int versionOut) {
        return guest.call("symmetric_key_replace_managed", manager, old, replacement, versionOut);
    }

    @Test
    void generateManaged_givesAFixedLengthRandomHexIdAndVersionOne() {
        int key = generateKey("AES-256-GCM");
        String id = keyId(key);
        assertTrue(ManagedEntry.isId(id), id);
        assertEquals(1, keyVersion(key));
        assertTrue(!id.equals(keyId(generateKey("AES-256-GCM"))), "ids must differ");
        assertEquals(OK, fromId(guest, manager, id, LATEST));
        assertEquals(OK, fromId(guest, manager, id, 1));
    }

    @Test
    void exportOfAManagedKey_isProhibited() {
        int key = generateKey("AES-256-GCM");
        assertEquals(
                CryptoErrno.PROHIBITED_OPERATION.code(),
                guest.call("symmetric_key_export", key, guest.slot()));
    }

    @Test
    void storeManaged_shortBuffer_overflowsAndStoresNothing() {
        int key = importKey("AES-128-GCM", new byte[16]);
        int buffer = guest.put(new byte[31]);
        assertEquals(
                CryptoErrno.OVERFLOW.code(),
                guest.call("symmetric_key_store_managed", manager, key, buffer, 31));
        assertEquals(0, backend.store.list(Optional.empty()).size());
        assertEquals(
                CryptoErrno.UNSUPPORTED_FEATURE.code(),
                guest.call(
                        "symmetric_key_id",
                        key,
                        guest.put(new byte[32]),
                        32,
                        guest.slot(),
                        guest.slot()));
    }

    @Test
    void storeManaged_writesTheIdAndMakesTheHandleManaged() {
        int key = importKey("AES-128-GCM", new byte[16]);
        int buffer = guest.put(new byte[32]);
        assertEquals(OK, guest.call("symmetric_key_store_managed", manager, key, buffer, 32));
        String written = new String(guest.bytes(buffer, 32), StandardCharsets.US_ASCII);
        assertEquals(written, keyId(key));
        assertEquals(1, backend.store.list(Optional.of("team-a")).size());
        // Storing it again keeps its id and stores nothing new.
        assertEquals(OK, guest.call("symmetric_key_store_managed", manager, key, buffer, 32));
        assertEquals(1, backend.store.list(Optional.empty()).size());
    }

    @Test
    void replace_growsTheVersionClosesTheOldHandleAndKeepsTheId() {
        int old = generateKey("AES-256-GCM");
        String id = keyId(old);
        int replacement = importKey("AES-256-GCM", new byte[32]);
        int version = guest.slot();
        assertEquals(OK, replace(old, replacement, version));
        assertEquals(2, guest.i64(version));
        assertEquals(id, keyId(replacement));
        assertEquals(2, keyVersion(replacement));
        assertEquals(CryptoErrno.CLOSED.code(), guest.call("symmetric_key_close", old));
        assertEquals(OK, fromId(guest, manager, id, 1));
        assertEquals(OK, fromId(guest, manager, id, 2));
    }

    @Test
    void replace_lostRace_takesTheNextFreeVersion() {
        int old = generateKey("AES-256-GCM");
        backend.store.takenVersion(2);
        int version = guest.slot();
        assertEquals(OK, replace(old, importKey("AES-256-GCM", new byte[32]), version));
        assertEquals(4, guest.i64(version));
    }

    @Test
    void replace_errors() {
        int managed = generateKey("AES-256-GCM");
        int other = importKey("AES-128-GCM", new byte[16]);
        int unmanaged = importKey("AES-256-GCM", new byte[32]);
        int version = guest.slot();
        assertEquals(CryptoErrno.INCOMPATIBLE_KEYS.code(), replace(managed, other, version));
        assertEquals(CryptoErrno.UNSUPPORTED_FEATURE.code(), replace(unmanaged, managed, version));
        assertEquals(CryptoErrno.INVALID_HANDLE.code(), replace(managed, managed, version));
        assertEquals(HostCalls.UNTOUCHED, guest.i32(version));
    }

    @Test
    void invalidate_latestThenAll_neverReusesAVersion() {
        int old = generateKey("AES-256-GCM");
        String id = keyId(old);
        int second = importKey("AES-256-GCM", new byte[32]);
        assertEquals(OK, replace(old, second, guest.slot()));
        int idPtr = guest.put(id);
        assertEquals(OK, guest.call("secrets_manager_invalidate", manager, idPtr, 32, LATEST));
        assertEquals(CryptoErrno.NOT_FOUND.code(), fromId(guest, manager, id, 2));
        int out = guest.slot();
        assertEquals(
                OK, guest.call("symmetric_key_from_id", manager, guest.put(id), 32, LATEST, out));
        assertEquals(1, keyVersion(guest.i32(out)));
        assertEquals(OK, guest.call("secrets_manager_invalidate", manager, idPtr, 32, ALL));
        assertEquals(CryptoErrno.NOT_FOUND.code(), fromId(guest, manager, id, LATEST));
        assertEquals(
                CryptoErrno.NOT_FOUND.code(),
                guest.call("secrets_manager_invalidate", manager, idPtr, 32, ALL));
        // Handles opened before still work, and the next version is 3, not a reused 2.
        int version = guest.slot();
        assertEquals(OK, replace(second, importKey("AES-256-GCM", new byte[32]), version));
        assertEquals(3, guest.i64(version));
    }

    @Test
    void fromId_unknownMalformedWrongKindOrReservedVersion_notFound() {
        String id = keyId(generateKey("AES-256-GCM"));
        int pair = guest.slot();
        assertEquals(
                CryptoErrno.NOT_FOUND.code(),
                guest.call("keypair_from_id", manager, guest.put(id), 32, LATEST, pair));
        assertEquals(CryptoErrno.NOT_FOUND.code(), fromId(guest, manager, id, ALL));
        assertEquals(
                CryptoErrno.NOT_FOUND.code(),
                fromId(guest, manager, id, VersionSelector.UNSPECIFIED));
        assertEquals(CryptoErrno.NOT_FOUND.code(), fromId(guest, manager, id, 2));
        assertEquals(CryptoErrno.NOT_FOUND.code(), fromId(guest, manager, "0".repeat(32), 1));
        assertEquals(CryptoErrno.NOT_FOUND.code(), fromId(guest, manager, id.toUpperCase(), 1));
        assertEquals(CryptoErrno.NOT_FOUND.code(), fromId(guest, manager, "short", 1));
    }

    @Test
    void anotherNamespace_seesNothing_theSameNamespaceSeesEverything() {
        String id = keyId(generateKey("AES-256-GCM"));
        try (GuestSession bob = host.newSession("bob");
                GuestSession twin = host.newSession("alice-twin")) {
            HostCalls bobCalls = new HostCalls(bob);
            assertEquals(CryptoErrno.NOT_FOUND.code(), fromId(bobCalls, open(bobCalls), id, 1));
            HostCalls twinCalls = new HostCalls(twin);
            assertEquals(OK, fromId(twinCalls, open(twinCalls), id, 1));
        }
    }

    @Test
    void keyPairs_generateStoreIdAndReload() {
        int out = guest.slot();
        assertEquals(
                OK,
                guest.call(
                        "keypair_generate_managed",
                        manager,
                        HostCalls.SIGNATURES,
                        guest.put("Ed25519"),
                        7,
                        guest.none(),
                        out));
        int pair = guest.i32(out);
        int buffer = guest.put(new byte[40]);
        int size = guest.slot();
        int version = guest.slot();
        assertEquals(OK, guest.call("keypair_id", pair, buffer, 40, size, version));
        assertEquals(32, guest.i32(size));
        assertEquals(1, guest.i64(version));
        int loaded = guest.slot();
        assertEquals(OK, guest.call("keypair_from_id", manager, buffer, 32, LATEST, loaded));
        assertEquals(
                CryptoErrno.OVERFLOW.code(),
                guest.call("keypair_id", pair, buffer, 31, guest.slot(), guest.slot()));
        int unmanaged = guest.slot();
        assertEquals(OK, guest.generateKeyPair(HostCalls.KEY_EXCHANGE, "X25519", unmanaged));
        assertEquals(
                CryptoErrno.UNSUPPORTED_FEATURE.code(),
                guest.call("keypair_id", guest.i32(unmanaged), buffer, 40, size, version));
        assertEquals(
                CryptoErrno.NOT_FOUND.code(),
                guest.call("symmetric_key_from_id", manager, buffer, 32, LATEST, guest.slot()));
    }

    @Test
    void openWithAnOptionSet_unsupportedOption_closeTwice_closed() {
        int options = guest.slot();
        assertEquals(OK, guest.call("options_open", HostCalls.SYMMETRIC, options));
        int handle = guest.i32(options);
        assertEquals(
                OK, guest.call("options_set", handle, guest.put("context"), 7, guest.put("x"), 1));
        assertEquals(
                CryptoErrno.UNSUPPORTED_OPTION.code(),
                guest.call("secrets_manager_open", guest.some(handle), guest.slot()));
        assertEquals(OK, guest.call("secrets_manager_close", manager));
        assertEquals(CryptoErrno.CLOSED.code(), guest.call("secrets_manager_close", manager));
        assertEquals(
                CryptoErrno.INVALID_HANDLE.code(),
                guest.call(
                        "symmetric_key_generate_managed",
                        manager,
                        guest.put("AES-256-GCM"),
                        11,
                        guest.none(),
                        guest.slot()));
    }

    @Test
    void hostWithoutStore_answersUnsupportedFeatureEverywhere() {
        try (CryptoHost plain =
                        CryptoHost.builder().backend(new FakeBackend("f", "AES-256-GCM")).build();
                GuestSession s = plain.newSession()) {
            HostCalls calls = new HostCalls(s);
            int code = CryptoErrno.UNSUPPORTED_FEATURE.code();
            assertEquals(code, calls.call("secrets_manager_open", calls.none(), calls.slot()));
            assertEquals(code, calls.call("secrets_manager_close", 0));
            assertEquals(code, calls.call("secrets_manager_invalidate", 0, calls.put("x"), 1, 1L));
            assertEquals(code, calls.call("symmetric_key_from_id", 0, calls.put("x"), 1, 1L, 64));
            assertEquals(code, calls.call("keypair_from_id", 0, calls.put("x"), 1, 1L, 64));
            assertEquals(code, calls.call("external_secret_decapsulate", 0, calls.put("x"), 1, 64));
        }
    }

    // ---- external secrets

    private String storeSecret(byte[] secret, long expiration) {
        int buffer = guest.put(new byte[32]);
        assertEquals(
                OK,
                guest.call(
                        "external_secret_store",
                        manager,
                        guest.put(secret),
                        secret.length,
                        expiration,
                        buffer,
                        32));
        return new String(guest.bytes(buffer, 32), StandardCharsets.US_ASCII);
    }

    private byte[] pull(int arrayOutput) {
        int len = guest.slot();
        assertEquals(OK, guest.call("array_output_len", arrayOutput, len));
        int buffer = guest.put(new byte[guest.i32(len)]);
        int n = guest.slot();
        assertEquals(OK, guest.call("array_output_pull", arrayOutput, buffer, guest.i32(len), n));
        return guest.bytes(buffer, guest.i32(n));
    }

    @Test
    void externalSecret_storeReplaceFromIdInvalidate() {
        byte[] first = "first secret".getBytes(StandardCharsets.UTF_8);
        String id = storeSecret(first, NOW + 60);
        int out = guest.slot();
        assertEquals(
                OK, guest.call("external_secret_from_id", manager, guest.put(id), 32, LATEST, out));
        assertArrayEquals(first, pull(guest.i32(out)));
        byte[] second = "second".getBytes(StandardCharsets.UTF_8);
        int version = guest.slot();
        assertEquals(
                OK,
                guest.call(
                        "external_secret_replace",
                        manager,
                        guest.put(second),
                        second.length,
                        NOW + 60,
                        guest.put(id),
                        32,
                        version));
        assertEquals(2, guest.i64(version));
        assertEquals(
                OK, guest.call("external_secret_from_id", manager, guest.put(id), 32, 2L, out));
        assertArrayEquals(second, pull(guest.i32(out)));
        assertEquals(OK, guest.call("external_secret_invalidate", manager, guest.put(id), 32, 1L));
        assertEquals(
                CryptoErrno.NOT_FOUND.code(),
                guest.call("external_secret_from_id", manager, guest.put(id), 32, 1L, out));
        // A secret's id is not a key's.
        assertEquals(
                CryptoErrno.NOT_FOUND.code(),
                guest.call("secrets_manager_invalidate", manager, guest.put(id), 32, ALL));
    }

    @Test
    void externalSecret_pastExpirationOrTampered_expiredOrVerificationFailed() {
        int buffer = guest.put(new byte[32]);
        assertEquals(
                CryptoErrno.EXPIRED.code(),
                guest.call("external_secret_store", manager, guest.put("s"), 1, NOW, buffer, 32));
        assertEquals(
                CryptoErrno.OVERFLOW.code(),
                guest.call(
                        "external_secret_store", manager, guest.put("s"), 1, NOW + 9, buffer, 31));
        assertEquals(0, backend.store.list(Optional.empty()).size());
        String id = storeSecret(new byte[] {1, 2, 3}, NOW + 1);
        ManagedEntry entry = backend.store.list(Optional.empty()).get(0);
        backend.store.tamper(entry);
        assertEquals(
                CryptoErrno.VERIFICATION_FAILED.code(),
                guest.call(
                        "external_secret_from_id",
                        manager,
                        guest.put(id),
                        32,
                        LATEST,
                        guest.slot()));
    }

    @Test
    void encapsulate_roundTripsAndRejectsTamperingOtherNamespacesAndExpiry() {
        byte[] secret = "wrapped".getBytes(StandardCharsets.UTF_8);
        int out = guest.slot();
        assertEquals(
                OK,
                guest.call(
                        "external_secret_encapsulate",
                        manager,
                        guest.put(secret),
                        secret.length,
                        NOW + 5,
                        out));
        byte[] envelope = pull(guest.i32(out));
        assertEquals(OK, decapsulate(guest, manager, envelope, out));
        assertArrayEquals(secret, pull(guest.i32(out)));
        byte[] tampered = envelope.clone();
        tampered[tampered.length - 1] ^= 1;
        assertEquals(
                CryptoErrno.VERIFICATION_FAILED.code(), decapsulate(guest, manager, tampered, out));
        byte[] moreTime = envelope.clone();
        moreTime[11] += 1; // the expiration's last byte
        assertEquals(
                CryptoErrno.VERIFICATION_FAILED.code(), decapsulate(guest, manager, moreTime, out));
        try (GuestSession bob = host.newSession("bob")) {
            HostCalls bobCalls = new HostCalls(bob);
            assertEquals(
                    CryptoErrno.VERIFICATION_FAILED.code(),
                    decapsulate(bobCalls, open(bobCalls), envelope, bobCalls.slot()));
        }
        try (CryptoHost later =
                        CryptoHost.builder()
                                .backend(backend)
                                .clock(Clock.fixed(Instant.ofEpochSecond(NOW + 6), ZoneOffset.UTC))
                                .build();
                GuestSession s = later.newSession()) {
            // another namespace ("default"): verification fails before expiry is looked at
            HostCalls calls = new HostCalls(s);
            assertEquals(
                    CryptoErrno.VERIFICATION_FAILED.code(),
                    decapsulate(calls, open(calls), envelope, calls.slot()));
        }
        assertEquals(
                CryptoErrno.EXPIRED.code(),
                guest.call(
                        "external_secret_encapsulate",
                        manager,
                        guest.put(secret),
                        secret.length,
                        NOW,
                        out));
    }

    @Test
    void decapsulate_afterExpiration_expired() {
        byte[] secret = {9};
        int out = guest.slot();
        assertEquals(
                OK,
                guest.call(
                        "external_secret_encapsulate",
                        manager,
                        guest.put(secret),
                        1,
                        NOW + 5,
                        out));
        byte[] envelope = pull(guest.i32(out));
        try (CryptoHost later =
                        CryptoHost.builder()
                                .backend(backend)
                                .clock(Clock.fixed(Instant.ofEpochSecond(NOW + 6), ZoneOffset.UTC))
                                .guest(profile("alice", "team-a"))
                                .build();
                GuestSession s = later.newSession("alice")) {
            HostCalls calls = new HostCalls(s);
            assertEquals(
                    CryptoErrno.EXPIRED.code(),
                    decapsulate(calls, open(calls), envelope, calls.slot()));
        }
    }

    private static int decapsulate(HostCalls calls, int sm, byte[] envelope, int out) {
        return calls.call(
                "external_secret_decapsulate", sm, calls.put(envelope), envelope.length, out);
    }
}
