package io.cryptobridge.asymmetric;

import io.cryptobridge.CryptoErrno;
import io.cryptobridge.CryptoException;

/**
 * The wasi-crypto {@code publickey_encoding} enum. {@link #PKCS8} means an X.509
 * SubjectPublicKeyInfo in DER, as in the reference host.
 */
public enum PublicKeyEncoding {
    RAW,
    PKCS8,
    PEM,
    SEC,
    LOCAL;

    /** Decodes the ABI value; an out-of-range value is a guest conversion error. */
    public static PublicKeyEncoding fromAbi(int value) {
        PublicKeyEncoding[] all = values();
        if (value < 0 || value >= all.length) {
            throw new CryptoException(
                    CryptoErrno.GUEST_ERROR, "unknown publickey_encoding " + value);
        }
        return all[value];
    }
}
