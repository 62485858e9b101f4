package io.cryptobridge.software;

import static io.cryptobridge.software.KeystoreFixture.backend;
import static io.cryptobridge.software.KeystoreFixture.entry;
import static io.cryptobridge.software.KeystoreFixture.newId;
import static io.cryptobridge.software.KeystoreFixture.store;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cryptobridge.CryptoErrno;
import io.cryptobridge.CryptoException;
import io.cryptobridge.signatures.SignatureAlgorithm;
import io.cryptobridge.spi.AeadEngine;
import io.cryptobridge.spi.Backend;
import io.cryptobridge.spi.BackendKeyPair;
import io.cryptobridge.spi.BackendSetting;
import io.cryptobridge.spi.ManagedContent;
import io.cryptobridge.spi.ManagedEntry;
import io.cryptobridge.spi.ManagedKind;
import io.cryptobridge.spi.SecretStore;
import io.cryptobridge.spi.SignaturePrimitives;
import io.cryptobridge.spi.SignerEngine;
import io.cryptobridge.spi.VerifierEngine;
import io.cryptobridge.symmetric.SymmetricAlgorithm;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The keystore on disk: lazy creation, permissions, passwords, persistence, tampering. */
class KeystoreFilesTest {
    private static final String NS = "default";
    private static final byte[] MESSAGE = "durable".getBytes(StandardCharsets.UTF_8);
    private static final byte[] NONCE = new byte[12];

    @TempDir Path temp;

    private Path keystore() {
        return temp.resolve("keystore");
    }

    private static ManagedEntry newAesKey(SecretStore store) {
        ManagedEntry entry =
                entry(
                        NS,
                        newId(),
                        1,
                        ManagedKind.SYMMETRIC_KEY,
                        SymmetricAlgorithm.AES_256_GCM.specName());
        assertTrue(
                store.create(
                        entry, new ManagedContent.NewSymmetricKey(SymmetricAlgorithm.AES_256_GCM)));
        return entry;
    }

    private static AeadEngine aead(SoftwareBackend backend, ManagedEntry entry) {
        return backend.symmetric()
                .orElseThrow()
                .newAead(SymmetricAlgorithm.AES_256_GCM, store(backend).loadSymmetricKey(entry));
    }

    private Path entryFile(ManagedEntry entry) {
        return keystore()
                .resolve("ns-" + entry.namespace())
                .resolve(entry.id())
                .resolve(entry.version() + ".entry");
    }

    @Test
    void backend_keystoreNeverStoredTo_createsNoDirectory() {
        SecretStore store = store(backend(keystore(), "password", false));

        assertEquals(0, store.highestVersion(NS, newId()));
        assertEquals(List.of(), store.list(Optional.empty()));
        assertEquals(Optional.empty(), store.find(NS, newId(), 1, ManagedKind.SYMMETRIC_KEY));
        assertThrows(CryptoException.class, () -> store.unseal(new byte[64], new byte[0]));

        assertFalse(Files.exists(keystore()));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = "password")
    void create_firstEntry_makesEveryDirectoryAndFileOwnerOnly(String password) throws IOException {
        SecretStore store = store(backend(keystore(), password, false));
        ManagedEntry entry = newAesKey(store);
        assertTrue(store.invalidate(entry));
        newAesKey(store);

        List<Path> all;
        try (Stream<Path> walk = Files.walk(keystore())) {
            all = walk.toList();
        }
        assertTrue(all.size() >= 7, all.toString());
        for (Path path : all) {
            Set<PosixFilePermission> expected =
                    Files.isDirectory(path)
                            ? Set.of(
                                    PosixFilePermission.OWNER_READ,
                                    PosixFilePermission.OWNER_WRITE,
                                    PosixFilePermission.OWNER_EXECUTE)
                            : Set.of(
                                    PosixFilePermission.OWNER_READ,
                                    PosixFilePermission.OWNER_WRITE);
            assertEquals(expected, Files.getPosixFilePermissions(path), path.toString());
            assertFalse(
                    path.getFileName().toString().startsWith(DurableFiles.TEMP_PREFIX),
                    path.toString());
        }
        assertTrue(
                Files.exists(
                        keystore().resolve(password == null ? "keystore.key" : "keystore.kdf")));
    }

