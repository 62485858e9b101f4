package io.cryptobridge.symmetric;

import io.cryptobridge.CryptoErrno;
import io.cryptobridge.CryptoException;
import io.cryptobridge.spi.BackendKey;
import io.cryptobridge.spi.ManagedEntry;
import io.cryptobridge.spi.SymmetricPrimitives;
import java.util.Optional;

/**
 * A symmetric key: its algorithm, the backend that holds its material, and for a managed key its
 * entry in the secrets manager.
 */
public final class SymmetricKey {
    private final SymmetricAlgorithm algorithm;
    private final SymmetricPrimitives backend;
    private final BackendKey material;
    private final ManagedEntry managed;

    public SymmetricKey(
            SymmetricAlgorithm algorithm, SymmetricPrimitives backend, BackendKey material) {
        this(algorithm, backend, material, null);
    }

    /** A managed key loaded from {@code managed}'s version. */
    public SymmetricKey(
            SymmetricAlgorithm algorithm,
            SymmetricPrimitives backend,
            BackendKey material,
            ManagedEntry managed) {
        this.algorithm = algorithm;
        this.backend = backend;
        this.material = material;
        this.managed = managed;
    }

    /** The secrets-manager entry this key was loaded from; empty for an ephemeral key. */
    public Optional<ManagedEntry> managed() {
        return Optional.ofNullable(managed);
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
