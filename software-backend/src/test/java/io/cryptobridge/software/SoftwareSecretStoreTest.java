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
import io.cryptobridge.asymmetric.AsymmetricAlgorithm;
import io.cryptobridge.asymmetric.KeyPairEncoding;
import io.cryptobridge.asymmetric.PublicKeyEncoding;
import io.cryptobridge.asymmetric.SecretKeyEncoding;
import io.cryptobridge.kx.KxAlgorithm;
import io.cryptobridge.signatures.SignatureAlgorithm;
import io.cryptobridge.spi.AeadEngine;
import io.cryptobridge.spi.BackendKey;
import io.cryptobridge.spi.BackendKeyPair;
import io.cryptobridge.spi.KeyExchangePrimitives;
import io.cryptobridge.spi.ManagedContent;
import io.cryptobridge.spi.ManagedEntry;
import io.cryptobridge.spi.ManagedKind;
import io.cryptobridge.spi.SecretStore;
import io.cryptobridge.spi.SignaturePrimitives;
import io.cryptobridge.spi.SignerEngine;
import io.cryptobridge.spi.VerifierEngine;
import io.cryptobridge.symmetric.SymmetricAlgorithm;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The keystore through the {@link SecretStore} contract: round trips, versions, export rules. */
class SoftwareSecretStoreTest {
    private static final String NS = "payments";
    private static final byte[] MESSAGE = "pay 10 EUR to Alice".getBytes(StandardCharsets.UTF_8);

    @TempDir Path dir;

    private SoftwareBackend backend;
    private SecretStore store;

    private void open() {
        backend = backend(dir);
        store = store(backend);
    }

    private SoftwareBackend own() {
        if (backend == null) {
            open();
        }
        return backend;
    }

    private SecretStore keystore() {
        own();
        return store;
    }

    private ManagedEntry symmetricEntry(String id, long version, SymmetricAlgorithm algorithm) {
        return entry(NS, id, version, ManagedKind.SYMMETRIC_KEY, algorithm.specName());
    }

    private ManagedEntry storeNewAesKey(String id, long version) {
        ManagedEntry entry = symmetricEntry(id, version, SymmetricAlgorithm.AES_256_GCM);
        assertTrue(
                keystore()
                        .create(
                                entry,
                                new ManagedContent.NewSymmetricKey(
                                        SymmetricAlgorithm.AES_256_GCM)));
        return entry;
    }

    static Stream<SymmetricAlgorithm> keyedSymmetricAlgorithms() {
        return Arrays.stream(SymmetricAlgorithm.values()).filter(SymmetricAlgorithm::needsKey);
    }

    static Stream<AsymmetricAlgorithm> asymmetricAlgorithms() {
        return Stream.concat(
                Arrays.stream(SignatureAlgorithm.values()), Arrays.stream(KxAlgorithm.values()));
    }

    @ParameterizedTest
    @MethodSource("keyedSymmetricAlgorithms")
    void create_everyKeyedSymmetricAlgorithm_loadsTheSameKeyFromGenerationAndCopy(
            SymmetricAlgorithm algorithm) {
        String id = newId();
        ManagedEntry generated = symmetricEntry(id, 1, algorithm);
        assertTrue(keystore().create(generated, new ManagedContent.NewSymmetricKey(algorithm)));
        BackendKey first = keystore().loadSymmetricKey(generated);
        assertEquals(algorithm.keyLength(), RawKey.of(first).bytes().length);

        ManagedEntry copied = symmetricEntry(id, 2, algorithm);
        assertTrue(
                keystore()
                        .create(
                                copied,
                                new ManagedContent.CopyOfSymmetricKey(
                                        algorithm, own().symmetric().orElseThrow(), first)));
        BackendKey second = keystore().loadSymmetricKey(copied);

        assertArrayEquals(RawKey.of(first).bytes(), RawKey.of(second).bytes());
    }

    @Test
    void create_hashAlgorithm_isUnsupportedAlgorithmNamingTheBackend() {
        ManagedEntry entry = symmetricEntry(newId(), 1, SymmetricAlgorithm.SHA_256);
        CryptoException e =
                assertThrows(
                        CryptoException.class,
                        () ->
                                keystore()
                                        .create(
                                                entry,
                                                new ManagedContent.NewSymmetricKey(
                                                        SymmetricAlgorithm.SHA_256)));
        assertEquals(CryptoErrno.UNSUPPORTED_ALGORITHM, e.errno());
        assertTrue(e.getMessage().contains("'soft'") && e.getMessage().contains("SHA-256"));
        assertEquals(0, keystore().highestVersion(NS, entry.id()));
    }

