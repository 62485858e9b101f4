package io.cryptobridge.pkcs11;

import sun.security.pkcs11.wrapper.CK_ATTRIBUTE;
import sun.security.pkcs11.wrapper.CK_MECHANISM;
import sun.security.pkcs11.wrapper.PKCS11Exception;

/**
 * The session that creates and owns the backend's session objects (generated and imported keys).
 * PKCS#11 destroys a session object when the session that created it closes (measured on SoftHSM:
 * {@code CKR_OBJECT_HANDLE_INVALID} afterwards), so keys cannot be created on pool sessions, which
 * are closed whenever an operation fails. Other sessions of this process may use the objects.
 *
 * <p>Calls are serialized (one thread per session). If this session is lost, its objects are gone
 * with it: a new session starts a new epoch, and keys of an older epoch report invalid_key instead
 * of reaching objects that may now have the same handle. The same holds when the connection to the
 * library was lost ({@link Pkcs11Token#connectionLost}, a remote HSM's server went away): the
 * session is dropped without closing it, and key creation is retried once on the new connection.
 */
final class KeyOwnerSession implements AutoCloseable {
    private final Pkcs11Token token;
    private final Pkcs11Errors errors;
    private long session = -1;
    private long sessionConnection;
    private int epoch;
    private boolean closed;

    /**
     * @param session an open, logged-in session that becomes the owner; it also keeps the token
     *     logged in for the life of the backend (login state ends with the last session), which the
     *     SunPKCS11 provider relies on
     */
    KeyOwnerSession(Pkcs11Token token, Pkcs11Errors errors, long session) {
        this.token = token;
        this.errors = errors;
        this.session = session;
        this.sessionConnection = token.connection();
    }

    /** A key made by {@code C_GenerateKey}, and the epoch it belongs to. */
    synchronized Created generate(CK_MECHANISM mechanism, CK_ATTRIBUTE[] template) {
        return create(
                Operation.GENERATE_KEY, s -> token.p11().C_GenerateKey(s, mechanism, template));
    }

    /** A key made by {@code C_CreateObject}, and the epoch it belongs to. */
    synchronized Created importObject(CK_ATTRIBUTE[] template) {
        return create(Operation.IMPORT_KEY, s -> token.p11().C_CreateObject(s, template));
    }

    /**
     * Runs {@code work} on the owner session (serialized with every other owner call) and tags its
     * result with the epoch: for key pairs, whose generation also reads the public half and
     * destroys its object in the same unit.
     */
    synchronized <T> Owned<T> call(Operation operation, OwnerWork<T> work) {
        token.beginCalls();
        try {
            for (int attempt = 1; ; attempt++) {
                try {
                    ensureOpen();
                    return new Owned<>(work.run(token.p11(), session), epoch);
                } catch (PKCS11Exception e) {
                    long code = Cryptoki.errorCode(e);
                    if (attempt == 1 && Ckr.connectionLost(code)) {
                        // Creating a key again on a new connection is safe: no old handle involved.
                        token.connectionLost(sessionConnection);
                        continue;
                    }
                    if (attempt == 1 && Ckr.sessionLost(code)) {
                        abandon();
                        continue;
                    }
                    throw errors.toCryptoException(operation, e);
                }
            }
        } finally {
            token.endCalls();
        }
    }

    private Created create(Operation operation, ObjectMaker maker) {
        token.beginCalls();
        try {
            for (int attempt = 1; ; attempt++) {
                try {
                    ensureOpen();
                    return new Created(maker.make(session), epoch);
                } catch (PKCS11Exception e) {
                    long code = Cryptoki.errorCode(e);
                    if (attempt == 1 && Ckr.connectionLost(code)) {
                        // Creating a key again on a new connection is safe: no old handle involved.
                        token.connectionLost(sessionConnection);
                        continue;
                    }
                    if (attempt == 1 && Ckr.sessionLost(code)) {
                        abandon();
                        continue;
                    }
                    throw errors.toCryptoException(operation, e);
                }
            }
        } finally {
            token.endCalls();
        }
    }

    /** Destroys an object of the current epoch; objects of older epochs are already gone. */
    synchronized void destroy(long object, int objectEpoch) {
        token.beginCalls();
        try {
            if (!alive(objectEpoch)) {
                return;
            }
            try {
                token.p11().C_DestroyObject(session, object);
            } catch (PKCS11Exception e) {
                // Gone already (session lost); nothing is left to wipe.
            }
        } finally {
            token.endCalls();
        }
    }

    /**
     * The token was logged out under the backend: every private session object is gone. Start a new
     * epoch and log in again right away (the SunPKCS11 provider relies on the login too).
     */
    synchronized void loginLost() {
        token.beginCalls();
        try {
            if (closed) {
                return;
            }
            abandon();
            try {
                ensureOpen();
            } catch (PKCS11Exception e) {
                // The next key creation retries and reports the failure.
            }
        } finally {
            token.endCalls();
        }
    }

    /** Whether objects of {@code objectEpoch} still exist (as far as this backend knows). */
    synchronized boolean alive(int objectEpoch) {
        return !closed
                && objectEpoch == epoch
                && session >= 0
                && sessionConnection == token.connection();
    }

    private void ensureOpen() throws PKCS11Exception {
        if (closed) {
            throw errors.closed();
        }
        if (session >= 0 && sessionConnection != token.connection()) {
            // The connection was lost and made again: the session and its objects are gone, and
            // its handle may name another session now, so it is dropped, never closed.
            session = -1;
            epoch++;
        }
        if (session < 0) {
            long current = token.connection();
            session = token.openSession();
            sessionConnection = current;
        }
    }

    private void abandon() {
        if (session >= 0 && sessionConnection == token.connection()) {
            token.closeQuietly(session);
        }
        session = -1;
        epoch++;
    }

    /** Closes the session, which destroys every key it owns. Idempotent. */
    @Override
    public synchronized void close() {
        token.beginCalls();
        try {
            if (!closed && session >= 0 && sessionConnection == token.connection()) {
                token.closeQuietly(session);
            }
            closed = true;
            session = -1;
        } finally {
            token.endCalls();
        }
    }

    @FunctionalInterface
    private interface ObjectMaker {
        long make(long session) throws PKCS11Exception;
    }

    /** Work on the owner session. */
    @FunctionalInterface
    interface OwnerWork<T> {
        T run(sun.security.pkcs11.wrapper.PKCS11 p11, long session) throws PKCS11Exception;
    }

    record Created(long handle, int epoch) {}

    /** A result of {@link #call} and the epoch of the objects it made. */
    record Owned<T>(T value, int epoch) {}
}
