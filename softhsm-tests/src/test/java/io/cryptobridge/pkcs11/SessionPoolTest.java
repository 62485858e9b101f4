package io.cryptobridge.pkcs11;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cryptobridge.software.SoftwareBackend;
import io.cryptobridge.spi.AeadEngine;
import io.cryptobridge.spi.BackendKey;
import io.cryptobridge.spi.HashEngine;
import io.cryptobridge.spi.MacEngine;
import io.cryptobridge.spi.SymmetricPrimitives;
import io.cryptobridge.symmetric.SymmetricAlgorithm;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Exclusive sessions under concurrency, and sessions that vanish under the backend. */
class SessionPoolTest {
    @RegisterExtension static final SoftHsmToken TOKEN = new SoftHsmToken();

    private static final int THREADS = 2;
    private static final int ROUNDS = 2000;

    @Test
    void run_twoThreadsManyOperations_noErrorsAndEverySessionReturned() throws Exception {
        try (Pkcs11Backend hsm = TOKEN.open("sessions", 2L)) {
            SymmetricPrimitives onToken = hsm.symmetric().orElseThrow();
            SymmetricPrimitives software =
                    new SoftwareBackend("soft", new SecureRandom()).symmetric().orElseThrow();
            byte[] raw = new byte[32];
            new SecureRandom().nextBytes(raw);
            BackendKey aesKey = onToken.importKey(SymmetricAlgorithm.AES_256_GCM, raw);
            BackendKey macKey = onToken.importKey(SymmetricAlgorithm.HMAC_SHA_256, raw);
            byte[] expectedTag =
                    mac(software, software.importKey(SymmetricAlgorithm.HMAC_SHA_256, raw));

            ExecutorService executor = Executors.newFixedThreadPool(THREADS);
            try {
                List<Future<Integer>> results = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    int thread = t;
                    results.add(
                            executor.submit(
                                    () -> work(onToken, aesKey, macKey, expectedTag, thread)));
                }
                for (Future<Integer> result : results) {
                    assertEquals(ROUNDS, result.get(5, TimeUnit.MINUTES));
                }
            } finally {
                executor.shutdownNow();
            }

            SessionPool pool = hsm.pool();
            assertEquals(0, pool.borrowedSessions());
            assertEquals(pool.openSessions(), pool.idleSessions());
            assertTrue(pool.openSessions() <= 2, "opened " + pool.openSessions() + " sessions");
        }
    }

    private static int work(
            SymmetricPrimitives onToken,
            BackendKey aesKey,
            BackendKey macKey,
            byte[] expectedTag,
            int thread) {
        AeadEngine aead = onToken.newAead(SymmetricAlgorithm.AES_256_GCM, aesKey);
        int done = 0;
        for (int i = 0; i < ROUNDS; i++) {
            byte[] nonce = new byte[12];
            nonce[0] = (byte) thread;
            nonce[8] = (byte) (i >> 8);
            nonce[9] = (byte) i;
            byte[] message = ("message " + i).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            assertArrayEquals(
                    message, aead.open(nonce, new byte[0], aead.seal(nonce, new byte[0], message)));
            assertArrayEquals(expectedTag, mac(onToken, macKey));
            HashEngine hash = onToken.newHash(SymmetricAlgorithm.SHA_256);
            hash.update(message, 0, message.length);
            assertEquals(32, hash.digest().length);
            done++;
        }
        return done;
    }

    private static byte[] mac(SymmetricPrimitives backend, BackendKey key) {
        MacEngine mac = backend.newMac(SymmetricAlgorithm.HMAC_SHA_256, key);
        mac.update(new byte[] {1, 2, 3}, 0, 3);
        return mac.tag();
    }

    @Test
    void run_sessionClosedUnderThePool_isReplacedTransparently() throws Exception {
        try (Pkcs11Backend hsm = TOKEN.open("sessions", 1L)) {
            SymmetricPrimitives onToken = hsm.symmetric().orElseThrow();
            BackendKey key = onToken.generateKey(SymmetricAlgorithm.AES_128_GCM);
            AeadEngine aead = onToken.newAead(SymmetricAlgorithm.AES_128_GCM, key);
            byte[] nonce = new byte[12];
            byte[] sealed = aead.seal(nonce, new byte[0], new byte[] {42});
            SessionPool pool = hsm.pool();
            long pooled = pool.idleHandles().get(0);

            hsm.token().p11().C_CloseSession(pooled);
            byte[] opened = aead.open(nonce, new byte[0], sealed);

            assertArrayEquals(new byte[] {42}, opened);
            assertEquals(1, pool.replacedSessions());
            assertEquals(1, pool.openSessions());
            assertEquals(1, pool.idleSessions());
        }
    }

    @Test
    void close_backend_destroysItsSessionKeys() throws Exception {
        Pkcs11Backend hsm = TOKEN.open();
        BackendKey key = hsm.symmetric().orElseThrow().generateKey(SymmetricAlgorithm.AES_128_GCM);
        long handle = ((TokenKey) key).handleFor(SymmetricAlgorithm.AES_128_GCM);
        Pkcs11Token token = hsm.token();

        hsm.close();

        long session = token.openSession();
        try {
            sun.security.pkcs11.wrapper.PKCS11Exception e =
                    org.junit.jupiter.api.Assertions.assertThrows(
                            sun.security.pkcs11.wrapper.PKCS11Exception.class,
                            () ->
                                    token.p11()
                                            .C_GetAttributeValue(
                                                    session,
                                                    handle,
                                                    new sun.security.pkcs11.wrapper.CK_ATTRIBUTE[] {
                                                        new sun.security
                                                                .pkcs11
                                                                .wrapper
                                                                .CK_ATTRIBUTE(
                                                                sun.security.pkcs11.wrapper
                                                                        .PKCS11Constants.CKA_CLASS)
                                                    }));
            assertEquals(Ckr.OBJECT_HANDLE_INVALID, e.getErrorCode());
        } finally {
            token.closeQuietly(session);
        }
    }

    @Test
    void run_tokenLoggedOutUnderTheBackend_oldKeysInvalidNewKeysWork() throws Exception {
        try (Pkcs11Backend hsm = TOKEN.open("sessions", 1L)) {
            SymmetricPrimitives onToken = hsm.symmetric().orElseThrow();
            BackendKey old = onToken.generateKey(SymmetricAlgorithm.AES_128_GCM);
            AeadEngine oldAead = onToken.newAead(SymmetricAlgorithm.AES_128_GCM, old);
            oldAead.seal(new byte[12], new byte[0], new byte[] {1});
            long pooled = hsm.pool().idleHandles().get(0);

            // A logout ends the login of every session and destroys private session objects.
            hsm.token().p11().C_Logout(pooled);
            io.cryptobridge.CryptoException lost =
                    org.junit.jupiter.api.Assertions.assertThrows(
                            io.cryptobridge.CryptoException.class,
                            () -> oldAead.seal(new byte[12], new byte[0], new byte[] {1}));
            BackendKey fresh = onToken.generateKey(SymmetricAlgorithm.AES_128_GCM);
            AeadEngine freshAead = onToken.newAead(SymmetricAlgorithm.AES_128_GCM, fresh);
            byte[] sealed = freshAead.seal(new byte[12], new byte[0], new byte[] {7});

            assertEquals(io.cryptobridge.CryptoErrno.INVALID_KEY, lost.errno());
            assertArrayEquals(new byte[] {7}, freshAead.open(new byte[12], new byte[0], sealed));
        }
    }

    @Test
    void run_interruptedWhileWaitingForASession_failsAndKeepsTheInterruptFlag() throws Exception {
        try (Pkcs11Backend hsm = TOKEN.open("sessions", 1L)) {
            SessionPool pool = hsm.pool();
            java.util.concurrent.CountDownLatch holding =
                    new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.CountDownLatch release =
                    new java.util.concurrent.CountDownLatch(1);
            Thread holder = new Thread(() -> PoolCalls.holdSession(pool, holding, release));
            holder.start();
            holding.await();
            java.util.concurrent.atomic.AtomicReference<Throwable> failure =
                    new java.util.concurrent.atomic.AtomicReference<>();
            java.util.concurrent.atomic.AtomicBoolean flagKept =
                    new java.util.concurrent.atomic.AtomicBoolean();
            Thread waiter =
                    new Thread(
                            () -> {
                                try {
                                    PoolCalls.touchSession(pool);
                                } catch (RuntimeException e) {
                                    failure.set(e);
                                    flagKept.set(Thread.currentThread().isInterrupted());
                                }
                            });
            waiter.start();
            while (waiter.getState() != Thread.State.WAITING) {
                Thread.onSpinWait();
            }
            waiter.interrupt();
            waiter.join();
            release.countDown();
            holder.join();

            assertEquals(
                    io.cryptobridge.CryptoErrno.INTERNAL_ERROR,
                    ((io.cryptobridge.CryptoException) failure.get()).errno());
            assertTrue(flagKept.get(), "the interrupt flag is restored");
            assertEquals(0, pool.borrowedSessions());
        }
    }

    @Test
    void destroy_andUnreachableKeys_leaveNoObjectOnTheToken() throws Exception {
        try (Pkcs11Backend hsm = TOKEN.open()) {
            SymmetricPrimitives onToken = hsm.symmetric().orElseThrow();
            onToken.generateKey(SymmetricAlgorithm.AES_128_GCM).destroy();
            for (int i = 0; i < 10; i++) {
                onToken.importKey(SymmetricAlgorithm.HMAC_SHA_256, new byte[32]); // dropped
            }

            int left = TokenObjects.secretKeys(hsm);
            // The Cleaner destroys unreachable keys after a collection; ask for a few.
            for (int i = 0; i < 50 && left > 0; i++) {
                System.gc();
                Thread.sleep(20);
                left = TokenObjects.secretKeys(hsm);
            }

            assertEquals(0, left);
        }
    }
}
