package io.cryptobridge.pkcs11;

import io.cryptobridge.CryptoErrno;
import io.cryptobridge.CryptoException;
import io.cryptobridge.spi.BackendKey;
import io.cryptobridge.symmetric.SymmetricAlgorithm;
import java.lang.ref.Cleaner;
import java.util.Arrays;
import sun.security.pkcs11.wrapper.CK_ATTRIBUTE;
import sun.security.pkcs11.wrapper.PKCS11Constants;

/**
 * A secret key that lives on the token as a session object: the backend holds only its handle. Its
 * bytes leave the token only through {@link #exportRaw()} and only when the key was made
 * extractable ({@code extractable: true}).
 */
final class TokenKey implements BackendKey {
    /**
     * Safety net for keys nobody destroys: the ABI's {@code symmetric_key_close} drops the handle
     * without destroying the key (states may still use it), so the token object is destroyed once
     * the key becomes unreachable. {@link #destroy()} runs the same action at once.
     */
    private static final Cleaner CLEANER = Cleaner.create();

    private final SymmetricAlgorithm algorithm;
    private final long handle;
    private final int epoch;
    private final boolean extractable;
    private final KeyShape shape;
    private final KeyOwnerSession owner;
    private final SessionPool pool;
    private final Cleaner.Cleanable cleanable;
    private volatile boolean destroyed;

    /**
     * How the bytes on the token relate to the key the guest knows.
     *
     * @param exportLength export the first this many bytes of {@code CKA_VALUE} (a zero-padded HMAC
     *     key), or the whole value when -1
     * @param prehashed the token holds only the RFC 2104 hash of a long HMAC key, so the key itself
     *     cannot be exported
     */
    record KeyShape(int exportLength, boolean prehashed) {
        static final KeyShape AS_IS = new KeyShape(-1, false);
    }

    TokenKey(
            SymmetricAlgorithm algorithm,
            KeyOwnerSession.Created created,
            boolean extractable,
            KeyShape shape,
            KeyOwnerSession owner,
            SessionPool pool) {
        this.algorithm = algorithm;
        this.handle = created.handle();
        this.epoch = created.epoch();
        this.extractable = extractable;
        this.shape = shape;
        this.owner = owner;
        this.pool = pool;
        this.cleanable = CLEANER.register(this, new ObjectDestroyer(owner, handle, epoch));
    }

    /** Destroys the token object; must not refer to the key, or the key would never be freed. */
    private record ObjectDestroyer(KeyOwnerSession owner, long handle, int epoch)
            implements Runnable {
        @Override
        public void run() {
            owner.destroy(handle, epoch);
        }
    }

    /** The object handle for an operation on {@code wanted}; invalid_key when it is unusable. */
    long handleFor(SymmetricAlgorithm wanted) {
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

    /** This backend's key, or invalid_key for a key held by another backend. */
    static TokenKey of(BackendKey key) {
        if (key instanceof TokenKey) {
            return (TokenKey) key;
        }
        throw new CryptoException(
                CryptoErrno.INVALID_KEY, "the key belongs to another backend than the HSM");
    }

    KeyShape shape() {
        return shape;
    }

    @Override
    public boolean extractable() {
        return extractable && !shape.prehashed();
    }

    @Override
    public byte[] exportRaw() {
        if (!extractable) {
            throw new CryptoException(
                    CryptoErrno.PROHIBITED_OPERATION,
                    "the key is not extractable from the HSM (set extractable: true to allow it)");
        }
        if (shape.prehashed()) {
            throw new CryptoException(
                    CryptoErrno.PROHIBITED_OPERATION,
                    "the HSM holds only the RFC 2104 hash of this long HMAC key, not the key");
        }
        long object = handleFor(algorithm);
        byte[] value =
                pool.run(
                        Operation.EXPORT_KEY,
                        (p11, session) -> {
                            CK_ATTRIBUTE[] read = {new CK_ATTRIBUTE(PKCS11Constants.CKA_VALUE)};
                            p11.C_GetAttributeValue(session, object, read);
                            return read[0].getByteArray();
                        });
        if (shape.exportLength() < 0 || shape.exportLength() == value.length) {
            return value;
        }
        byte[] key = Arrays.copyOf(value, shape.exportLength());
        Arrays.fill(value, (byte) 0);
        return key;
    }

    @Override
    public void destroy() {
        destroyed = true;
        cleanable.clean();
    }

    @Override
    public String toString() {
        return "TokenKey["
                + algorithm
                + ", handle "
                + handle
                + (extractable ? ", extractable" : "")
                + "]";
    }
}
