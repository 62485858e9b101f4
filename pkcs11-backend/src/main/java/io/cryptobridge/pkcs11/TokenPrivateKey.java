package io.cryptobridge.pkcs11;

import io.cryptobridge.CryptoErrno;
import io.cryptobridge.CryptoException;
import io.cryptobridge.asymmetric.AsymmetricAlgorithm;
import io.cryptobridge.asymmetric.SecretKeyEncoding;
import io.cryptobridge.spi.BackendPublicKey;
import io.cryptobridge.spi.BackendSecretKey;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * A private key that lives on the token as a session object; the backend holds its handle and its
 * public key (parsed by the software backend's code, which also verifies and encodes it). The key
 * leaves the token only through {@link #export} and only when it was made extractable.
 */
final class TokenPrivateKey implements BackendSecretKey {
    private final AsymmetricAlgorithm algorithm;
    private final TokenObject object;
    private final boolean extractable;
    private final BackendPublicKey publicKey;
    private final Function<TokenPrivateKey, BackendSecretKey> reader;
    private final AtomicBoolean released = new AtomicBoolean();

    /**
     * @param object the token object; this key becomes one of its holders
     * @param reader reads an extractable key off the token as a software secret key (for export)
     */
    TokenPrivateKey(
            AsymmetricAlgorithm algorithm,
            TokenObject object,
            boolean extractable,
            BackendPublicKey publicKey,
            Function<TokenPrivateKey, BackendSecretKey> reader) {
        this.algorithm = algorithm;
        this.object = object;
        this.extractable = extractable;
        this.publicKey = publicKey;
        this.reader = reader;
    }

    /** Another holder of the same token object (an independent handle); invalid_key if gone. */
    TokenPrivateKey share() {
        if (released.get() || !object.retain()) {
            throw new CryptoException(CryptoErrno.INVALID_KEY, "the key was destroyed");
        }
        return new TokenPrivateKey(algorithm, object, extractable, publicKey, reader);
    }

    /** This backend's private key, or invalid_key for one held elsewhere. */
    static TokenPrivateKey of(BackendSecretKey key) {
        if (key instanceof TokenPrivateKey) {
            return (TokenPrivateKey) key;
        }
        throw new CryptoException(
                CryptoErrno.INVALID_KEY, "the key belongs to another backend than the HSM");
    }

    AsymmetricAlgorithm algorithm() {
        return algorithm;
    }

    boolean extractable() {
        return extractable;
    }

    /** The object handle for an operation with {@code wanted}; invalid_key when unusable. */
    long handleFor(AsymmetricAlgorithm wanted) {
        if (wanted != algorithm) {
            throw new CryptoException(
                    CryptoErrno.INVALID_KEY,
                    "a " + algorithm + " key cannot be used with " + wanted);
        }
        if (released.get()) {
            throw new CryptoException(CryptoErrno.INVALID_KEY, "the key was destroyed");
        }
        if (!object.alive()) {
            throw new CryptoException(
                    CryptoErrno.INVALID_KEY,
                    "the key was lost with the PKCS#11 session that held it");
        }
        return object.handle();
    }

    /** prohibited_operation unless the key was made extractable. */
    void requireExtractable() {
        if (!extractable) {
            throw new CryptoException(
                    CryptoErrno.PROHIBITED_OPERATION,
                    "the key is not extractable from the HSM (set extractable: true to allow it)");
        }
    }

    @Override
    public byte[] export(SecretKeyEncoding encoding) {
        BackendSecretKey copy = softwareCopy();
        try {
            return copy.export(encoding);
        } finally {
            copy.destroy();
        }
    }

    /** The key read off the token as a software key; only for extractable keys. */
    BackendSecretKey softwareCopy() {
        requireExtractable();
        handleFor(algorithm);
        return reader.apply(this);
    }

    @Override
    public BackendPublicKey publicKey() {
        return publicKey;
    }

    /** Releases this holder; the token object goes with its last holder. Idempotent. */
    @Override
    public void destroy() {
        if (released.compareAndSet(false, true)) {
            object.release();
        }
    }

    @Override
    public String toString() {
        return "TokenPrivateKey["
                + algorithm
                + ", handle "
                + object.handle()
                + (extractable ? ", extractable" : "")
                + "]";
    }
}
