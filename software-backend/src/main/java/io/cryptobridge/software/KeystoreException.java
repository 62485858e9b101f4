package io.cryptobridge.software;

/**
 * The software keystore cannot be used: a wrong password, a file it cannot read or write, a
 * keystore set up in another mode. The message names the keystore directory or file and what to
 * change; it never contains the password or key bytes. The host reports it as a configuration error
 * at start-up, and as internal_error (logged) during a guest call.
 */
public final class KeystoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    KeystoreException(String message) {
        super(message);
    }

    KeystoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
