package io.cryptobridge.pkcs11;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cryptobridge.CryptoErrno;
import io.cryptobridge.CryptoException;
import io.cryptobridge.CryptoHost;
import io.cryptobridge.asymmetric.AsymmetricAlgorithm;
import io.cryptobridge.asymmetric.PublicKeyEncoding;
import io.cryptobridge.kx.KxAlgorithm;
import io.cryptobridge.signatures.SignatureAlgorithm;
import io.cryptobridge.software.SoftwareBackend;
import io.cryptobridge.spi.Backend;
import io.cryptobridge.spi.BackendKeyPair;
import io.cryptobridge.spi.HashEngine;
import io.cryptobridge.spi.MacEngine;
import io.cryptobridge.spi.SignaturePrimitives;
import io.cryptobridge.spi.SignerEngine;
import io.cryptobridge.spi.SymmetricPrimitives;
import io.cryptobridge.spi.VerifierEngine;
import io.cryptobridge.symmetric.SymmetricAlgorithm;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The SoftHSM token as a remote HSM: {@code p11-kit server} exports it on a unix socket and the
 * backend loads {@code p11-kit-client.so}. Debian 12's p11-kit 0.24.1 forwards only the mechanisms
 * its RPC can serialize; the capability table has to show exactly what it drops, the rest must work
 * remotely, and a server that dies and comes back must give clean errnos and then work again.
 */
@TestMethodOrder(MethodOrderer.MethodName.class)
class RemoteHsmTest {
    @RegisterExtension
    @Order(1)
    static final SoftHsmToken TOKEN = new SoftHsmToken();

    @RegisterExtension
    @Order(2)
    static final P11KitServer SERVER = new P11KitServer(TOKEN);

    private static final Duration LIMIT = Duration.ofSeconds(30);
    private static final byte[] MESSAGE = "a remote signature".getBytes(StandardCharsets.UTF_8);

    private final SoftwareBackend software = new SoftwareBackend("soft", new SecureRandom());
    private Pkcs11Backend remote;

    @BeforeEach
    void openRemote() {
        remote = assertTimeoutPreemptively(LIMIT, () -> SERVER.open());
    }

    @AfterEach
    void closeRemote() {
        assertTimeoutPreemptively(LIMIT, () -> remote.close());
    }

    @Test
    void capabilities_overP11Kit_dropAesGcmEcdhAndEd25519() {
        Set<Object> local = new HashSet<>();
        Set<Object> overRpc = new HashSet<>();
        try (Pkcs11Backend direct = TOKEN.open()) {
            local.addAll(direct.capabilities().algorithms());
            local.addAll(direct.asymmetricCapabilities().algorithms());
        }
        overRpc.addAll(remote.capabilities().algorithms());
        overRpc.addAll(remote.asymmetricCapabilities().algorithms());

        Set<Object> dropped = new HashSet<>(local);
        dropped.removeAll(overRpc);
        assertEquals(
                Set.of(
                        SymmetricAlgorithm.AES_128_GCM,
                        SymmetricAlgorithm.AES_256_GCM,
                        SignatureAlgorithm.ED25519,
                        KxAlgorithm.P256_SHA256,
                        KxAlgorithm.P384_SHA384),
                dropped);
        assertTrue(local.containsAll(overRpc), "the RPC adds nothing: " + overRpc);
    }

