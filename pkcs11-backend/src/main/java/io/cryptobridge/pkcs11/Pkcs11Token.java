package io.cryptobridge.pkcs11;

import io.cryptobridge.config.SecretRef;
import java.util.Arrays;
import java.util.concurrent.locks.ReentrantLock;
import sun.security.pkcs11.wrapper.CK_TOKEN_INFO;
import sun.security.pkcs11.wrapper.PKCS11;
import sun.security.pkcs11.wrapper.PKCS11Constants;
import sun.security.pkcs11.wrapper.PKCS11Exception;

/**
 * One token in one slot of a loaded library: opens logged-in sessions. Login state is per token and
 * application, so {@code CKR_USER_ALREADY_LOGGED_IN} is success. The PIN is read from its source
 * for each login and wiped right after, never kept.
 */
final class Pkcs11Token {
    private static final System.Logger LOG = System.getLogger(Pkcs11Token.class.getName());

    /** At most one reconnect attempt per second while the server is away. */
    private static final long RECONNECT_INTERVAL_NANOS = 1_000_000_000L;

    /** Replaced when a lost connection is made again ({@link Cryptoki#loadAgain}). */
    private volatile PKCS11 p11;

    private final String library;
    private final long slotId;
    private final TokenDescription description;
    private final SecretRef pin;

    /** Counts lost connections: sessions and objects of an older connection are gone. */
    private volatile long connection;

    /** The connection was lost and not made again yet. */
    private volatile boolean disconnected;

    /** When the last reconnect was tried ({@link System#nanoTime}), 0 for never. */
    private long lastAttempt;

    /** Whether a lost connection is repaired by loading the library again (p11-kit). */
    private final boolean reconnects;

    /** One unit of calls at a time, for p11-kit ({@link #beginCalls}). */
    private final ReentrantLock calls = new ReentrantLock(true);

    Pkcs11Token(
            PKCS11 p11, String library, long slotId, TokenDescription description, SecretRef pin) {
        this.p11 = p11;
        this.library = library;
        this.reconnects = Cryptoki.isP11Kit(p11);
        this.slotId = slotId;
        this.description = description;
        this.pin = pin;
    }

    PKCS11 p11() {
        return p11;
    }

    long slotId() {
        return slotId;
    }

    TokenDescription description() {
        return description;
    }

    /**
     * The current connection to the library. Session handles and object handles are only meaningful
     * within the connection they were made in: after a reconnect the same numbers name other
     * sessions and objects, so they must never be used (or closed) again.
     */
    long connection() {
        return connection;
    }

    /**
     * An operation on a session of {@code seenConnection} found the connection gone ({@link
     * Ckr#connectionLost}): load a new instance of the library, which connects anew (see {@link
     * Cryptoki#loadAgain}); only for p11-kit, whose RPC client cannot reconnect otherwise. Reports
     * from sessions of an older connection are ignored, so a connection made again is not torn down
     * by late failures of the old one. If the server is still away, the next {@link #openSession}
     * tries again.
     */
    synchronized void connectionLost(long seenConnection) {
        if (!reconnects || seenConnection != connection || disconnected) {
            return; // handled already; openSession() tries to reconnect
        }
        connection++;
        disconnected = true;
        LOG.log(
                System.Logger.Level.WARNING,
                () -> "PKCS#11 token '" + description.label() + "': connection lost, reconnecting");
        reconnectIfNeeded();
    }

    private synchronized boolean reconnectIfNeeded() {
        if (!disconnected) {
            return true;
        }
        long now = System.nanoTime();
        if (lastAttempt != 0 && now - lastAttempt < RECONNECT_INTERVAL_NANOS) {
            return false; // each attempt leaks a little (see Cryptoki.loadAgain)
        }
        lastAttempt = now;
        PKCS11 fresh = Cryptoki.loadAgain(library);
        if (fresh == null) {
            return false;
        }
        if (!sameTokenPresent(fresh)) {
            Cryptoki.finalizeUnused(fresh); // p11-kit's client starts without a server, too
            return false;
        }
        p11 = fresh; // the old instance stays as it is: calls may still run on it
        Cryptoki.publish(library, fresh);
        disconnected = false;
        LOG.log(
                System.Logger.Level.INFO,
                () -> "PKCS#11 token '" + description.label() + "': reconnected");
        return true;
    }

