package io.cryptobridge.pkcs11;

import io.cryptobridge.CryptoErrno;
import io.cryptobridge.CryptoException;
import sun.security.pkcs11.wrapper.PKCS11Exception;

/**
 * The one place where a PKCS#11 return value becomes a {@code crypto_errno}. Messages name the
 * operation and the {@code CKR_*} value, never key material.
 */
final class Pkcs11Errors {
    private final String backendName;
    private final VendorQuirks quirks;

    Pkcs11Errors(String backendName, VendorQuirks quirks) {
        this.backendName = backendName;
        this.quirks = quirks;
    }

    CryptoException toCryptoException(Operation operation, PKCS11Exception e) {
        long code = Cryptoki.errorCode(e);
        String message =
                "PKCS#11 backend '"
                        + backendName
                        + "' failed "
                        + operation.description()
                        + ": "
                        + Ckr.name(code)
                        + (Ckr.connectionLost(code)
                                ? " (the token, or the connection to it, is gone)"
                                : "");
        return new CryptoException(errno(operation, code), message);
    }

    CryptoErrno errno(Operation operation, long code) {
        if (operation == Operation.OPEN && quirks.decryptFailureCodes().contains(code)) {
            return CryptoErrno.INVALID_TAG;
        }
        if (code == Ckr.ATTRIBUTE_SENSITIVE || code == Ckr.KEY_UNEXTRACTABLE) {
            return CryptoErrno.PROHIBITED_OPERATION;
        }
        if (code == Ckr.KEY_HANDLE_INVALID
                || code == Ckr.OBJECT_HANDLE_INVALID
                || code == Ckr.KEY_SIZE_RANGE
                || code == Ckr.KEY_TYPE_INCONSISTENT
                || code == Ckr.KEY_FUNCTION_NOT_PERMITTED) {
            return CryptoErrno.INVALID_KEY;
        }
        if (code == Ckr.MECHANISM_INVALID
                || code == Ckr.MECHANISM_PARAM_INVALID
                || code == Ckr.FUNCTION_NOT_SUPPORTED) {
            return CryptoErrno.UNSUPPORTED_FEATURE;
        }
        if (code == Ckr.DATA_LEN_RANGE) {
            return CryptoErrno.INVALID_LENGTH;
        }
        // The token itself failed (device error, memory, a session lost twice in a row, ...).
        return CryptoErrno.ALGORITHM_FAILURE;
    }

    /** The host thread was interrupted while it waited for a session; the flag is restored. */
    CryptoException interrupted(Operation operation) {
        Thread.currentThread().interrupt();
        return new CryptoException(
                CryptoErrno.INTERNAL_ERROR,
                "PKCS#11 backend '"
                        + backendName
                        + "' was interrupted while waiting for a session for "
                        + operation.description());
    }

    CryptoException closed() {
        return new CryptoException(
                CryptoErrno.INTERNAL_ERROR, "PKCS#11 backend '" + backendName + "' is closed");
    }
}
