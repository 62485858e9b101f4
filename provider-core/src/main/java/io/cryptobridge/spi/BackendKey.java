package io.cryptobridge.spi;

/**
 * Key material as a backend holds it: raw bytes in the software backend, an object handle on a
 * token in the PKCS#11 backend. Implementations never print their bytes in {@code toString()}.
 */
public interface BackendKey {

    /** Whether {@link #exportRaw()} may reveal the key. */
    boolean extractable();

    /**
     * The raw key bytes, for export.
     *
     * @throws io.cryptobridge.CryptoException prohibited_operation when the key is not extractable
     */
    byte[] exportRaw();

    /** Wipes or releases the key; later use fails. Idempotent. */
    void destroy();
}
