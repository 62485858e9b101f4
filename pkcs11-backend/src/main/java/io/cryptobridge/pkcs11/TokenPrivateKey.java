package io.cryptobridge.pkcs11;

import io.cryptobridge.CryptoErrno;
import io.cryptobridge.CryptoException;
import io.cryptobridge.asymmetric.AsymmetricAlgorithm;
import io.cryptobridge.asymmetric.SecretKeyEncoding;
import io.cryptobridge.spi.BackendPublicKey;
import io.cryptobridge.spi.BackendSecretKey;
import java.lang.ref.Cleaner;
import java.util.function.Function;

/**
 * A private key that lives on the token as a session object; the backend holds its handle and its
 * public key (parsed by the software backend's code, which also verifies and encodes it). The key
 * leaves the token only through {@link #export} and only when it was made extractable.
 */
final class TokenPrivateKey implements BackendSecretKey {
    /** Same safety net as {@link TokenKey}: closing a handle does not destroy the key. */
    private static final Cleaner CLEANER = Cleaner.create();

    private final AsymmetricAlgorithm algorithm;
    private final long handle;
    private final int epoch;
    private final boolean extractable;
    private final BackendPublicKey publicKey;
    private final KeyOwnerSession owner;
    private final Function<TokenPrivateKey, BackendSecretKey> reader;
    private final Cleaner.Cleanable cleanable;
    private volatile boolean destroyed;

    /**
     * @param reader reads an extractable key off the token as a software secret key (for export)
     */
    TokenPrivateKey(
            AsymmetricAlgorithm algorithm,
            KeyOwnerSession.Owned<Long> created,
            boolean extractable,
            BackendPublicKey publicKey,
            KeyOwnerSession owner,
            Function<TokenPrivateKey, BackendSecretKey> reader) {
        this.algorithm = algorithm;
        this.handle = created.value();
        this.epoch = created.epoch();
        this.extractable = extractable;
        this.publicKey = publicKey;
        this.owner = owner;
        this.reader = reader;
        this.cleanable = CLEANER.register(this, new Destroyer(owner, handle, epoch));
    }

    /** Destroys the token object; must not refer to the key. */
    private record Destroyer(KeyOwnerSession owner, long handle, int epoch) implements Runnable {
        @Override
        public void run() {
            owner.destroy(handle, epoch);
        }
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
        if (destroyed) {
            throw new CryptoException(CryptoErrno.INVALID_KEY, "the key was destroyed");
        }
        if (!owner.alive(epoch)) {
            throw new CryptoException(
                    CryptoErrno.INVALID_KEY,
                    "the key was lost with the PKCS#11 session that held it");
        }
        return handle;
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
        requireExtractable();
        handleFor(algorithm);
        BackendSecretKey copy = reader.apply(this);
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

    @Override
    public void destroy() {
        destroyed = true;
        cleanable.clean();
    }

    @Override
    public String toString() {
        return "TokenPrivateKey["
                + algorithm
                + ", handle "
                + handle
                + (extractable ? ", extractable" : "")
                + "]";
    }
}
