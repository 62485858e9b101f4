package io.cryptobridge;

/** The wasi-crypto {@code algorithm_type} enum. */
public enum AlgorithmType {
    SIGNATURES,
    SYMMETRIC,
    KEY_EXCHANGE;

    /** Decodes the ABI value; anything else is a guest conversion error. */
    public static AlgorithmType fromAbi(int value) {
        AlgorithmType[] all = values();
        if (value < 0 || value >= all.length) {
            throw new CryptoException(CryptoErrno.GUEST_ERROR, "unknown algorithm_type " + value);
        }
        return all[value];
    }
}
