package io.cryptobridge.pkcs11;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cryptobridge.CryptoErrno;
import io.cryptobridge.CryptoException;
import io.cryptobridge.asymmetric.PublicKeyEncoding;
import io.cryptobridge.kx.KxAlgorithm;
import io.cryptobridge.signatures.SignatureAlgorithm;
import io.cryptobridge.software.SoftwareBackend;
import io.cryptobridge.spi.AeadEngine;
import io.cryptobridge.spi.BackendKey;
import io.cryptobridge.spi.BackendKeyPair;
import io.cryptobridge.spi.BackendPublicKey;
import io.cryptobridge.spi.MacEngine;
import io.cryptobridge.spi.ManagedContent;
import io.cryptobridge.spi.ManagedEntry;
import io.cryptobridge.spi.ManagedKind;
import io.cryptobridge.spi.SecretStore;
import io.cryptobridge.spi.SignaturePrimitives;
import io.cryptobridge.spi.SignerEngine;
import io.cryptobridge.spi.VerifierEngine;
import io.cryptobridge.symmetric.SymmetricAlgorithm;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The PKCS#11 backend's {@link SecretStore} through the SPI, on a throw-away SoftHSM token: every
 * kind round trip, the attributes of the persistent objects, version rules, invalidation, and a
 * second backend on the same token finding what the first stored.
 */