    @Test
    void backend_wrongPassword_failsNamingTheKeystoreButNotThePassword() {
        newAesKey(store(backend(keystore(), "correct horse", false)));

        KeystoreException e =
                assertThrows(
                        KeystoreException.class,
                        () ->
                                new SoftwareBackendFactory()
                                        .create(
                                                "soft",
                                                Map.of(
                                                        "keystore", keystore(),
                                                        "keystore-password",
                                                                KeystoreFixture.env(
                                                                        "battery staple"))));

        assertTrue(e.getMessage().contains("wrong keystore-password"), e.getMessage());
        assertTrue(e.getMessage().contains(keystore().toString()), e.getMessage());
        assertFalse(e.getMessage().contains("battery") || e.getMessage().contains("horse"));
    }

    @Test
    void backend_rightPassword_readsWhatWasStored() {
        ManagedEntry entry = newAesKey(store(backend(keystore(), "correct horse", false)));

        SecretStore again = store(backend(keystore(), "correct horse", false));

        assertEquals(Optional.of(entry), again.find(NS, entry.id(), 1, entry.kind()));
    }

    @Test
    void backend_noPasswordForAPasswordKeystore_failsNamingTheMode() {
        newAesKey(store(backend(keystore(), "pw", false)));

        KeystoreException e = assertThrows(KeystoreException.class, () -> backend(keystore()));

        assertTrue(e.getMessage().contains("protected by a password"), e.getMessage());
    }

    @Test
    void backend_passwordForAKeyFileKeystore_failsNamingTheMode() {
        newAesKey(store(backend(keystore())));

        KeystoreException e =
                assertThrows(KeystoreException.class, () -> backend(keystore(), "pw", false));

        assertTrue(e.getMessage().contains("random key file"), e.getMessage());
    }

    @Test
    void backend_damagedKeyFile_failsNamingTheFile() throws IOException {
        newAesKey(store(backend(keystore())));
        Files.write(keystore().resolve("keystore.key"), new byte[5]);

        KeystoreException e = assertThrows(KeystoreException.class, () -> backend(keystore()));

        assertTrue(e.getMessage().contains("keystore.key"), e.getMessage());
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = "password")
    void secondBackend_sameDirectory_decryptsAndSignsLikeTheFirst(String password) {
        SoftwareBackend first = backend(keystore(), password, false);
        ManagedEntry aesKey = newAesKey(store(first));
        byte[] sealed = aead(first, aesKey).seal(NONCE, new byte[0], MESSAGE);
        ManagedEntry signingKey = entry(NS, newId(), 1, ManagedKind.SIGNATURE_KEY_PAIR, "Ed25519");
        assertTrue(
                store(first)
                        .create(
                                signingKey,
                                new ManagedContent.NewKeyPair(SignatureAlgorithm.ED25519)));
        BackendKeyPair firstPair = store(first).loadKeyPair(signingKey);

        SoftwareBackend second = backend(keystore(), password, false);

        assertArrayEquals(MESSAGE, aead(second, aesKey).open(NONCE, new byte[0], sealed));
        SignaturePrimitives signatures = second.signatures().orElseThrow();
        SignerEngine signer =
                signatures.newSigner(
                        SignatureAlgorithm.ED25519, store(second).loadKeyPair(signingKey));
        signer.update(MESSAGE, 0, MESSAGE.length);
        VerifierEngine verifier =
                signatures.newVerifier(SignatureAlgorithm.ED25519, firstPair.publicKey());
        verifier.update(MESSAGE, 0, MESSAGE.length);
        assertTrue(verifier.verify(signer.sign()));
        byte[] secret = store(first).seal(MESSAGE, new byte[] {7});
        assertArrayEquals(MESSAGE, store(second).unseal(secret, new byte[] {7}));
    }

    @Test
    void find_tamperedCiphertext_failsVerification() throws IOException {
        SecretStore store = store(backend(keystore()));
        ManagedEntry entry = newAesKey(store);
        byte[] bytes = Files.readAllBytes(entryFile(entry));
        bytes[bytes.length - 20] ^= 1;
        Files.write(entryFile(entry), bytes);

        CryptoException e =
                assertThrows(
                        CryptoException.class, () -> store.find(NS, entry.id(), 1, entry.kind()));

        assertEquals(CryptoErrno.VERIFICATION_FAILED, e.errno());
        assertEquals(
                CryptoErrno.VERIFICATION_FAILED,
                assertThrows(CryptoException.class, () -> store.loadSymmetricKey(entry)).errno());
    }

