package io.cryptobridge.pkcs11;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import sun.security.pkcs11.wrapper.PKCS11;
import sun.security.pkcs11.wrapper.PKCS11Exception;

/**
 * Sessions for operations, checked out exclusively: two threads on one session make SoftHSM answer
 * {@code CKR_OPERATION_ACTIVE} or crash the JVM (SIGSEGV, measured on JDK 17 and 25), so a unit of
 * work ({@code C_EncryptInit} + {@code C_Encrypt}, ...) owns its session from start to end.
 *
 * <p>At most {@code capacity} sessions exist; callers wait for a free one. A session is returned
 * after success and closed after any failure (it may still have an operation active). When the
 * session or the login was lost ({@link Ckr#sessionLost}) the unit of work runs once more on a
 * fresh, logged-in session: every unit has all its input at hand, so repeating it is safe (an AEAD
 * seal with the same key, nonce and plaintext yields the same ciphertext, and the first one never
 * left the token).
 *
 * <p>When the connection to the library is lost ({@link Ckr#connectionLost}: a remote HSM's server
 * went away) the operation fails (algorithm_failure) and the token reconnects ({@link
 * Pkcs11Token#connectionLost}); it is not repeated, because its key handle belongs to the lost
 * connection. Sessions of an older connection are dropped without closing them: their handles may
 * name someone else's session on the new one.
 */
final class SessionPool implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(SessionPool.class.getName());

    /** A unit of work on one exclusively held session. */
    interface Work<T> {
        T run(PKCS11 p11, long session) throws PKCS11Exception;
    }

    private final Pkcs11Token token;
    private final Pkcs11Errors errors;
    private final int capacity;
    private final Semaphore permits;
    private final Deque<Pooled> idle = new ArrayDeque<>();
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger borrowed = new AtomicInteger();
    private final AtomicLong replaced = new AtomicLong();
    private final Runnable onLoginLost;
    private volatile boolean closed;

    /**
     * @param onLoginLost told when an operation found the token logged out (its session keys are
     *     gone with the login)
     */
    SessionPool(Pkcs11Token token, Pkcs11Errors errors, int capacity, Runnable onLoginLost) {
        this.token = token;
        this.errors = errors;
        this.capacity = capacity;
        this.onLoginLost = onLoginLost;
        this.permits = new Semaphore(capacity, true);
    }

    /** Runs a unit of work on a session of its own; PKCS#11 failures become CryptoExceptions. */
    <T> T run(Operation operation, Work<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return runOnce(operation, work);
            } catch (PKCS11Exception e) {
                long code = Cryptoki.errorCode(e);
                if (attempt == 1 && Ckr.sessionLost(code)) {
                    replaced.incrementAndGet();
                    if (code == Ckr.USER_NOT_LOGGED_IN) {
                        // The login ended, and private session objects ended with it.
                        onLoginLost.run();
                    }
                    LOG.log(
                            System.Logger.Level.INFO,
                            () -> "PKCS#11 session lost (" + Ckr.name(code) + "), reopening");
                    continue;
                }
                throw errors.toCryptoException(operation, e);
            }
        }
    }

    private <T> T runOnce(Operation operation, Work<T> work) throws PKCS11Exception {
        if (closed) {
            throw errors.closed();
        }
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            throw errors.interrupted(operation);
        }
        long connection = token.connection();
        Pooled session = null;
        boolean healthy = false;
        token.beginCalls();
        try {
            session = borrow();
            T result = work.run(token.p11(), session.handle());
            healthy = true;
            return result;
        } catch (PKCS11Exception e) {
            long code = Cryptoki.errorCode(e);
            if (Ckr.connectionLost(code)) {
                token.connectionLost(session != null ? session.connection() : connection);
            } else if (session != null
                    && Ckr.objectGone(code)
                    && !token.loggedIn(session.handle())) {
                // Someone logged the token out: the key went with the login. Log in again so
                // that new keys work; this operation still fails (invalid_key).
                onLoginLost.run();
            }
            throw e;
        } finally {
            if (session != null) {
                borrowed.decrementAndGet();
                if (healthy) {
                    giveBack(session);
                } else {
                    discard(session);
                }
            }
            token.endCalls();
            permits.release();
        }
    }

    private Pooled borrow() throws PKCS11Exception {
        Pooled session;
        while (true) {
            synchronized (idle) {
                session = idle.pollFirst();
            }
            if (session == null || session.connection() == token.connection()) {
                break;
            }
            discard(session); // of a lost connection
        }
        if (session == null) {
            long current = token.connection();
            session = new Pooled(token.openSession(), current);
            open.incrementAndGet();
        }
        borrowed.incrementAndGet();
        return session;
    }

    private void giveBack(Pooled session) {
        synchronized (idle) {
            if (!closed && session.connection() == token.connection()) {
                idle.addFirst(session);
                return;
            }
        }
        discard(session);
    }

    private void discard(Pooled session) {
        open.decrementAndGet();
        if (session.connection() == token.connection()) {
            token.closeQuietly(session.handle());
        }
    }

    /** Sessions that exist now (idle or in use). */
    int openSessions() {
        return open.get();
    }

    /** Sessions waiting in the pool. */
    int idleSessions() {
        synchronized (idle) {
            return idle.size();
        }
    }

    /** Sessions checked out right now. */
    int borrowedSessions() {
        return borrowed.get();
    }

    /** How often a lost session was replaced and its work repeated. */
    long replacedSessions() {
        return replaced.get();
    }

    int capacity() {
        return capacity;
    }

    /** The idle sessions' handles, for tests that pull a session from under the pool. */
    List<Long> idleHandles() {
        synchronized (idle) {
            return idle.stream().map(Pooled::handle).toList();
        }
    }

    /** Closes the idle sessions; sessions in use close when their work ends. Idempotent. */
    @Override
    public void close() {
        List<Pooled> toClose;
        synchronized (idle) {
            closed = true;
            toClose = new ArrayList<>(idle);
            idle.clear();
        }
        toClose.forEach(this::discard);
    }

    /** A session handle and the connection it was opened on. */
    private record Pooled(long handle, long connection) {}
}
