package io.cryptobridge.signatures;

import io.cryptobridge.CryptoErrno;
import io.cryptobridge.CryptoException;

/** The wasi-crypto {@code signature_encoding} enum. */
public enum SignatureEncoding {
    RAW,
    DER;

    /** Decodes the ABI value; an out-of-range value is a guest conversion error. */
    public static SignatureEncoding fromAbi(int value) {
        SignatureEncoding[] all = values();
        if (value < 0 || value >= all.length) {
            throw new CryptoException(
                    CryptoErrno.GUEST_ERROR, "unknown signature_encoding " + value);
        }
        return all[value];
    }
}