    /**
     * Whether the token is back in its slot after a re-initialization. p11-kit's client initializes
     * without a server too (it then shows no slots), so a successful {@code C_Initialize} alone
     * does not mean the connection is back.
     */
    private boolean sameTokenPresent(PKCS11 candidate) {
        try {
            return Cryptoki.text(candidate.C_GetTokenInfo(slotId).label)
                    .equals(description.label());
        } catch (PKCS11Exception e) {
            return false;
        }
    }

    /**
     * Starts a unit of calls into the library; {@link #endCalls} in {@code finally}. For p11-kit
     * only one unit runs at a time: a thread waiting for its reply inside p11-kit 0.24.1's client
     * when the server dies is never woken (it hung in {@code pthread_cond_wait}, 1 run in 3 of a
     * two-thread kill test); a single caller reads the broken connection itself and gets {@code
     * CKR_DEVICE_ERROR}. Other libraries run units in parallel (one session each).
     */
    void beginCalls() {
        if (reconnects) {
            calls.lock();
        }
    }

    void endCalls() {
        if (reconnects) {
            calls.unlock();
        }
    }

    /** A new read-write session, logged in as the user. */
    long openSession() throws PKCS11Exception {
        if (disconnected && !reconnectIfNeeded()) {
            throw new PKCS11Exception(Ckr.CRYPTOKI_NOT_INITIALIZED, null);
        }
        long session =
                p11.C_OpenSession(
                        slotId,
                        PKCS11Constants.CKF_SERIAL_SESSION | PKCS11Constants.CKF_RW_SESSION,
                        null,
                        null);
        try {
            login(session);
            return session;
        } catch (PKCS11Exception | RuntimeException e) {
            closeQuietly(session);
            throw e;
        }
    }

    private void login(long session) throws PKCS11Exception {
        if (pin == null) {
            return;
        }
        char[] value = pin.resolve();
        try {
            p11.C_Login(session, PKCS11Constants.CKU_USER, value);
        } catch (PKCS11Exception e) {
            if (Cryptoki.errorCode(e) != Ckr.USER_ALREADY_LOGGED_IN) {
                throw e;
            }
        } finally {
            Arrays.fill(value, '\0');
        }
    }

    /**
     * Whether the session is in a user state. A logout (by anyone in this process) ends the login
     * for every session and destroys all private session objects (PKCS#11 §5.6, C_Logout).
     */
    boolean loggedIn(long session) {
        if (pin == null) {
            return true;
        }
        try {
            long state = p11.C_GetSessionInfo(session).state;
            return state == PKCS11Constants.CKS_RO_USER_FUNCTIONS
                    || state == PKCS11Constants.CKS_RW_USER_FUNCTIONS;
        } catch (PKCS11Exception e) {
            return false;
        }
    }

    /** Closes a session whose state no longer matters (it failed, or the pool shrinks). */
    void closeQuietly(long session) {
        try {
            p11.C_CloseSession(session);
        } catch (PKCS11Exception e) {
            // Already closed or the token is gone: either way the session is no longer ours.
        }
    }

    /** What the token says about itself, read once at start-up. */
    record TokenDescription(
            String label,
            String manufacturer,
            String model,
            String serial,
            long flags,
            long maxSessionCount,
            long maxRwSessionCount) {

        static TokenDescription of(CK_TOKEN_INFO info) {
            return new TokenDescription(
                    Cryptoki.text(info.label),
                    Cryptoki.text(info.manufacturerID),
                    Cryptoki.text(info.model),
                    Cryptoki.text(info.serialNumber),
                    info.flags,
                    info.ulMaxSessionCount,
                    info.ulMaxRwSessionCount);
        }

        boolean loginRequired() {
            return (flags & PKCS11Constants.CKF_LOGIN_REQUIRED) != 0;
        }

        /**
         * The read-write session limit the token reports (the backend opens only read-write
         * sessions), or empty when it has none ({@code CK_EFFECTIVELY_INFINITE} = 0) or does not
         * say ({@code CK_UNAVAILABLE_INFORMATION} = ~0).
         */
        java.util.OptionalLong sessionLimit() {
            return java.util.stream.LongStream.of(maxSessionCount, maxRwSessionCount)
                    .filter(limit -> limit != 0 && limit != -1L)
                    .min();
        }
    }
}
