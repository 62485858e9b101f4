package io.cryptobridge.asymmetric;

import io.cryptobridge.CryptoErrno;
import io.cryptobridge.CryptoException;

/** The wasi-crypto {@code secretkey_encoding} enum. */
public enum SecretKeyEncoding {
    RAW,
    PKCS8,
    PEM,
    SEC,
    LOCAL;

    /** Decodes the ABI value; an out-of-range value is a guest conversion error. */
    public static SecretKeyEncoding fromAbi(int value) {
        SecretKeyEncoding[] all = values();
        if (value < 0 || value >= all.length) {
            throw new CryptoException(
                    CryptoErrno.GUEST_ERROR, "unknown secretkey_encoding " + value);
        }
        return all[value];
    }
}