class TokenSecretStoreTest {
    @RegisterExtension static final SoftHsmToken TOKEN = new SoftHsmToken();

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] MESSAGE = "managed on the token".getBytes(StandardCharsets.UTF_8);
    private static final Instant NOW = Instant.ofEpochSecond(1_700_000_000L);

    private static Pkcs11Backend hsm;
    private static SecretStore store;
    private static SoftwareBackend software;

    @BeforeAll
    static void open() {
        hsm = TOKEN.open();
        store = hsm.secretStore().orElseThrow();
        software = new SoftwareBackend("soft", RANDOM);
    }

    @AfterAll
    static void close() {
        hsm.close();
    }

    static String newId() {
        byte[] id = new byte[16];
        RANDOM.nextBytes(id);
        return HexFormat.of().formatHex(id);
    }

    static ManagedEntry entry(ManagedKind kind, String algorithm) {
        return new ManagedEntry("tests", newId(), 1, kind, algorithm, NOW, 0);
    }

    @Test
    void aes256Gcm_generatedManaged_loadedCopiesSealAndOpen() {
        ManagedEntry entry = entry(ManagedKind.SYMMETRIC_KEY, "AES-256-GCM");
        assertTrue(
                store.create(
                        entry, new ManagedContent.NewSymmetricKey(SymmetricAlgorithm.AES_256_GCM)));

        BackendKey first = store.loadSymmetricKey(entry);
        BackendKey second = store.loadSymmetricKey(entry);
        byte[] nonce = new byte[12];
        byte[] sealed = aead(first).seal(nonce, new byte[0], MESSAGE);

        assertArrayEquals(MESSAGE, aead(second).open(nonce, new byte[0], sealed));
        assertEquals(
                Optional.of(entry), store.find("tests", entry.id(), 1, ManagedKind.SYMMETRIC_KEY));
    }

    @Test
    void hmacSha256_copyOfSoftwareKey_tagsEqualSoftware() {
        SymmetricAlgorithm hmac = SymmetricAlgorithm.HMAC_SHA_256;
        var soft = software.symmetric().orElseThrow();
        BackendKey original = soft.generateKey(hmac);
        ManagedEntry entry = entry(ManagedKind.SYMMETRIC_KEY, "HMAC/SHA-256");

        assertTrue(
                store.create(entry, new ManagedContent.CopyOfSymmetricKey(hmac, soft, original)));
        BackendKey loaded = store.loadSymmetricKey(entry);

        assertArrayEquals(tag(soft.newMac(hmac, original)), tag(mac(loaded)));
        assertThrows(CryptoException.class, loaded::exportRaw);
    }

    @Test
    void ed25519_generatedManaged_signaturesVerifyWithStoredPublicKey() {
        SignatureAlgorithm ed = SignatureAlgorithm.ED25519;
        ManagedEntry entry = entry(ManagedKind.SIGNATURE_KEY_PAIR, ed.specName());
        assertTrue(store.create(entry, new ManagedContent.NewKeyPair(ed)));

        BackendKeyPair loaded = store.loadKeyPair(entry);

        assertTrue(verifiesInSoftware(ed, loaded.publicKey(), sign(ed, loaded)));
    }

    @Test
    void ecdsaP256_copyOfOwnTokenKey_signsAsTheOriginal() {
        SignatureAlgorithm ecdsa = SignatureAlgorithm.ECDSA_P256_SHA256;
        SignaturePrimitives onToken = hsm.signatures().orElseThrow();
        BackendKeyPair original = onToken.generateKeyPair(ecdsa);
        ManagedEntry entry = entry(ManagedKind.SIGNATURE_KEY_PAIR, ecdsa.specName());

        assertTrue(store.create(entry, new ManagedContent.CopyOfKeyPair(ecdsa, onToken, original)));
        original.destroy();
        BackendKeyPair loaded = store.loadKeyPair(entry);

        assertArrayEquals(
                original.publicKey().export(PublicKeyEncoding.PKCS8),
                loaded.publicKey().export(PublicKeyEncoding.PKCS8));
        assertTrue(verifiesInSoftware(ecdsa, original.publicKey(), sign(ecdsa, loaded)));
    }

    @Test
    void rsa_copyOfSoftwareKeyPair_tokenSignatureVerifiesWithOriginal() {
        SignatureAlgorithm rsa = SignatureAlgorithm.RSA_PKCS1_2048_SHA256;
        SignaturePrimitives soft = software.signatures().orElseThrow();
        BackendKeyPair original = soft.generateKeyPair(rsa);
        ManagedEntry entry = entry(ManagedKind.SIGNATURE_KEY_PAIR, rsa.specName());

        assertTrue(store.create(entry, new ManagedContent.CopyOfKeyPair(rsa, soft, original)));
        BackendKeyPair loaded = store.loadKeyPair(entry);

        assertTrue(verifiesInSoftware(rsa, original.publicKey(), sign(rsa, loaded)));
    }

    @Test
    void ecdhP256_generatedManaged_sharedSecretMatchesSoftwarePeer() {
        KxAlgorithm p256 = KxAlgorithm.P256_SHA256;
        ManagedEntry entry = entry(ManagedKind.KX_KEY_PAIR, p256.specName());
        assertTrue(store.create(entry, new ManagedContent.NewKeyPair(p256)));
        BackendKeyPair loaded = store.loadKeyPair(entry);
        var softKx = software.keyExchange().orElseThrow();
        BackendKeyPair peer = softKx.generateKeyPair(p256);

        byte[] onToken =
                hsm.keyExchange()
                        .orElseThrow()
                        .dh(
                                p256,
                                hsm.keyExchange()
                                        .orElseThrow()
                                        .importPublicKey(
                                                p256,
                                                PublicKeyEncoding.SEC,
                                                peer.publicKey().export(PublicKeyEncoding.SEC)),
                                loaded.secretKey());
        byte[] inSoftware =
                softKx.dh(
                        p256,
                        softKx.importPublicKey(
                                p256,
                                PublicKeyEncoding.SEC,
                                loaded.publicKey().export(PublicKeyEncoding.SEC)),
                        peer.secretKey());

        assertArrayEquals(inSoftware, onToken);
    }

    @Test
    void externalSecret_sealedStoredLoaded_unsealsToTheSecret() {
        ManagedEntry entry =
                new ManagedEntry(
                        "tests",
                        newId(),
                        1,
                        ManagedKind.EXTERNAL_SECRET,
                        ManagedEntry.SECRET_ALGORITHM,
                        NOW,
                        4_000_000_000L);
        byte[] aad = "CBS1 aad".getBytes(StandardCharsets.UTF_8);
        byte[] sealed = store.seal(MESSAGE, aad);

        assertTrue(store.create(entry, new ManagedContent.SealedSecret(sealed)));

        byte[] loaded = store.loadSecret(entry);
        assertArrayEquals(sealed, loaded);
        assertArrayEquals(MESSAGE, store.unseal(loaded, aad));
        assertEquals(
                Optional.of(entry),
                store.find("tests", entry.id(), 1, ManagedKind.EXTERNAL_SECRET));
    }

    @Test
    void unseal_alteredBytesOrAad_verificationFailed() {
        byte[] aad = {1, 2, 3};
        byte[] sealed = store.seal(MESSAGE, aad);
        byte[] flipped = sealed.clone();
        flipped[flipped.length - 1] ^= 1;
        byte[] otherKek = sealed.clone();
        otherKek[5] ^= 1;

        assertFalse(java.util.Arrays.equals(sealed, store.seal(MESSAGE, aad)));
        for (byte[][] attempt :
                new byte[][][] {
                    {flipped, aad}, {sealed, new byte[] {1, 2}}, {otherKek, aad}, {new byte[8], aad}
                }) {
            CryptoException e =
                    assertThrows(CryptoException.class, () -> store.unseal(attempt[0], attempt[1]));
            assertEquals(CryptoErrno.VERIFICATION_FAILED, e.errno());
        }
    }

    @Test
    void generatedManagedKeys_tokenPrivateSensitiveNotExtractable() throws Exception {
        ManagedEntry aes = entry(ManagedKind.SYMMETRIC_KEY, "AES-256-GCM");
        ManagedEntry ed = entry(ManagedKind.SIGNATURE_KEY_PAIR, "Ed25519");
        store.create(aes, new ManagedContent.NewSymmetricKey(SymmetricAlgorithm.AES_256_GCM));
        store.create(ed, new ManagedContent.NewKeyPair(SignatureAlgorithm.ED25519));

        for (ManagedEntry entry : List.of(aes, ed)) {
            ManagedName name = ManagedName.of(entry);
            List<TokenObjects.KeyAttributes> objects =
                    TokenObjects.objectsWithId(hsm, name.objectId());
            assertEquals(1, objects.size(), "one key object per entry");
            TokenObjects.KeyAttributes key = objects.get(0);
            assertTrue(key.token(), "CKA_TOKEN");
            assertTrue(key.isPrivate(), "CKA_PRIVATE");
            assertTrue(key.sensitive(), "CKA_SENSITIVE");
            assertFalse(key.extractable(), "CKA_EXTRACTABLE");
            assertEquals("cryptobridge/tests/" + entry.id() + "/v1", key.label());
            assertArrayEquals(HexFormat.of().parseHex(entry.id() + "0000000000000001"), key.id());
        }
        CryptoException export =
                assertThrows(CryptoException.class, () -> store.loadSymmetricKey(aes).exportRaw());
        assertEquals(CryptoErrno.PROHIBITED_OPERATION, export.errno());
    }

    @Test
    void managedKeysExtractable_loadedKeysExport_sessionKeysStillDoNot() throws Exception {
        try (Pkcs11Backend exporting = TOKEN.open("managed-keys-extractable", true)) {
            SecretStore exportingStore = exporting.secretStore().orElseThrow();
            ManagedEntry aes = entry(ManagedKind.SYMMETRIC_KEY, "AES-256-GCM");
            ManagedEntry ed = entry(ManagedKind.SIGNATURE_KEY_PAIR, "Ed25519");
            exportingStore.create(
                    aes, new ManagedContent.NewSymmetricKey(SymmetricAlgorithm.AES_256_GCM));
            exportingStore.create(ed, new ManagedContent.NewKeyPair(SignatureAlgorithm.ED25519));

            assertEquals(32, exportingStore.loadSymmetricKey(aes).exportRaw().length);
            assertTrue(
                    exportingStore
                                    .loadKeyPair(ed)
                                    .export(io.cryptobridge.asymmetric.KeyPairEncoding.PKCS8)
                                    .length
                            > 0);
            assertFalse(
                    TokenObjects.objectsWithId(exporting, ManagedName.of(aes).objectId())
                            .get(0)
                            .sensitive());
            assertFalse(
                    exporting
                            .symmetric()
                            .orElseThrow()
                            .generateKey(SymmetricAlgorithm.AES_256_GCM)
                            .extractable(),
                    "extractable: false still holds for session keys");
        }
    }

    @Test
    void create_takenOrInvalidatedVersion_falseAndNothingAdded() throws Exception {
        ManagedEntry v1 = entry(ManagedKind.SYMMETRIC_KEY, "AES-256-GCM");
        ManagedEntry v2 = v1.withVersion(2, NOW);
        ManagedContent aes = new ManagedContent.NewSymmetricKey(SymmetricAlgorithm.AES_256_GCM);
        assertTrue(store.create(v1, aes));
        assertTrue(store.create(v2, aes));
        assertTrue(store.invalidate(v1));

        assertFalse(store.create(v1, aes), "invalidated version");
        assertFalse(store.create(v2, aes), "taken version");
        assertEquals(2, store.highestVersion("tests", v1.id()));
        assertEquals(0, store.highestVersion("other", v1.id()));
        assertEquals(1, TokenObjects.objectsWithId(hsm, ManagedName.of(v2).objectId()).size());
        assertEquals(0, TokenObjects.objectsWithId(hsm, ManagedName.of(v1).objectId()).size());
    }

    @Test
    void invalidate_loadedCopyKeepsWorking_lookupsNotFound() throws Exception {
        SignatureAlgorithm ecdsa = SignatureAlgorithm.ECDSA_P256_SHA256;
        ManagedEntry entry = entry(ManagedKind.SIGNATURE_KEY_PAIR, ecdsa.specName());
        store.create(entry, new ManagedContent.NewKeyPair(ecdsa));
        BackendKeyPair loaded = store.loadKeyPair(entry);

        assertTrue(store.invalidate(entry));

        assertTrue(verifiesInSoftware(ecdsa, loaded.publicKey(), sign(ecdsa, loaded)));
        assertEquals(Optional.empty(), store.find("tests", entry.id(), 1, entry.kind()));
        assertEquals(
                CryptoErrno.NOT_FOUND,
                assertThrows(CryptoException.class, () -> store.loadKeyPair(entry)).errno());
        assertFalse(store.invalidate(entry), "already invalidated");
        assertEquals(
                0,
                TokenObjects.objectsWithId(hsm, ManagedName.of(entry).objectId()).stream()
                        .filter(TokenObjects.KeyAttributes::token)
                        .count(),
                "the loaded copy is a session object; no token object is left");
        assertTrue(
                TokenObjects.dataObjectLabels(hsm)
                        .contains("cryptobridge/tests/" + entry.id() + "/v1/invalidated"));
    }

    @Test
    void create_fourThreadsNextVersionLoop_distinctVersionsOneKeyEach() throws Exception {
        String id = newId();
        ManagedContent hmac = new ManagedContent.NewSymmetricKey(SymmetricAlgorithm.HMAC_SHA_256);
        java.util.concurrent.ExecutorService threads =
                java.util.concurrent.Executors.newFixedThreadPool(4);
        List<java.util.concurrent.Future<List<Long>>> results = new java.util.ArrayList<>();
        for (int t = 0; t < 4; t++) {
            results.add(
                    threads.submit(
                            () -> {
                                List<Long> stored = new java.util.ArrayList<>();
                                while (stored.size() < 5) {
                                    long v = store.highestVersion("threads", id) + 1;
                                    ManagedEntry e =
                                            new ManagedEntry(
                                                    "threads",
                                                    id,
                                                    v,
                                                    ManagedKind.SYMMETRIC_KEY,
                                                    "HMAC/SHA-256",
                                                    NOW,
                                                    0);
                                    if (store.create(e, hmac)) {
                                        stored.add(v);
                                    }
                                }
                                return stored;
                            }));
        }
        java.util.Set<Long> all = new java.util.TreeSet<>();
        int count = 0;
        for (var result : results) {
            List<Long> stored = result.get(2, java.util.concurrent.TimeUnit.MINUTES);
            all.addAll(stored);
            count += stored.size();
        }
        threads.shutdown();

        assertEquals(20, count);
        assertEquals(20, all.size(), "no version was won twice");
        assertEquals(
                all.stream().toList(),
                store.list(Optional.of("threads")).stream().map(ManagedEntry::version).toList());
    }

    @Test
    void stalePendingRecord_crashedWriter_versionBurntNeverFound() {
        ManagedEntry entry = entry(ManagedKind.SYMMETRIC_KEY, "AES-256-GCM");
        // What a writer that died between claim and commit leaves behind.
        new TokenRecords(hsm.pool())
                .create(
                        ManagedName.of(entry),
                        RecordState.PENDING,
                        EntryRecord.of(entry, TokenKey.KeyShape.AS_IS, new byte[0]));
        ManagedContent aes = new ManagedContent.NewSymmetricKey(SymmetricAlgorithm.AES_256_GCM);

        assertEquals(1, store.highestVersion("tests", entry.id()));
        assertEquals(Optional.empty(), store.find("tests", entry.id(), 1, entry.kind()));
        assertFalse(store.create(entry, aes));
        assertFalse(store.invalidate(entry));
        assertTrue(store.create(entry.withVersion(2, NOW), aes));
        assertEquals(
                List.of(entry.withVersion(2, NOW)),
                store.list(Optional.of("tests")).stream()
                        .filter(e -> e.id().equals(entry.id()))
                        .toList());
    }

    @Test
    void find_otherNamespaceOrKind_empty() {
        ManagedEntry entry = entry(ManagedKind.SYMMETRIC_KEY, "AES-256-GCM");
        store.create(entry, new ManagedContent.NewSymmetricKey(SymmetricAlgorithm.AES_256_GCM));

        assertEquals(Optional.empty(), store.find("other", entry.id(), 1, entry.kind()));
        assertEquals(
                Optional.empty(),
                store.find("tests", entry.id(), 1, ManagedKind.SIGNATURE_KEY_PAIR));
        assertEquals(Optional.empty(), store.find("tests", entry.id(), 2, entry.kind()));
        assertThrows(
                CryptoException.class,
                () -> store.loadKeyPair(entry.withVersion(1, NOW)),
                "a symmetric key's id is no key pair");
    }

    @Test
    void list_namespaces_liveEntriesSortedWithoutMaterial() {
        String id = newId();
        ManagedEntry a1 =
                new ManagedEntry("list-a", id, 1, ManagedKind.SYMMETRIC_KEY, "AES-256-GCM", NOW, 0);
        ManagedEntry a2 = a1.withVersion(2, NOW);
        ManagedEntry b =
                new ManagedEntry(
                        "list-b", newId(), 1, ManagedKind.SYMMETRIC_KEY, "AES-256-GCM", NOW, 0);
        ManagedContent aes = new ManagedContent.NewSymmetricKey(SymmetricAlgorithm.AES_256_GCM);
        store.create(a2, aes);
        store.create(a1, aes);
        store.create(b, aes);

        assertEquals(List.of(a1, a2), store.list(Optional.of("list-a")));
        List<ManagedEntry> all = store.list(Optional.empty());
        assertTrue(all.containsAll(List.of(a1, a2, b)));
        assertTrue(all.indexOf(a2) < all.indexOf(b));
    }

    @Test
    void create_unsupportedOrForeignNonExtractable_refusedNothingLeft() {
        ManagedEntry chacha = entry(ManagedKind.SYMMETRIC_KEY, "CHACHA20-POLY1305");
        CryptoException unsupported =
                assertThrows(
                        CryptoException.class,
                        () ->
                                store.create(
                                        chacha,
                                        new ManagedContent.NewSymmetricKey(
                                                SymmetricAlgorithm.CHACHA20_POLY1305)));
        assertEquals(CryptoErrno.UNSUPPORTED_ALGORITHM, unsupported.errno());
        assertTrue(unsupported.getMessage().contains("'hsm'"));
        assertTrue(unsupported.getMessage().contains("CHACHA20-POLY1305"));

        ManagedEntry x25519 = entry(ManagedKind.KX_KEY_PAIR, "X25519");
        assertEquals(
                CryptoErrno.UNSUPPORTED_ALGORITHM,
                assertThrows(
                                CryptoException.class,
                                () ->
                                        store.create(
                                                x25519,
                                                new ManagedContent.NewKeyPair(KxAlgorithm.X25519)))
                        .errno());

        BackendKey notExtractable = new NotExtractableKey();
        ManagedEntry foreign = entry(ManagedKind.SYMMETRIC_KEY, "AES-256-GCM");
        assertEquals(
                CryptoErrno.PROHIBITED_OPERATION,
                assertThrows(
                                CryptoException.class,
                                () ->
                                        store.create(
                                                foreign,
                                                new ManagedContent.CopyOfSymmetricKey(
                                                        SymmetricAlgorithm.AES_256_GCM,
                                                        software.symmetric().orElseThrow(),
                                                        notExtractable)))
                        .errno());
        for (ManagedEntry e : List.of(chacha, x25519, foreign)) {
            assertEquals(0, store.highestVersion("tests", e.id()));
        }
    }

    @Test
    void secondBackend_sameToken_findsAndUsesWhatTheFirstStored() {
        ManagedEntry aes = entry(ManagedKind.SYMMETRIC_KEY, "AES-256-GCM");
        ManagedEntry ed = entry(ManagedKind.SIGNATURE_KEY_PAIR, "Ed25519");
        store.create(aes, new ManagedContent.NewSymmetricKey(SymmetricAlgorithm.AES_256_GCM));
        store.create(ed, new ManagedContent.NewKeyPair(SignatureAlgorithm.ED25519));
        byte[] nonce = new byte[12];
        byte[] sealed = aead(store.loadSymmetricKey(aes)).seal(nonce, new byte[0], MESSAGE);
        BackendPublicKey edPublic = store.loadKeyPair(ed).publicKey();
        byte[] sealedSecret = store.seal(MESSAGE, new byte[0]);

        try (Pkcs11Backend second = TOKEN.open()) {
            SecretStore again = second.secretStore().orElseThrow();
            BackendKey key = again.loadSymmetricKey(aes);
            byte[] opened =
                    second.symmetric()
                            .orElseThrow()
                            .newAead(SymmetricAlgorithm.AES_256_GCM, key)
                            .open(nonce, new byte[0], sealed);
            BackendKeyPair reloaded = again.loadKeyPair(ed);
            SignerEngine signer =
                    second.signatures()
                            .orElseThrow()
                            .newSigner(SignatureAlgorithm.ED25519, reloaded);
            signer.update(MESSAGE, 0, MESSAGE.length);

            assertArrayEquals(MESSAGE, opened);
            assertTrue(verifiesInSoftware(SignatureAlgorithm.ED25519, edPublic, signer.sign()));
            assertArrayEquals(MESSAGE, again.unseal(sealedSecret, new byte[0]));
            assertEquals(Optional.of(aes), again.find("tests", aes.id(), 1, aes.kind()));
        }
    }

    @Test
    void pkcs11Tool_listObjects_showsNamespaceIdVersionAndState() throws Exception {
        String tool = SoftHsmToken.findOnPath("pkcs11-tool");
        Assumptions.assumeTrue(
                tool != null, "pkcs11-tool is not on the PATH (apt-get install opensc)");
        ManagedEntry ed =
                new ManagedEntry(
                        "billing", newId(), 1, ManagedKind.SIGNATURE_KEY_PAIR, "Ed25519", NOW, 0);
        store.create(ed, new ManagedContent.NewKeyPair(SignatureAlgorithm.ED25519));
        store.create(
                ed.withVersion(2, NOW), new ManagedContent.NewKeyPair(SignatureAlgorithm.ED25519));
        store.invalidate(ed);
        ManagedEntry aes =
                new ManagedEntry(
                        "billing", newId(), 1, ManagedKind.SYMMETRIC_KEY, "AES-256-GCM", NOW, 0);
        store.create(aes, new ManagedContent.NewSymmetricKey(SymmetricAlgorithm.AES_256_GCM));
        ManagedEntry secret =
                new ManagedEntry(
                        "billing",
                        newId(),
                        1,
                        ManagedKind.EXTERNAL_SECRET,
                        ManagedEntry.SECRET_ALGORITHM,
                        NOW,
                        4_000_000_000L);
        store.create(secret, new ManagedContent.SealedSecret(store.seal(MESSAGE, new byte[0])));

        Process process =
                new ProcessBuilder(
                                tool,
                                "--module",
                                TOKEN.library().toString(),
                                "--token-label",
                                TOKEN.label(),
                                "--login",
                                "--pin",
                                TOKEN.pin(),
                                "--list-objects")
                        .redirectErrorStream(true)
                        .start();
        String listing =
                new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        System.out.println(listing);

        String prefix = "cryptobridge/billing/" + ed.id();
        assertTrue(listing.contains("label:      " + prefix + "/v2"), "key object v2");
        assertTrue(listing.contains("ID:         " + ed.id() + "0000000000000002"), "CKA_ID v2");
        assertTrue(listing.contains(prefix + "/v1/invalidated"), "tombstone of v1");
        assertTrue(listing.contains("cryptobridge/billing/" + aes.id() + "/v1"), "AES key");
        assertTrue(listing.contains("cryptobridge/billing/" + secret.id() + "/v1"), "secret");
        assertTrue(listing.contains(TokenKek.LABEL), "the key-encryption key");
    }

    // --- helpers

    private static AeadEngine aead(BackendKey key) {
        return hsm.symmetric().orElseThrow().newAead(SymmetricAlgorithm.AES_256_GCM, key);
    }

    private static MacEngine mac(BackendKey key) {
        return hsm.symmetric().orElseThrow().newMac(SymmetricAlgorithm.HMAC_SHA_256, key);
    }

    private static byte[] tag(MacEngine mac) {
        mac.update(MESSAGE, 0, MESSAGE.length);
        return mac.tag();
    }

    private static byte[] sign(SignatureAlgorithm algorithm, BackendKeyPair pair) {
        SignerEngine signer = hsm.signatures().orElseThrow().newSigner(algorithm, pair);
        signer.update(MESSAGE, 0, MESSAGE.length);
        return signer.sign();
    }

    private static boolean verifiesInSoftware(
            SignatureAlgorithm algorithm, BackendPublicKey publicKey, byte[] signature) {
        SignaturePrimitives soft = software.signatures().orElseThrow();
        VerifierEngine verifier =
                soft.newVerifier(
                        algorithm,
                        soft.importPublicKey(
                                algorithm,
                                PublicKeyEncoding.PKCS8,
                                publicKey.export(PublicKeyEncoding.PKCS8)));
        verifier.update(MESSAGE, 0, MESSAGE.length);
        return verifier.verify(signature);
    }

    /** Another backend's key that may not leave it. */
    private static final class NotExtractableKey implements BackendKey {
        @Override
        public boolean extractable() {
            return false;
        }

        @Override
        public byte[] exportRaw() {
            throw new CryptoException(CryptoErrno.PROHIBITED_OPERATION, "not extractable");
        }

        @Override
        public void destroy() {}
    }
}