    @ParameterizedTest
    @MethodSource("asymmetricAlgorithms")
    void create_everyAsymmetricAlgorithm_loadsAWorkingPairFromGenerationAndCopy(
            AsymmetricAlgorithm algorithm) {
        ManagedKind kind =
                algorithm instanceof SignatureAlgorithm
                        ? ManagedKind.SIGNATURE_KEY_PAIR
                        : ManagedKind.KX_KEY_PAIR;
        String id = newId();
        ManagedEntry generated = entry(NS, id, 1, kind, algorithm.specName());
        assertTrue(keystore().create(generated, new ManagedContent.NewKeyPair(algorithm)));
        BackendKeyPair first = keystore().loadKeyPair(generated);

        ManagedEntry copied = entry(NS, id, 2, kind, algorithm.specName());
        var owner =
                algorithm instanceof SignatureAlgorithm
                        ? own().signatures().orElseThrow()
                        : own().keyExchange().orElseThrow();
        assertTrue(
                keystore()
                        .create(copied, new ManagedContent.CopyOfKeyPair(algorithm, owner, first)));
        BackendKeyPair second = keystore().loadKeyPair(copied);

        SoftKeyPair a = SoftwareAsymmetricKeys.keyPairOf(first);
        SoftKeyPair b = SoftwareAsymmetricKeys.keyPairOf(second);
        KeyPairEncoding encoding = a.scheme.storageEncoding();
        assertArrayEquals(a.encoded(encoding), b.encoded(encoding));
        if (algorithm instanceof SignatureAlgorithm signature) {
            assertSignsFor(signature, second, first);
        } else {
            assertAgrees((KxAlgorithm) algorithm, second, first);
        }
    }

    /** A signature by {@code signer} verifies under {@code other}'s public key. */
    private void assertSignsFor(
            SignatureAlgorithm algorithm, BackendKeyPair signer, BackendKeyPair other) {
        SignaturePrimitives signatures = own().signatures().orElseThrow();
        SignerEngine engine = signatures.newSigner(algorithm, signer);
        engine.update(MESSAGE, 0, MESSAGE.length);
        byte[] signature = engine.sign();
        VerifierEngine verifier = signatures.newVerifier(algorithm, other.publicKey());
        verifier.update(MESSAGE, 0, MESSAGE.length);
        assertTrue(verifier.verify(signature));
    }

    /** {@code mine}'s secret key reaches the shared secret meant for {@code other}'s public key. */
    private void assertAgrees(KxAlgorithm algorithm, BackendKeyPair mine, BackendKeyPair other) {
        KeyExchangePrimitives kx = own().keyExchange().orElseThrow();
        if (algorithm.kind() == KxAlgorithm.Kind.DH) {
            BackendKeyPair peer = kx.generateKeyPair(algorithm);
            assertArrayEquals(
                    kx.dh(algorithm, mine.publicKey(), peer.secretKey()),
                    kx.dh(algorithm, peer.publicKey(), mine.secretKey()));
        } else {
            KeyExchangePrimitives.Encapsulation sent = kx.encapsulate(algorithm, other.publicKey());
            assertArrayEquals(
                    sent.secret(), kx.decapsulate(algorithm, mine.secretKey(), sent.ciphertext()));
        }
    }

    @Test
    void create_sealedSecret_loadsTheSameSealedBytesThatUnseal() {
        byte[] aad = "CBS1-test".getBytes(StandardCharsets.US_ASCII);
        byte[] sealed = keystore().seal(MESSAGE, aad);
        ManagedEntry entry =
                new ManagedEntry(
                        NS,
                        newId(),
                        1,
                        ManagedKind.EXTERNAL_SECRET,
                        ManagedEntry.SECRET_ALGORITHM,
                        KeystoreFixture.CREATED,
                        4_000_000_000L);
        assertTrue(keystore().create(entry, new ManagedContent.SealedSecret(sealed)));

        byte[] loaded = keystore().loadSecret(entry);

        assertArrayEquals(sealed, loaded);
        assertArrayEquals(MESSAGE, keystore().unseal(loaded, aad));
        assertEquals(Optional.of(entry), keystore().find(NS, entry.id(), 1, entry.kind()));
    }

    @Test
    void create_versionThatExists_returnsFalseAndKeepsTheFirstKey() {
        String id = newId();
        ManagedEntry entry = storeNewAesKey(id, 1);
        byte[] first = RawKey.of(keystore().loadSymmetricKey(entry)).bytes().clone();

        boolean second =
                keystore()
                        .create(
                                entry,
                                new ManagedContent.NewSymmetricKey(SymmetricAlgorithm.AES_256_GCM));

        assertFalse(second);
        assertArrayEquals(first, RawKey.of(keystore().loadSymmetricKey(entry)).bytes());
    }