    /**
     * The mechanisms p11-kit 0.24.1's RPC does not forward from SoftHSM 2.6.1 (70 listed directly,
     * 36 over the RPC): everything whose parameters the RPC cannot serialize.
     */
    private static final Set<Long> DROPPED_BY_P11KIT_0_24 =
            Set.of(
                    0x0EL, // CKM_SHA1_RSA_PKCS_PSS
                    0x43L, 0x44L, 0x45L, 0x47L, // CKM_SHA256/384/512/224_RSA_PKCS_PSS
                    0x46L, // CKM_SHA224_RSA_PKCS
                    0x13L, 0x14L, 0x15L, 0x16L, // CKM_DSA_SHA224/256/384/512
                    0x21L, // CKM_DH_PKCS_DERIVE
                    0x122L, 0x125L, 0x133L, 0x136L,
                    0x138L, // CKM_DES_CBC(_PAD), DES3_CBC(_PAD), DES3_CMAC
                    0x255L, 0x256L, // CKM_SHA224, CKM_SHA224_HMAC
                    0x1050L, // CKM_ECDH1_DERIVE
                    0x1055L, 0x1057L, // CKM_EC_EDWARDS_KEY_PAIR_GEN, CKM_EDDSA
                    0x1082L, 0x1085L, 0x1086L, 0x1087L,
                    0x108AL, // CKM_AES_CBC(_PAD), CTR, GCM, CMAC
                    0x1100L, 0x1101L, 0x1102L, 0x1103L, 0x1104L, 0x1105L, // CKM_*_ENCRYPT_DATA
                    0x2109L, 0x210AL); // CKM_AES_KEY_WRAP(_PAD)

    @Test
    void mechanisms_overP11Kit_exactlyTheUnserializableOnesMissing() {
        Map<Long, CapabilityTable.MechanismInfo> local;
        try (Pkcs11Backend direct = TOKEN.open()) {
            local = direct.capabilities().probedMechanisms();
        }
        Map<Long, CapabilityTable.MechanismInfo> overRpc = remote.capabilities().probedMechanisms();

        Set<Long> dropped = new HashSet<>(local.keySet());
        dropped.removeAll(overRpc.keySet());
        assertEquals(DROPPED_BY_P11KIT_0_24, dropped);
        for (Map.Entry<Long, CapabilityTable.MechanismInfo> entry : overRpc.entrySet()) {
            CapabilityTable.MechanismInfo direct = local.get(entry.getKey());
            String mechanism = "0x" + Long.toHexString(entry.getKey());
            assertEquals(direct.minKeySize(), entry.getValue().minKeySize(), mechanism);
            assertEquals(direct.maxKeySize(), entry.getValue().maxKeySize(), mechanism);
            // Flags are not compared: for CKM_AES_ECB they differed (0x69e606710 direct, 0x302
            // over the RPC) in a way not explained yet.
        }
    }

    @Test
    void remainingOperations_overP11Kit_signMacAndHashOnTheRemoteToken() {
        SignaturePrimitives onRemote = remote.signatures().orElseThrow();
        SignaturePrimitives inSoftware = software.signatures().orElseThrow();
        for (SignatureAlgorithm algorithm :
                new SignatureAlgorithm[] {
                    SignatureAlgorithm.ECDSA_P256_SHA256,
                    SignatureAlgorithm.ECDSA_P384_SHA384,
                    SignatureAlgorithm.RSA_PKCS1_2048_SHA256,
                    SignatureAlgorithm.RSA_PSS_2048_SHA256
                }) {
            BackendKeyPair pair = onRemote.generateKeyPair(algorithm);
            byte[] signature = sign(onRemote, algorithm, pair);
            assertTrue(verify(inSoftware, algorithm, pair, signature), algorithm + " verifies");
        }

        SymmetricPrimitives symmetricRemote = remote.symmetric().orElseThrow();
        SymmetricPrimitives symmetricSoftware = software.symmetric().orElseThrow();
        byte[] raw = new byte[32];
        new SecureRandom().nextBytes(raw);
        assertArrayEquals(
                tag(symmetricSoftware, raw), tag(symmetricRemote, raw), "HMAC-SHA256 tag");
        assertArrayEquals(
                digest(symmetricSoftware, SymmetricAlgorithm.SHA_512),
                digest(symmetricRemote, SymmetricAlgorithm.SHA_512));
    }

