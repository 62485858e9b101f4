package io.cryptobridge.asymmetric;

import io.cryptobridge.CryptoErrno;
import io.cryptobridge.CryptoException;

/** The wasi-crypto {@code keypair_encoding} enum. */
public enum KeyPairEncoding {
    RAW,
    PKCS8,
    PEM,
    LOCAL;

    /** Decodes the ABI value; an out-of-range value is a guest conversion error. */
    public static KeyPairEncoding fromAbi(int value) {
        KeyPairEncoding[] all = values();
        if (value < 0 || value >= all.length) {
            throw new CryptoException(CryptoErrno.GUEST_ERROR, "unknown keypair_encoding " + value);
        }
        return all[value];
    }
}