    @Test
    void create_invalidatedVersion_returnsFalse() {
        ManagedEntry entry = storeNewAesKey(newId(), 1);
        assertTrue(keystore().invalidate(entry));

        assertFalse(
                keystore()
                        .create(
                                entry,
                                new ManagedContent.NewSymmetricKey(
                                        SymmetricAlgorithm.AES_256_GCM)));
        assertEquals(Optional.empty(), keystore().find(NS, entry.id(), 1, entry.kind()));
    }

    @Test
    void highestVersion_afterInvalidatingTheHighest_stillCountsIt() {
        String id = newId();
        storeNewAesKey(id, 1);
        storeNewAesKey(id, 2);
        ManagedEntry third = storeNewAesKey(id, 3);

        assertTrue(keystore().invalidate(third));

        assertEquals(3, keystore().highestVersion(NS, id));
        assertEquals(Optional.empty(), keystore().find(NS, id, 3, ManagedKind.SYMMETRIC_KEY));
        assertTrue(keystore().find(NS, id, 2, ManagedKind.SYMMETRIC_KEY).isPresent());
    }

    @Test
    void highestVersion_idNeverUsedInThatNamespace_isZero() {
        String id = newId();
        storeNewAesKey(id, 1);

        assertEquals(0, keystore().highestVersion("other", id));
        assertEquals(0, keystore().highestVersion(NS, newId()));
    }

    @Test
    void find_otherKindOrNamespace_isEmpty() {
        ManagedEntry entry = storeNewAesKey(newId(), 1);

        assertEquals(Optional.empty(), keystore().find(NS, entry.id(), 1, ManagedKind.KX_KEY_PAIR));
        assertEquals(
                Optional.empty(),
                keystore().find("other", entry.id(), 1, ManagedKind.SYMMETRIC_KEY));
        assertEquals(Optional.empty(), keystore().find("..", entry.id(), 1, entry.kind()));
        assertEquals(Optional.of(entry), keystore().find(NS, entry.id(), 1, entry.kind()));
    }

    @Test
    void invalidate_sameVersionTwice_secondReturnsFalse() {
        ManagedEntry entry = storeNewAesKey(newId(), 1);

        assertTrue(keystore().invalidate(entry));
        assertFalse(keystore().invalidate(entry));
    }

    @Test
    void invalidate_keyLoadedBefore_keepsWorking() {
        ManagedEntry entry = storeNewAesKey(newId(), 1);
        BackendKey loaded = keystore().loadSymmetricKey(entry);
        AeadEngine aead =
                own().symmetric().orElseThrow().newAead(SymmetricAlgorithm.AES_256_GCM, loaded);
        byte[] nonce = new byte[12];
        byte[] sealed = aead.seal(nonce, new byte[0], MESSAGE);

        assertTrue(keystore().invalidate(entry));

        AeadEngine after =
                own().symmetric().orElseThrow().newAead(SymmetricAlgorithm.AES_256_GCM, loaded);
        assertArrayEquals(MESSAGE, after.open(nonce, new byte[0], sealed));
        CryptoException e =
                assertThrows(CryptoException.class, () -> keystore().loadSymmetricKey(entry));
        assertEquals(CryptoErrno.NOT_FOUND, e.errno());
    }

    @Test
    void invalidate_entryFile_isReplacedByATombstoneWithoutMaterial() throws Exception {
        ManagedEntry entry = storeNewAesKey(newId(), 1);
        Path file = dir.resolve("ns-" + NS).resolve(entry.id()).resolve("1.entry");
        byte[] before = Files.readAllBytes(file);

        assertTrue(keystore().invalidate(entry));

        byte[] after = Files.readAllBytes(file);
        String text = new String(after, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("cryptobridge-tombstone 1\n"), text);
        byte[] ciphertextTail = Arrays.copyOfRange(before, before.length - 32, before.length);
        assertFalse(
                new String(after, StandardCharsets.ISO_8859_1)
                        .contains(new String(ciphertextTail, StandardCharsets.ISO_8859_1)));
    }

    @Test
    void list_namespace_returnsOnlyThatNamespacesLiveEntriesSorted() {
        List<ManagedEntry> expected = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String id = newId();
            expected.add(storeNewAesKey(id, 1));
            ManagedEntry dropped = storeNewAesKey(id, 2);
            assertTrue(keystore().invalidate(dropped));
            expected.add(storeNewAesKey(id, 3));
        }
        ManagedEntry elsewhere =
                entry("other", newId(), 1, ManagedKind.SIGNATURE_KEY_PAIR, "Ed25519");
        assertTrue(
                keystore()
                        .create(
                                elsewhere,
                                new ManagedContent.NewKeyPair(SignatureAlgorithm.ED25519)));
        expected.sort(
                java.util.Comparator.comparing(ManagedEntry::id)
                        .thenComparingLong(ManagedEntry::version));

