package io.cryptobridge.pkcs11;

import io.cryptobridge.CryptoErrno;
import io.cryptobridge.CryptoException;
import io.cryptobridge.asymmetric.AsymmetricAlgorithm;
import io.cryptobridge.asymmetric.PublicKeyEncoding;
import io.cryptobridge.kx.KxAlgorithm;
import io.cryptobridge.signatures.SignatureAlgorithm;
import io.cryptobridge.spi.BackendKey;
import io.cryptobridge.spi.BackendKeyPair;
import io.cryptobridge.spi.BackendPublicKey;
import io.cryptobridge.spi.ManagedContent;
import io.cryptobridge.spi.ManagedEntry;
import io.cryptobridge.spi.ManagedKind;
import io.cryptobridge.spi.SecretStore;
import io.cryptobridge.symmetric.SymmetricAlgorithm;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import sun.security.pkcs11.wrapper.PKCS11Constants;

/**
 * Managed keys and external secrets as persistent objects on the backend's token (docs/hsm.md,
 * "Managed keys on the token"). Per entry: a record ({@link TokenRecords}) claimed with {@link
 * EntryClaims}, and for keys one persistent key object ({@link PersistentKeys}); external secrets
 * live sealed under the token's KEK ({@link TokenKek}) in the record. Stateless apart from the
 * KEK's handle cache: every answer comes from the token, so several backends and processes may
 * share it.
 */
final class TokenSecretStore implements SecretStore {
    private static final Comparator<ManagedEntry> ORDER =
            Comparator.comparing(ManagedEntry::namespace)
                    .thenComparing(ManagedEntry::id)
                    .thenComparing(ManagedEntry::version, Long::compareUnsigned);

    private final TokenRecords records;
    private final EntryClaims claims;
    private final PersistentKeys keys;
    private final ManagedSources sources;
    private final TokenKek kek;
    private final KeyOwnerSession owner;
    private final SessionPool pool;
    private final HostWriteLock lock;

    TokenSecretStore(
            TokenRecords records,
            PersistentKeys keys,
            ManagedSources sources,
            TokenKek kek,
            KeyOwnerSession owner,
            SessionPool pool,
            HostWriteLock lock) {
        this.records = records;
        this.claims = new EntryClaims(records);
        this.keys = keys;
        this.sources = sources;
        this.kek = kek;
        this.owner = owner;
        this.pool = pool;
        this.lock = lock;
    }

    @Override
    public long highestVersion(String namespace, String id) {
        return records.ofId(namespace, id).stream()
                .mapToLong(r -> r.label().name().version())
                .reduce(0L, (a, b) -> Long.compareUnsigned(a, b) >= 0 ? a : b);
    }

    @Override
    public boolean create(ManagedEntry entry, ManagedContent content) {
        ManagedName name = ManagedName.of(entry);
        try (ManagedSources.Source source = sources.prepare(entry, content)) {
            return lock.locked(() -> store(name, source));
        }
    }

    /** The claim protocol and the persistent copy, under the host's write lock. */
    private boolean store(ManagedName name, ManagedSources.Source source) {
        Optional<Long> claimed = claims.claim(name, source.record());
        if (claimed.isEmpty()) {
            return false;
        }
        long record = claimed.get();
        long keyObject = ManagedSources.NO_OBJECT;
        try {
            if (source.hasKey()) {
                keyObject = keys.persist(source.sessionObject(), name);
            }
            claims.commit(name, record);
            return true;
        } catch (RuntimeException e) {
            if (keyObject != ManagedSources.NO_OBJECT) {
                keys.destroy(keyObject);
            }
            claims.withdraw(record);
            throw e;
        }
    }

    @Override
    public Optional<ManagedEntry> find(
            String namespace, String id, long version, ManagedKind kind) {
        if (!ManagedEntry.isId(id)
                || !ManagedEntry.NAMESPACE_PATTERN.matcher(namespace).matches()) {
            return Optional.empty();
        }
        ManagedName name = new ManagedName(namespace, id, version);
        return records.live(name)
                .map(TokenRecords.Found::record)
                .filter(r -> r.kind() == kind)
                .map(r -> r.entry(name));
    }

