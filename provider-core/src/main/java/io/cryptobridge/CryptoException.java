package io.cryptobridge;

/**
 * The one exception type for failures a guest is told about: it carries the {@link CryptoErrno}
 * that the ABI layer returns. Messages never contain key material, PINs or other secrets.
 */
public class CryptoException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final CryptoErrno errno;

    public CryptoException(CryptoErrno errno, String message) {
        super(message);
        this.errno = errno;
    }

    public CryptoException(CryptoErrno errno, String message, Throwable cause) {
        super(message, cause);
        this.errno = errno;
    }

    /** The errno the guest receives. */
    public CryptoErrno errno() {
        return errno;
    }

    @Override
    public String toString() {
        return "CryptoException[" + errno.specName() + "]: " + getMessage();
    }
}
