package io.cryptobridge.secrets;

import io.cryptobridge.CryptoErrno;
import io.cryptobridge.CryptoException;
import io.cryptobridge.spi.ManagedContent;
import io.cryptobridge.spi.ManagedEntry;
import io.cryptobridge.spi.ManagedKind;
import io.cryptobridge.spi.SecretStore;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;

/**
 * One namespace's view of a {@link SecretStore}: assigns ids, claims version numbers (retrying when
 * another writer wins a version), and resolves the guest's version selectors. Every rule about ids
 * and versions lives here; lookups that find nothing are {@code not_found}, whatever the reason.
 */
final class NamespaceStore {
    /** Writers that keep losing races give up after this many tries (internal_error). */
    private static final int MAX_CLAIMS = 32;

    private final String namespace;
    private final SecretStore store;
    private final SecureRandom random;
    private final Clock clock;

    NamespaceStore(String namespace, SecretStore store, SecureRandom random, Clock clock) {
        this.namespace = namespace;
        this.store = store;
        this.random = random;
        this.clock = clock;
    }

    String namespace() {
        return namespace;
    }

    SecretStore store() {
        return store;
    }

    Clock clock() {
        return clock;
    }

    /** Stores {@code content} as version 1 of a fresh random id. */
    ManagedEntry createNew(ManagedKind kind, String algorithm, long expiration, Content content) {
        byte[] raw = new byte[ManagedEntry.ID_LENGTH / 2];
        random.nextBytes(raw);
        String id = HexFormat.of().formatHex(raw);
        return createNext(kind, id, algorithm, expiration, content);
    }

    /** Stores {@code content} as the next version of {@code id}: highest ever created + 1. */
    ManagedEntry createNext(
            ManagedKind kind, String id, String algorithm, long expiration, Content content) {
        for (int attempt = 0; attempt < MAX_CLAIMS; attempt++) {
            long version = store.highestVersion(namespace, id) + 1;
            if (version == 0 || Long.compareUnsigned(version, ManagedEntry.MAX_VERSION) > 0) {
                throw new CryptoException(CryptoErrno.OVERFLOW, "no version numbers left");
            }
            ManagedEntry entry =
                    new ManagedEntry(
                            namespace,
                            id,
                            version,
                            kind,
                            algorithm,
                            clock.instant().truncatedTo(ChronoUnit.SECONDS),
                            expiration);
            if (store.create(entry, content.of(entry))) {
                return entry;
            }
            // Another writer took this version; wait a little so two losers do not collide again.
            LockSupport.parkNanos(1_000_000L * (1 + random.nextInt(10 + attempt * 5)));
        }
        throw new IllegalStateException(
                "could not claim a version of a managed entry after " + MAX_CLAIMS + " tries");
    }

    /** The content to store under an entry; external secrets seal against the entry itself. */
    @FunctionalInterface
    interface Content {
        ManagedContent of(ManagedEntry entry);
    }

    /**
     * The live entry that {@code version} selects (an exact version or latest) among {@code kinds};
     * not_found for anything else.
     */
    ManagedEntry resolve(byte[] guestId, VersionSelector version, List<ManagedKind> kinds) {
        String id = idOrNotFound(guestId);
        if (version.isExact()) {
            return find(id, version.raw(), kinds).orElseThrow(NamespaceStore::notFound);
        }
        if (version.isLatest()) {
            for (long v = store.highestVersion(namespace, id); v >= 1; v--) {
                Optional<ManagedEntry> entry = find(id, v, kinds);
                if (entry.isPresent()) {
                    return entry.get();
                }
            }
        }
        throw notFound();
    }

    /**
     * Invalidates the live versions that {@code version} selects (exact, latest or all) among
     * {@code kinds}; not_found when none matched.
     */
    List<ManagedEntry> invalidate(
            byte[] guestId, VersionSelector version, List<ManagedKind> kinds) {
        List<ManagedEntry> chosen = new ArrayList<>();
        if (version.isAll()) {
            String id = idOrNotFound(guestId);
            for (long v = store.highestVersion(namespace, id); v >= 1; v--) {
                find(id, v, kinds).ifPresent(chosen::add);
            }
        } else {
            chosen.add(resolve(guestId, version, kinds));
        }
        List<ManagedEntry> done = new ArrayList<>();
        for (ManagedEntry entry : chosen) {
            if (store.invalidate(entry)) {
                done.add(entry);
            }
        }
        if (done.isEmpty()) {
            throw notFound();
        }
        return done;
    }

    private Optional<ManagedEntry> find(String id, long version, List<ManagedKind> kinds) {
        for (ManagedKind kind : kinds) {
            Optional<ManagedEntry> entry = store.find(namespace, id, version, kind);
            if (entry.isPresent()) {
                return entry;
            }
        }
        return Optional.empty();
    }

    private static String idOrNotFound(byte[] guestId) {
        String id = new String(guestId, StandardCharsets.ISO_8859_1);
        if (!ManagedEntry.isId(id)) {
            throw notFound();
        }
        return id;
    }

    static CryptoException notFound() {
        // One message for every reason, so that nothing tells another namespace's ids apart.
        return new CryptoException(CryptoErrno.NOT_FOUND, "no such managed key or secret");
    }
}