    @Test
    void router_remoteHsmThenSoftware_routesDroppedAlgorithmsToSoftware() {
        SoftwareBackend soft = new SoftwareBackend("software", new SecureRandom());
        CryptoHost host = CryptoHost.builder().backend(remote).backend(soft).build();

        assertSame(remote, servedBy(host, SignatureAlgorithm.ECDSA_P256_SHA256.specName()));
        assertSame(remote, servedBy(host, SignatureAlgorithm.RSA_PSS_2048_SHA256.specName()));
        assertSame(remote, servedBy(host, SymmetricAlgorithm.HMAC_SHA_256.specName()));
        assertSame(soft, servedBy(host, SymmetricAlgorithm.AES_256_GCM.specName()));
        assertSame(soft, servedBy(host, SignatureAlgorithm.ED25519.specName()));
        assertSame(soft, servedBy(host, KxAlgorithm.P256_SHA256.specName()));
        assertSame(soft, servedBy(host, KxAlgorithm.X25519.specName()));
    }

    @Test
    void serverKilled_operationsFailCleanly_thenRecoverAfterRestart() throws Exception {
        SignaturePrimitives onRemote = remote.signatures().orElseThrow();
        SymmetricPrimitives symmetricRemote = remote.symmetric().orElseThrow();
        SignatureAlgorithm ecdsa = SignatureAlgorithm.ECDSA_P256_SHA256;
        BackendKeyPair before = onRemote.generateKeyPair(ecdsa);
        sign(onRemote, ecdsa, before);

        SERVER.kill();

        CryptoException signAfterKill =
                assertTimeoutPreemptively(
                        LIMIT,
                        () ->
                                assertThrows(
                                        CryptoException.class,
                                        () -> sign(onRemote, ecdsa, before)));
        assertEquals(CryptoErrno.ALGORITHM_FAILURE, signAfterKill.errno());
        assertTrue(
                signAfterKill
                        .getMessage()
                        .contains("CKR_DEVICE_ERROR (the token, or the connection to it, is gone)"),
                signAfterKill.getMessage());
        CryptoException keygenWhileDown =
                assertTimeoutPreemptively(
                        LIMIT,
                        () ->
                                assertThrows(
                                        CryptoException.class,
                                        () -> onRemote.generateKeyPair(ecdsa)));
        assertEquals(CryptoErrno.ALGORITHM_FAILURE, keygenWhileDown.errno());
        CryptoException hashWhileDown =
                assertTimeoutPreemptively(
                        LIMIT,
                        () ->
                                assertThrows(
                                        CryptoException.class,
                                        () -> digest(symmetricRemote, SymmetricAlgorithm.SHA_256)));
        assertEquals(CryptoErrno.ALGORITHM_FAILURE, hashWhileDown.errno());

        SERVER.start();

        // No new backend, no call from the embedder: operations reconnect by themselves (at most
        // one attempt per second, so the first calls after the restart may still fail).
        assertArrayEquals(
                digest(software.symmetric().orElseThrow(), SymmetricAlgorithm.SHA_256),
                eventually(() -> digest(symmetricRemote, SymmetricAlgorithm.SHA_256)));
        BackendKeyPair after = onRemote.generateKeyPair(ecdsa);
        assertTrue(
                verify(
                        software.signatures().orElseThrow(),
                        ecdsa,
                        after,
                        sign(onRemote, ecdsa, after)));
        // The old key was a session object of the dead server: gone, and never another key.
        CryptoException oldKey =
                assertTimeoutPreemptively(
                        LIMIT,
                        () ->
                                assertThrows(
                                        CryptoException.class,
                                        () -> sign(onRemote, ecdsa, before)));
        assertEquals(CryptoErrno.INVALID_KEY, oldKey.errno());
        assertFalse(remote.asymmetricCapabilities().algorithms().isEmpty());
    }