    @Override
    public List<ManagedEntry> list(Optional<String> namespace) {
        return records.allLive().stream()
                .filter(
                        f ->
                                namespace.isEmpty()
                                        || f.label().name().namespace().equals(namespace.get()))
                .map(f -> f.record().entry(f.label().name()))
                .sorted(ORDER)
                .toList();
    }

    @Override
    public boolean invalidate(ManagedEntry entry) {
        ManagedName name = ManagedName.of(entry);
        // Looked up under the lock: every store write starts with a search (HostWriteLock).
        return lock.locked(
                () -> {
                    Optional<TokenRecords.Found> live = records.live(name);
                    if (live.isEmpty() || live.get().record().kind() != entry.kind()) {
                        return false;
                    }
                    // Tombstone first: the version stays taken at every moment; then the entry
                    // disappears for readers; then its material goes.
                    records.create(name, RecordState.INVALIDATED, live.get().record().tombstone());
                    records.destroy(live.get().handle());
                    keys.destroyAll(name);
                    return true;
                });
    }

    @Override
    public BackendKey loadSymmetricKey(ManagedEntry entry) {
        ManagedName name = ManagedName.of(entry);
        EntryRecord record = liveRecord(name, ManagedKind.SYMMETRIC_KEY);
        SymmetricAlgorithm algorithm = SymmetricAlgorithm.parse(record.algorithm());
        PersistentKeys.Loaded loaded = keys.load(name, PKCS11Constants.CKO_SECRET_KEY);
        return new TokenKey(
                algorithm, loaded.created(), loaded.extractable(), record.shape(), owner, pool);
    }

    @Override
    public BackendKeyPair loadKeyPair(ManagedEntry entry) {
        if (!entry.kind().isKeyPair()) {
            throw notFound(ManagedName.of(entry));
        }
        ManagedName name = ManagedName.of(entry);
        EntryRecord record = liveRecord(name, entry.kind());
        TokenAsymmetricKeys family = sources.family(entry.kind());
        AsymmetricAlgorithm algorithm =
                entry.kind() == ManagedKind.KX_KEY_PAIR
                        ? KxAlgorithm.parse(record.algorithm())
                        : SignatureAlgorithm.parse(record.algorithm());
        if (!family.supports(algorithm)) {
            throw sources.cannotKeep(algorithm.specName());
        }
        BackendPublicKey publicKey =
                family.software()
                        .importPublicKey(algorithm, PublicKeyEncoding.PKCS8, record.publicKey());
        PersistentKeys.Loaded loaded = keys.load(name, PKCS11Constants.CKO_PRIVATE_KEY);
        return family.wrap(algorithm, loaded.owned(), loaded.extractable(), publicKey);
    }

    @Override
    public byte[] loadSecret(ManagedEntry entry) {
        return liveRecord(ManagedName.of(entry), ManagedKind.EXTERNAL_SECRET).sealed();
    }

    @Override
    public byte[] seal(byte[] plaintext, byte[] associatedData) {
        return kek.seal(plaintext, associatedData);
    }

    @Override
    public byte[] unseal(byte[] sealed, byte[] associatedData) {
        return kek.unseal(sealed, associatedData);
    }

    private EntryRecord liveRecord(ManagedName name, ManagedKind kind) {
        return records.live(name)
                .map(TokenRecords.Found::record)
                .filter(r -> r.kind() == kind)
                .orElseThrow(() -> notFound(name));
    }

    private static CryptoException notFound(ManagedName name) {
        return new CryptoException(
                CryptoErrno.NOT_FOUND,
                "no live managed entry " + name.keyLabel() + " on the token");
    }

    @Override
    public String toString() {
        return "TokenSecretStore";
    }
}
