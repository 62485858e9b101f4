package io.cryptobridge.pkcs11;

/**
 * The PKCS#11 backend cannot start: a missing library, an unknown token, a wrong PIN, a missing JVM
 * flag. The message names the problem and what to change; it never contains the PIN.
 */
public final class Pkcs11SetupException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Pkcs11SetupException(String message) {
        super(message);
    }
}