    /**
     * Two threads sign while the server dies. p11-kit 0.24.1's client never wakes a thread that
     * waits for its reply when the connection breaks (this test hung 1 run in 3 before the backend
     * made calls into p11-kit one at a time, {@code Pkcs11Token.beginCalls}).
     */
    @Test
    void serverKilled_whileTwoThreadsSign_everyCallEndsWithAResultOrACleanErrno() throws Exception {
        SignaturePrimitives onRemote = remote.signatures().orElseThrow();
        SignatureAlgorithm ecdsa = SignatureAlgorithm.ECDSA_P256_SHA256;
        BackendKeyPair pair = onRemote.generateKeyPair(ecdsa);
        Set<CryptoErrno> errnos = ConcurrentHashMap.newKeySet();
        AtomicInteger signed = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> loops = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                loops.add(
                        threads.submit(
                                () -> {
                                    while (!stop.get()) {
                                        try {
                                            sign(onRemote, ecdsa, pair);
                                            signed.incrementAndGet();
                                        } catch (CryptoException e) {
                                            errnos.add(e.errno());
                                        }
                                    }
                                }));
            }
            while (signed.get() < 20) {
                Thread.sleep(5);
            }
            SERVER.kill();
            while (errnos.isEmpty()) {
                Thread.sleep(5);
            }
            SERVER.start();
            stop.set(true);
            for (Future<?> loop : loops) {
                loop.get(LIMIT.toSeconds(), TimeUnit.SECONDS); // no RuntimeException escaped
            }
        } finally {
            stop.set(true);
            threads.shutdownNow();
        }

        // The key died with the server; the connection is lost (algorithm_failure) or the key is.
        assertTrue(
                Set.of(CryptoErrno.ALGORITHM_FAILURE, CryptoErrno.INVALID_KEY).containsAll(errnos),
                errnos.toString());
        BackendKeyPair fresh = eventually(() -> onRemote.generateKeyPair(ecdsa));
        assertTrue(
                verify(
                        software.signatures().orElseThrow(),
                        ecdsa,
                        fresh,
                        sign(onRemote, ecdsa, fresh)));
        assertEquals(0, remote.pool().borrowedSessions());
    }

    /**
     * The result of {@code call}, retried every 100 ms while it fails with algorithm_failure (the
     * backend reconnects at most once per second), for at most {@link #LIMIT}.
     */
    private static <T> T eventually(Supplier<T> call) {
        return assertTimeoutPreemptively(
                LIMIT,
                () -> {
                    while (true) {
                        try {
                            return call.get();
                        } catch (CryptoException e) {
                            if (e.errno() != CryptoErrno.ALGORITHM_FAILURE) {
                                throw e;
                            }
                            Thread.sleep(100);
                        }
                    }
                });
    }

    private static Backend servedBy(CryptoHost host, String specName) {
        return host.router().route(specName).backend();
    }

    private static byte[] sign(
            SignaturePrimitives backend, SignatureAlgorithm algorithm, BackendKeyPair pair) {
        SignerEngine signer = backend.newSigner(algorithm, pair);
        signer.update(MESSAGE, 0, MESSAGE.length);
        return signer.sign();
    }

    private static boolean verify(
            SignaturePrimitives verifierBackend,
            AsymmetricAlgorithm algorithm,
            BackendKeyPair pair,
            byte[] signature) {
        SignatureAlgorithm signatureAlgorithm = (SignatureAlgorithm) algorithm;
        VerifierEngine verifier =
                verifierBackend.newVerifier(
                        signatureAlgorithm,
                        verifierBackend.importPublicKey(
                                signatureAlgorithm,
                                PublicKeyEncoding.PKCS8,
                                pair.publicKey().export(PublicKeyEncoding.PKCS8)));
        verifier.update(MESSAGE, 0, MESSAGE.length);
        return verifier.verify(signature);
    }

    private static byte[] tag(SymmetricPrimitives backend, byte[] raw) {
        MacEngine mac =
                backend.newMac(
                        SymmetricAlgorithm.HMAC_SHA_256,
                        backend.importKey(SymmetricAlgorithm.HMAC_SHA_256, raw));
        mac.update(MESSAGE, 0, MESSAGE.length);
        return mac.tag();
    }

    private static byte[] digest(SymmetricPrimitives backend, SymmetricAlgorithm algorithm) {
        HashEngine hash = backend.newHash(algorithm);
        hash.update(MESSAGE, 0, MESSAGE.length);
        return hash.digest();
    }
}
