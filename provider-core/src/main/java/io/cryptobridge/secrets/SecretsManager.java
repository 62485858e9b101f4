package io.cryptobridge.secrets;

import io.cryptobridge.AlgorithmType;
import io.cryptobridge.CryptoErrno;
import io.cryptobridge.CryptoException;
import io.cryptobridge.GuestPolicy;
import io.cryptobridge.asymmetric.AsymmetricAlgorithm;
import io.cryptobridge.asymmetric.KeyPair;
import io.cryptobridge.kx.KxAlgorithm;
import io.cryptobridge.signatures.SignatureAlgorithm;
import io.cryptobridge.spi.AsymmetricKeyPrimitives;
import io.cryptobridge.spi.Backend;
import io.cryptobridge.spi.ManagedContent;
import io.cryptobridge.spi.ManagedEntry;
import io.cryptobridge.spi.ManagedKind;
import io.cryptobridge.spi.SymmetricPrimitives;
import io.cryptobridge.symmetric.SymmetricAlgorithm;
import io.cryptobridge.symmetric.SymmetricKey;
import java.util.List;
import java.util.Optional;

/**
 * What one {@code secrets_manager} handle reaches: the managed keys of the guest's namespace in the
 * host's secret store, and its external secrets ({@link #externalSecrets()}). Keys it returns are
 * loaded copies, usable like any other key and independent of later invalidation.
 */
public final class SecretsManager {
    private static final List<ManagedKind> SYMMETRIC = List.of(ManagedKind.SYMMETRIC_KEY);
    private static final List<ManagedKind> KEY_PAIRS =
            List.of(ManagedKind.SIGNATURE_KEY_PAIR, ManagedKind.KX_KEY_PAIR);
    private static final List<ManagedKind> KEYS =
            List.of(
                    ManagedKind.SYMMETRIC_KEY,
                    ManagedKind.SIGNATURE_KEY_PAIR,
                    ManagedKind.KX_KEY_PAIR);

    private final Backend backend;
    private final NamespaceStore entries;
    private final GuestPolicy policy;
    private final ExternalSecrets externalSecrets;

    SecretsManager(Backend backend, NamespaceStore entries, GuestPolicy policy) {
        this.backend = backend;
        this.entries = entries;
        this.policy = policy;
        this.externalSecrets = new ExternalSecrets(entries);
    }

    /** The namespace whose keys this manager sees. */
    public String namespace() {
        return entries.namespace();
    }

    public ExternalSecrets externalSecrets() {
        return externalSecrets;
    }

    // ---- symmetric keys

    /** Generates a key inside the store as version 1 of a new id. */
    public SymmetricKey generateSymmetricKey(SymmetricAlgorithm algorithm) {
        symmetricPrimitives(algorithm);
        ManagedEntry entry =
                entries.createNew(
                        ManagedKind.SYMMETRIC_KEY,
                        algorithm.specName(),
                        0,
                        e -> new ManagedContent.NewSymmetricKey(algorithm));
        return loadSymmetricKey(entry);
    }

    /** Stores a copy of {@code key} as version 1 of a new id; a managed key is returned as is. */
    public SymmetricKey storeSymmetricKey(SymmetricKey key) {
        if (key.managed().isPresent()) {
            return key;
        }
        symmetricPrimitives(key.algorithm());
        ManagedEntry entry =
                entries.createNew(
                        ManagedKind.SYMMETRIC_KEY, key.algorithm().specName(), 0, e -> copyOf(key));
        return loadSymmetricKey(entry);
    }

    /** Stores {@code replacement} as the next version of {@code old}'s id. */
    public SymmetricKey replaceSymmetricKey(SymmetricKey old, SymmetricKey replacement) {
        ManagedEntry current = ownEntry(old.managed());
        if (old.algorithm() != replacement.algorithm()) {
            throw incompatible(old.algorithm().specName(), replacement.algorithm().specName());
        }
        symmetricPrimitives(replacement.algorithm());
        ManagedEntry entry =
                entries.createNext(
                        ManagedKind.SYMMETRIC_KEY,
                        current.id(),
                        current.algorithm(),
                        0,
                        e -> copyOf(replacement));
        return loadSymmetricKey(entry);
    }

    public SymmetricKey symmetricKeyFromId(byte[] id, VersionSelector version) {
        return loadSymmetricKey(entries.resolve(id, version, SYMMETRIC));
    }

    private SymmetricKey loadSymmetricKey(ManagedEntry entry) {
        SymmetricAlgorithm algorithm = SymmetricAlgorithm.parse(entry.algorithm());
        policy.require(algorithm);
        SymmetricPrimitives primitives = symmetricPrimitives(algorithm);
        return new SymmetricKey(
                algorithm, primitives, entries.store().loadSymmetricKey(entry), entry);
    }

    private static ManagedContent copyOf(SymmetricKey key) {
        return new ManagedContent.CopyOfSymmetricKey(
                key.algorithm(), key.backend(), key.material());
    }

