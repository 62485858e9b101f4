package io.cryptobridge.software;

import io.cryptobridge.CryptoErrno;
import io.cryptobridge.CryptoException;
import io.cryptobridge.spi.BackendKey;
import io.cryptobridge.spi.BackendKeyPair;
import io.cryptobridge.spi.ManagedContent;
import io.cryptobridge.spi.ManagedEntry;
import io.cryptobridge.spi.ManagedKind;
import io.cryptobridge.spi.SecretStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The software backend's {@link SecretStore}: one file per version in a keystore directory (layout
 * in {@link KeystoreDirectory}, format in {@link EntryFile}), encrypted under the keystore key
 * ({@link KeystoreKekSource}). Nothing is cached: every call reads the directory, so two host
 * processes sharing it see each other's changes at once.
 *
 * <p>Atomicity comes from the file system: a version is created by hard-linking a fully written
 * temporary file to its final name, which fails if the name exists ({@link DurableFiles}); an
 * invalidation first claims a {@code .invalidated} marker the same way (one winner), then replaces
 * the entry with a tombstone, so the version number stays taken and the encrypted material is gone.
 *
 * <p>An entry whose file fails its integrity check (altered, truncated, moved to another name, or
 * written under another keystore key) makes {@link #find} and the {@code load} methods throw
 * verification_failed; {@link #list} skips it with a warning in the log.
 */
final class SoftwareSecretStore implements SecretStore {
    private static final System.Logger LOG = System.getLogger(SoftwareSecretStore.class.getName());
    private static final byte[] SEAL_MAGIC = "CBKS".getBytes(StandardCharsets.US_ASCII);
    private static final byte SEAL_FORMAT = 1;
    private static final int SEAL_PREFIX = SEAL_MAGIC.length + 1 + KeystoreKek.ID_LENGTH;

    private final KeystoreDirectory directory;
    private final DurableFiles files;
    private final KeystoreKekSource keks;
    private final KeystoreMaterial material;

    SoftwareSecretStore(
            KeystoreDirectory directory,
            DurableFiles files,
            KeystoreKekSource keks,
            KeystoreMaterial material) {
        this.directory = directory;
        this.files = files;
        this.keks = keks;
        this.material = material;
    }

    @Override
    public long highestVersion(String namespace, String id) {
        if (!validName(namespace, id)) {
            return 0;
        }
        try {
            // Versions are unsigned (up to ManagedEntry.MAX_VERSION).
            return directory.versions(namespace, id).stream().max(Long::compareUnsigned).orElse(0L);
        } catch (IOException e) {
            throw ioFailure("list the versions in", directory.idDirectory(namespace, id), e);
        }
    }

    @Override
    public boolean create(ManagedEntry entry, ManagedContent content) {
        Path file = directory.entryFile(entry.namespace(), entry.id(), entry.version());
        if (Files.exists(file)) {
            // Taken already: skip the key generation and the write.
            return false;
        }
        KeystoreMaterial.Encoded encoded = material.encode(entry, content);
        byte[] bytes;
        try {
            bytes = EntryFile.live(entry, encoded.encoding(), keks.getOrCreate(), encoded.bytes());
        } finally {
            Arrays.fill(encoded.bytes(), (byte) 0);
        }
        try {
            files.createDirectories(file.getParent());
            return files.createIfAbsent(file, bytes);
        } catch (IOException e) {
            throw ioFailure("write", file, e);
        }
    }

    @Override
    public Optional<ManagedEntry> find(
            String namespace, String id, long version, ManagedKind kind) {
        if (!validName(namespace, id)
                || version == 0
                || Long.compareUnsigned(version, ManagedEntry.MAX_VERSION) > 0) {
            return Optional.empty();
        }
        Optional<Opened> opened = open(namespace, id, version, kind);
        opened.ifPresent(Opened::wipe);
        return opened.map(o -> o.live.entry());
    }

    @Override
    public List<ManagedEntry> list(Optional<String> namespace) {
        List<ManagedEntry> entries = new ArrayList<>();
        try {
            List<String> namespaces =
                    namespace.isPresent() ? List.of(namespace.get()) : directory.namespaces();
            for (String ns : namespaces) {
                if (!ManagedEntry.NAMESPACE_PATTERN.matcher(ns).matches()) {
                    continue;
                }
                for (String id : directory.ids(ns)) {
                    for (long version : directory.versions(ns, id)) {
                        listed(ns, id, version).ifPresent(entries::add);
                    }
                }
            }
        } catch (IOException e) {
            throw ioFailure("list", directory.root(), e);
        }
        entries.sort(
                Comparator.comparing(ManagedEntry::namespace)
                        .thenComparing(ManagedEntry::id)
                        .thenComparing(ManagedEntry::version, Long::compareUnsigned));
        return entries;
    }

    /** Only names ManagedEntry accepts ever become paths (no "/" or ".." can slip in). */
    private static boolean validName(String namespace, String id) {
        return ManagedEntry.NAMESPACE_PATTERN.matcher(namespace).matches() && ManagedEntry.isId(id);
    }

    private Optional<ManagedEntry> listed(String namespace, String id, long version) {
        try {
            Optional<Opened> opened = open(namespace, id, version, null);
            opened.ifPresent(Opened::wipe);
            return opened.map(o -> o.live.entry());
        } catch (CryptoException e) {
            LOG.log(System.Logger.Level.WARNING, "skipping keystore entry: " + e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public boolean invalidate(ManagedEntry entry) {
        Path marker = directory.invalidationMarker(entry.namespace(), entry.id(), entry.version());
        Path file = directory.entryFile(entry.namespace(), entry.id(), entry.version());
        try {
            if (Files.exists(marker)) {
                // Invalidated before; finish the job if that writer died before the tombstone.
                if (!EntryFile.isTombstone(Files.readAllBytes(file))) {
                    files.replace(file, EntryFile.tombstone(entry, Instant.now()));
                }
                return false;
            }
            Optional<Opened> opened =
                    open(entry.namespace(), entry.id(), entry.version(), entry.kind());
            if (opened.isEmpty()) {
                return false;
            }
            opened.get().wipe();
            // One invalidation wins; the tombstone then overwrites the encrypted material.
            if (!files.createIfAbsent(marker, EntryFile.tombstone(entry, Instant.now()))) {
                return false;
            }
            files.replace(file, EntryFile.tombstone(entry, Instant.now()));
            return true;
        } catch (IOException e) {
            throw ioFailure("invalidate", file, e);
        }
    }

    @Override
    public BackendKey loadSymmetricKey(ManagedEntry entry) {
        Opened opened = load(entry, ManagedKind.SYMMETRIC_KEY);
        try {
            return material.symmetricKey(opened.live.entry(), opened.material);
        } finally {
            opened.wipe();
        }
    }

    @Override
    public BackendKeyPair loadKeyPair(ManagedEntry entry) {
        if (!entry.kind().isKeyPair()) {
            throw new IllegalArgumentException(entry.kind().label() + " is not a key pair");
        }
        Opened opened = load(entry, entry.kind());
        try {
            return material.keyPair(opened.live.entry(), opened.live.encoding(), opened.material);
        } finally {
            opened.wipe();
        }
    }

    @Override
    public byte[] loadSecret(ManagedEntry entry) {
        // The caller owns the returned array: no wipe.
        return load(entry, ManagedKind.EXTERNAL_SECRET).material;
    }

    private Opened load(ManagedEntry entry, ManagedKind kind) {
        return open(entry.namespace(), entry.id(), entry.version(), kind)
                .orElseThrow(
                        () ->
                                new CryptoException(
                                        CryptoErrno.NOT_FOUND,
                                        "no live "
                                                + kind.label()
                                                + " "
                                                + entry.id()
                                                + " version "
                                                + entry.version()
                                                + " in namespace "
                                                + entry.namespace()));
    }

    /**
     * The decrypted live version, or empty if it does not exist, was invalidated or is of another
     * kind ({@code kind} null: any kind).
     */
    private Optional<Opened> open(String namespace, String id, long version, ManagedKind kind) {
        Path file = directory.entryFile(namespace, id, version);
        try {
            if (Files.exists(directory.invalidationMarker(namespace, id, version))) {
                return Optional.empty();
            }
            Optional<byte[]> bytes = DurableFiles.readIfPresent(file);
            if (bytes.isEmpty()) {
                return Optional.empty();
            }
            Optional<EntryFile.Live> live = EntryFile.parse(bytes.get(), file);
            if (live.isEmpty() || (kind != null && live.get().entry().kind() != kind)) {
                return Optional.empty();
            }
            ManagedEntry stored = live.get().entry();
            if (!stored.namespace().equals(namespace)
                    || !stored.id().equals(id)
                    || stored.version() != version) {
                throw KeystoreKek.verificationFailed(
                        "keystore entry " + file + " describes another entry than its name");
            }
            KeystoreKek kek =
                    keks.existing()
                            .orElseThrow(
                                    () ->
                                            KeystoreKek.verificationFailed(
                                                    "keystore "
                                                            + directory.root()
                                                            + " has entries but no key"));
            return Optional.of(new Opened(live.get(), live.get().open(kek, file)));
        } catch (IOException e) {
            throw ioFailure("read", file, e);
        }
    }

    /** A live entry and its decrypted material, which the holder wipes. */
    private record Opened(EntryFile.Live live, byte[] material) {
        void wipe() {
            Arrays.fill(material, (byte) 0);
        }

        @Override
        public String toString() {
            return "Opened[" + live.entry() + "]";
        }
    }

    @Override
    public byte[] seal(byte[] plaintext, byte[] associatedData) {
        KeystoreKek kek = keks.getOrCreate();
        byte[] prefix = sealPrefix(kek.id());
        byte[] sealed = kek.encrypt(plaintext, concat(prefix, associatedData));
        return concat(prefix, sealed);
    }

    /**
     * {@code "CBKS"} ‖ format 1 ‖ the keystore key's check value (8) ‖ nonce (12) ‖ ciphertext ‖
     * tag (16); the first 13 bytes are authenticated with the caller's associated data.
     */
    @Override
    public byte[] unseal(byte[] sealed, byte[] associatedData) {
        if (sealed.length < SEAL_PREFIX
                || !Arrays.equals(sealed, 0, SEAL_MAGIC.length, SEAL_MAGIC, 0, SEAL_MAGIC.length)
                || sealed[SEAL_MAGIC.length] != SEAL_FORMAT) {
            throw KeystoreKek.verificationFailed("not bytes sealed by a software keystore");
        }
        // A keystore without a key cannot have sealed anything: do not create one to find out.
        KeystoreKek kek =
                keks.existing()
                        .orElseThrow(
                                () -> KeystoreKek.verificationFailed("sealed by another keystore"));
        byte[] prefix = Arrays.copyOf(sealed, SEAL_PREFIX);
        if (!MessageDigest.isEqual(prefix, sealPrefix(kek.id()))) {
            throw KeystoreKek.verificationFailed("sealed by another keystore");
        }
        return kek.decrypt(
                Arrays.copyOfRange(sealed, SEAL_PREFIX, sealed.length),
                concat(prefix, associatedData),
                "the sealed secret");
    }

    private static byte[] sealPrefix(byte[] kekId) {
        byte[] prefix = Arrays.copyOf(SEAL_MAGIC, SEAL_PREFIX);
        prefix[SEAL_MAGIC.length] = SEAL_FORMAT;
        System.arraycopy(kekId, 0, prefix, SEAL_MAGIC.length + 1, kekId.length);
        return prefix;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private KeystoreException ioFailure(String action, Path path, IOException e) {
        return new KeystoreException(
                "cannot " + action + " " + path + " of the software keystore: " + e, e);
    }

    @Override
    public String toString() {
        return "SoftwareSecretStore[" + directory.root() + "]";
    }
}
