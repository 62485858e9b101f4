package io.cryptobridge.symmetric;

import io.cryptobridge.CryptoErrno;
import io.cryptobridge.CryptoException;
import io.cryptobridge.spi.BackendKey;
import io.cryptobridge.spi.SymmetricPrimitives;

/** A symmetric key: its algorithm, and the backend that holds its material. */
public final class SymmetricKey {
    private final SymmetricAlgorithm algorithm;
    private final SymmetricPrimitives backend;
    private final BackendKey material;

    public SymmetricKey(
            SymmetricAlgorithm algorithm, SymmetricPrimitives backend, BackendKey material) {
        this.algorithm = algorithm;
        this.backend = backend;
        this.material = material;
    }

    public SymmetricAlgorithm algorithm() {
        return algorithm;
    }

    public SymmetricPrimitives backend() {
        return backend;
    }

    public BackendKey material() {
        return material;
    }

    /** The key for a state of {@code expected}; invalid_key if it belongs to another algorithm. */
    BackendKey materialFor(SymmetricAlgorithm expected) {
        if (algorithm != expected) {
            throw new CryptoException(
                    CryptoErrno.INVALID_KEY,
                    "a " + algorithm + " key cannot be used with " + expected);
        }
        return material;
    }

    public byte[] exportRaw() {
        return material.exportRaw();
    }

    public void destroy() {
        material.destroy();
    }

    @Override
    public String toString() {
        return "SymmetricKey[" + algorithm + "]";
    }
}