    private SymmetricPrimitives symmetricPrimitives(SymmetricAlgorithm algorithm) {
        return backend.symmetric()
                .filter(p -> p.supports(algorithm))
                .orElseThrow(() -> cannotKeep(algorithm.specName()));
    }

    // ---- key pairs

    /** Generates a key pair inside the store as version 1 of a new id. */
    public KeyPair generateKeyPair(AsymmetricAlgorithm algorithm) {
        keyPrimitives(algorithm);
        ManagedEntry entry =
                entries.createNew(
                        kindOf(algorithm),
                        algorithm.specName(),
                        0,
                        e -> new ManagedContent.NewKeyPair(algorithm));
        return loadKeyPair(entry);
    }

    /** Stores a copy of {@code pair} as version 1 of a new id; a managed pair is returned as is. */
    public KeyPair storeKeyPair(KeyPair pair) {
        if (pair.managed().isPresent()) {
            return pair;
        }
        keyPrimitives(pair.algorithm());
        ManagedEntry entry =
                entries.createNew(
                        kindOf(pair.algorithm()),
                        pair.algorithm().specName(),
                        0,
                        e -> copyOf(pair));
        return loadKeyPair(entry);
    }

    /** Stores {@code replacement} as the next version of {@code old}'s id. */
    public KeyPair replaceKeyPair(KeyPair old, KeyPair replacement) {
        ManagedEntry current = ownEntry(old.managed());
        if (!old.algorithm().equals(replacement.algorithm())) {
            throw incompatible(old.algorithm().specName(), replacement.algorithm().specName());
        }
        keyPrimitives(replacement.algorithm());
        ManagedEntry entry =
                entries.createNext(
                        current.kind(),
                        current.id(),
                        current.algorithm(),
                        0,
                        e -> copyOf(replacement));
        return loadKeyPair(entry);
    }

    public KeyPair keyPairFromId(byte[] id, VersionSelector version) {
        return loadKeyPair(entries.resolve(id, version, KEY_PAIRS));
    }

    private KeyPair loadKeyPair(ManagedEntry entry) {
        AsymmetricAlgorithm algorithm =
                entry.kind() == ManagedKind.KX_KEY_PAIR
                        ? KxAlgorithm.parse(entry.algorithm())
                        : SignatureAlgorithm.parse(entry.algorithm());
        policy.require(algorithm);
        AsymmetricKeyPrimitives primitives = keyPrimitives(algorithm);
        return new KeyPair(algorithm, primitives, entries.store().loadKeyPair(entry), entry);
    }

    private static ManagedContent copyOf(KeyPair pair) {
        return new ManagedContent.CopyOfKeyPair(pair.algorithm(), pair.backend(), pair.material());
    }

    private static ManagedKind kindOf(AsymmetricAlgorithm algorithm) {
        return algorithm.type() == AlgorithmType.KEY_EXCHANGE
                ? ManagedKind.KX_KEY_PAIR
                : ManagedKind.SIGNATURE_KEY_PAIR;
    }

    private AsymmetricKeyPrimitives keyPrimitives(AsymmetricAlgorithm algorithm) {
        Optional<? extends AsymmetricKeyPrimitives> family =
                algorithm.type() == AlgorithmType.KEY_EXCHANGE
                        ? backend.keyExchange()
                        : backend.signatures();
        return family.filter(p -> p.supports(algorithm))
                .orElseThrow(() -> cannotKeep(algorithm.specName()));
    }

    // ---- both

    /** {@code secrets_manager_invalidate}: keys of either kind; not_found when nothing matched. */
    public void invalidateKey(byte[] id, VersionSelector version) {
        entries.invalidate(id, version, KEYS);
    }

    /**
     * The entry of a key that {@code *_replace_managed} may give a new version: unsupported_feature
     * for an ephemeral key (as {@code *_id}), not_found for another namespace's key.
     */
    private ManagedEntry ownEntry(Optional<ManagedEntry> managed) {
        ManagedEntry entry = managed.orElseThrow(SecretsManager::notManaged);
        if (!entry.namespace().equals(entries.namespace())) {
            throw NamespaceStore.notFound();
        }
        return entry;
    }

    /** What {@code *_id} and {@code *_replace_managed} answer for a key that is not managed. */
    public static CryptoException notManaged() {
        return new CryptoException(CryptoErrno.UNSUPPORTED_FEATURE, "the key is not managed");
    }

    private static CryptoException incompatible(String old, String replacement) {
        return new CryptoException(
                CryptoErrno.INCOMPATIBLE_KEYS,
                "a " + replacement + " key cannot replace a " + old + " key");
    }

    private CryptoException cannotKeep(String algorithm) {
        return new CryptoException(
                CryptoErrno.UNSUPPORTED_ALGORITHM,
                "the secrets manager (backend " + backend.name() + ") cannot keep " + algorithm);
    }

    @Override
    public String toString() {
        return "SecretsManager[" + backend.name() + ", namespace " + entries.namespace() + "]";
    }
}