    @Test
    void find_tamperedHeaderField_failsVerification() throws IOException {
        SecretStore store = store(backend(keystore()));
        ManagedEntry entry = newAesKey(store);
        String text = Files.readString(entryFile(entry), StandardCharsets.ISO_8859_1);
        Files.writeString(
                entryFile(entry),
                text.replace("expiration=0", "expiration=9"),
                StandardCharsets.ISO_8859_1);

        CryptoException e =
                assertThrows(
                        CryptoException.class, () -> store.find(NS, entry.id(), 1, entry.kind()));

        assertEquals(CryptoErrno.VERIFICATION_FAILED, e.errno());
    }

    @Test
    void find_entryCopiedToAnotherVersion_failsVerification() throws IOException {
        SecretStore store = store(backend(keystore()));
        ManagedEntry entry = newAesKey(store);
        Files.copy(entryFile(entry), entryFile(entry).resolveSibling("2.entry"));

        CryptoException e =
                assertThrows(
                        CryptoException.class, () -> store.find(NS, entry.id(), 2, entry.kind()));

        assertEquals(CryptoErrno.VERIFICATION_FAILED, e.errno());
    }

    @Test
    void find_entryWrittenUnderAnotherKey_failsVerification(@TempDir Path other)
            throws IOException {
        SecretStore store = store(backend(keystore()));
        ManagedEntry entry = newAesKey(store);
        newAesKey(store(backend(other)));
        Files.copy(
                other.resolve("keystore.key"),
                keystore().resolve("keystore.key"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        CryptoException e =
                assertThrows(
                        CryptoException.class,
                        () -> store(backend(keystore())).find(NS, entry.id(), 1, entry.kind()));

        assertEquals(CryptoErrno.VERIFICATION_FAILED, e.errno());
    }

    @Test
    void invalidate_afterAWriterDiedBeforeTheTombstone_returnsFalseAndRemovesTheMaterial()
            throws IOException {
        SecretStore store = store(backend(keystore()));
        ManagedEntry entry = newAesKey(store);
        // What a crash between claiming the invalidation and writing the tombstone leaves.
        Files.write(entryFile(entry).resolveSibling("1.invalidated"), new byte[0]);

        assertFalse(store.invalidate(entry));

        assertEquals(Optional.empty(), store.find(NS, entry.id(), 1, entry.kind()));
        assertTrue(Files.readString(entryFile(entry)).startsWith("cryptobridge-tombstone 1\n"));
    }

    @Test
    void list_withOneTamperedEntry_listsTheOthers() throws IOException {
        SecretStore store = store(backend(keystore()));
        ManagedEntry damaged = newAesKey(store);
        ManagedEntry intact = newAesKey(store);
        Files.write(
                entryFile(damaged),
                "cryptobridge-entry 1\nkind=symmetric-key\n\n".getBytes(StandardCharsets.UTF_8));

        assertEquals(List.of(intact), store.list(Optional.of(NS)));
    }

    @Test
    void factory_settings_declaresTheThreeOptionalKeystoreSettings() {
        assertEquals(
                List.of(
                        BackendSetting.optional("keystore", BackendSetting.Type.PATH),
                        BackendSetting.optional("keystore-password", BackendSetting.Type.SECRET),
                        BackendSetting.optional(
                                "managed-keys-extractable", BackendSetting.Type.BOOLEAN)),
                new SoftwareBackendFactory().settings());
    }

    @Test
    void factory_noSettings_hasNoSecretStore() {
        assertEquals(
                Optional.empty(),
                new SoftwareBackendFactory().create("soft", Map.of()).secretStore());
    }

    @Test
    void factory_passwordWithoutKeystore_isRejected() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                new SoftwareBackendFactory()
                                        .create(
                                                "soft",
                                                Map.of(
                                                        "keystore-password",
                                                        KeystoreFixture.env("pw"))));

        assertTrue(e.getMessage().contains("keystore"), e.getMessage());
    }

    @Test
    void factory_keystoreAndExtractable_givesAStoreWhoseKeysExport() {
        Backend backend =
                new SoftwareBackendFactory()
                        .create(
                                "soft",
                                Map.of("keystore", keystore(), "managed-keys-extractable", true));
        SecretStore store = backend.secretStore().orElseThrow();
        ManagedEntry entry = newAesKey(store);

        assertEquals(32, store.loadSymmetricKey(entry).exportRaw().length);
    }
}