        assertEquals(expected, keystore().list(Optional.of(NS)));
        List<ManagedEntry> all = new ArrayList<>(List.of(elsewhere)); // "other" < "payments"
        all.addAll(expected);
        assertEquals(all, keystore().list(Optional.empty()));
        assertEquals(List.of(), keystore().list(Optional.of("nobody")));
    }

    @Test
    void loadSymmetricKey_defaultSettings_isNotExtractable() {
        ManagedEntry entry = storeNewAesKey(newId(), 1);
        BackendKey key = keystore().loadSymmetricKey(entry);

        assertFalse(key.extractable());
        CryptoException e = assertThrows(CryptoException.class, key::exportRaw);
        assertEquals(CryptoErrno.PROHIBITED_OPERATION, e.errno());
    }

    @Test
    void hkdfExtract_fromManagedKey_givesANonExtractablePrk() {
        ManagedEntry entry = symmetricEntry(newId(), 1, SymmetricAlgorithm.HKDF_EXTRACT_SHA_256);
        assertTrue(
                keystore()
                        .create(
                                entry,
                                new ManagedContent.NewSymmetricKey(
                                        SymmetricAlgorithm.HKDF_EXTRACT_SHA_256)));
        BackendKey ikm = keystore().loadSymmetricKey(entry);

        BackendKey prk =
                own().symmetric()
                        .orElseThrow()
                        .hkdfExtract(SymmetricAlgorithm.HKDF_EXTRACT_SHA_256, ikm, new byte[0]);

        assertFalse(prk.extractable());
    }

    @Test
    void loadKeyPair_defaultSettings_refusesTheSecretButExportsThePublicKey() {
        ManagedEntry entry =
                entry(NS, newId(), 1, ManagedKind.SIGNATURE_KEY_PAIR, "ECDSA_P256_SHA256");
        assertTrue(
                keystore()
                        .create(
                                entry,
                                new ManagedContent.NewKeyPair(
                                        SignatureAlgorithm.ECDSA_P256_SHA256)));
        BackendKeyPair pair = keystore().loadKeyPair(entry);

        assertEquals(
                CryptoErrno.PROHIBITED_OPERATION,
                assertThrows(CryptoException.class, () -> pair.export(KeyPairEncoding.PKCS8))
                        .errno());
        assertEquals(
                CryptoErrno.PROHIBITED_OPERATION,
                assertThrows(
                                CryptoException.class,
                                () -> pair.secretKey().export(SecretKeyEncoding.RAW))
                        .errno());
        assertEquals(65, pair.publicKey().export(PublicKeyEncoding.SEC).length);
        SignaturePrimitives signatures = own().signatures().orElseThrow();
        BackendKeyPair joined =
                signatures.keyPair(
                        SignatureAlgorithm.ECDSA_P256_SHA256, pair.publicKey(), pair.secretKey());
        assertEquals(
                CryptoErrno.PROHIBITED_OPERATION,
                assertThrows(CryptoException.class, () -> joined.export(KeyPairEncoding.PKCS8))
                        .errno());
    }

    @Test
    void loadKeyPair_managedKeysExtractable_exportsTheSecret() {
        SoftwareBackend extractable = backend(dir, null, true);
        SecretStore open = store(extractable);
        ManagedEntry entry = entry(NS, newId(), 1, ManagedKind.KX_KEY_PAIR, "X25519");
        assertTrue(open.create(entry, new ManagedContent.NewKeyPair(KxAlgorithm.X25519)));

        BackendKeyPair pair = open.loadKeyPair(entry);

        assertEquals(32, pair.secretKey().export(SecretKeyEncoding.RAW).length);
        assertTrue(open.loadKeyPair(entry).export(KeyPairEncoding.PKCS8).length > 32);
    }

    @Test
    void create_foreignSymmetricKeyThatIsNotExtractable_isProhibitedAndStoresNothing() {
        SoftwareBackend other = new SoftwareBackend("other", KeystoreFixture.RANDOM);
        BackendKey foreign = new RawKey(new byte[32], false);
        ManagedEntry entry = symmetricEntry(newId(), 1, SymmetricAlgorithm.AES_256_GCM);

        CryptoException e =
                assertThrows(
                        CryptoException.class,
                        () ->
                                keystore()
                                        .create(
                                                entry,
                                                new ManagedContent.CopyOfSymmetricKey(
                                                        SymmetricAlgorithm.AES_256_GCM,
                                                        other.symmetric().orElseThrow(),
                                                        foreign)));

        assertEquals(CryptoErrno.PROHIBITED_OPERATION, e.errno());
        assertEquals(0, keystore().highestVersion(NS, entry.id()));
    }

    @Test
    void create_foreignExtractableSymmetricKey_storesItsBytes() {
        SoftwareBackend other = new SoftwareBackend("other", KeystoreFixture.RANDOM);
        byte[] raw = new byte[32];
        KeystoreFixture.RANDOM.nextBytes(raw);
        ManagedEntry entry = symmetricEntry(newId(), 1, SymmetricAlgorithm.AES_256_GCM);

        assertTrue(
                keystore()
                        .create(
                                entry,
                                new ManagedContent.CopyOfSymmetricKey(
                                        SymmetricAlgorithm.AES_256_GCM,
                                        other.symmetric().orElseThrow(),
                                        new RawKey(raw))));

        assertArrayEquals(raw, RawKey.of(keystore().loadSymmetricKey(entry)).bytes());
    }

    @Test
    void create_foreignKeyPairThatIsNotExtractable_isProhibited(@TempDir Path otherDir) {
        SoftwareBackend other = backend(otherDir);
        ManagedEntry entry = entry(NS, newId(), 1, ManagedKind.SIGNATURE_KEY_PAIR, "Ed25519");
        assertTrue(
                store(other)
                        .create(entry, new ManagedContent.NewKeyPair(SignatureAlgorithm.ED25519)));
        BackendKeyPair managedElsewhere = store(other).loadKeyPair(entry);

        CryptoException e =
                assertThrows(
                        CryptoException.class,
                        () ->
                                keystore()
                                        .create(
                                                entry,
                                                new ManagedContent.CopyOfKeyPair(
                                                        SignatureAlgorithm.ED25519,
                                                        other.signatures().orElseThrow(),
                                                        managedElsewhere)));

        assertEquals(CryptoErrno.PROHIBITED_OPERATION, e.errno());
        assertEquals(0, keystore().highestVersion(NS, entry.id()));
    }

    @Test
    void seal_sameInputTwice_givesDifferentBytesThatBothUnseal() {
        byte[] aad = {1, 2, 3};

        byte[] first = keystore().seal(MESSAGE, aad);
        byte[] second = keystore().seal(MESSAGE, aad);

        assertFalse(Arrays.equals(first, second));
        assertArrayEquals(MESSAGE, keystore().unseal(first, aad));
        assertArrayEquals(MESSAGE, keystore().unseal(second, aad));
    }

    @ParameterizedTest
    @EnumSource(Alteration.class)
    void unseal_alteredBytesOrAssociatedData_failsVerification(Alteration alteration) {
        byte[] aad = {1, 2, 3};
        byte[] sealed = keystore().seal(MESSAGE, aad);

        CryptoException e =
                assertThrows(
                        CryptoException.class,
                        () -> alteration.unseal(keystore(), sealed.clone(), aad.clone()));

        assertEquals(CryptoErrno.VERIFICATION_FAILED, e.errno());
    }

    /** One way to damage sealed bytes; each byte region, the associated data and the length. */
    enum Alteration {
        MAGIC(0),
        KEY_ID(6),
        NONCE(15),
        CIPHERTEXT(27),
        TAG(-1),
        ASSOCIATED_DATA(Integer.MIN_VALUE),
        TRUNCATED(Integer.MAX_VALUE);

        private final int index;

        Alteration(int index) {
            this.index = index;
        }

        byte[] unseal(SecretStore store, byte[] sealed, byte[] aad) {
            if (index == Integer.MIN_VALUE) {
                aad[0] ^= 1;
            } else if (index == Integer.MAX_VALUE) {
                sealed = Arrays.copyOf(sealed, sealed.length - 1);
            } else {
                sealed[index < 0 ? sealed.length + index : index] ^= 1;
            }
            return store.unseal(sealed, aad);
        }
    }

    @Test
    void unseal_bytesSealedByAnotherKeystore_failsVerification(@TempDir Path otherDir) {
        byte[] sealed = store(backend(otherDir)).seal(MESSAGE, new byte[0]);
        keystore().seal(MESSAGE, new byte[0]);

        CryptoException e =
                assertThrows(CryptoException.class, () -> keystore().unseal(sealed, new byte[0]));

        assertEquals(CryptoErrno.VERIFICATION_FAILED, e.errno());
    }
}
