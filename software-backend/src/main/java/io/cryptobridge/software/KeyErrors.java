package io.cryptobridge.software;

import io.cryptobridge.CryptoErrno;
import io.cryptobridge.CryptoException;

/** The errors key schemes raise; messages never carry key bytes. */
final class KeyErrors {
    private KeyErrors() {}

    static CryptoException invalidKey(String why) {
        return new CryptoException(CryptoErrno.INVALID_KEY, why);
    }

    static CryptoException invalidKey(String why, Throwable cause) {
        return new CryptoException(CryptoErrno.INVALID_KEY, why, cause);
    }

    static CryptoException unsupportedEncoding(String algorithm, Object encoding) {
        return new CryptoException(
                CryptoErrno.UNSUPPORTED_ENCODING,
                algorithm
                        + " keys have no "
                        + String.valueOf(encoding).toLowerCase(java.util.Locale.ROOT)
                        + " encoding");
    }

    static void requireLength(byte[] encoded, int length, String what) {
        if (encoded.length != length) {
            throw invalidKey(what + " must be " + length + " bytes, not " + encoded.length);
        }
    }
}
