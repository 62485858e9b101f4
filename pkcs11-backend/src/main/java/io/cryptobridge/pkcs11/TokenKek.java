package io.cryptobridge.pkcs11;

import io.cryptobridge.CryptoErrno;
import io.cryptobridge.CryptoException;
import io.cryptobridge.symmetric.SymmetricAlgorithm;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import sun.security.pkcs11.wrapper.CK_ATTRIBUTE;
import sun.security.pkcs11.wrapper.CK_MECHANISM;
import sun.security.pkcs11.wrapper.PKCS11Constants;

/**
 * The key-encryption key of external secrets: an AES-256 token key labelled {@value #LABEL} with a
 * random 16-byte {@code CKA_ID}, private, sensitive, non-extractable, created on first use. Sealing
 * runs {@code CKM_AES_GCM} on the token with a nonce from the host's SecureRandom.
 *
 * <p>Sealed bytes: {@code "CBK1"} ‖ the KEK's {@code CKA_ID} (16) ‖ nonce (12) ‖ ciphertext ‖ tag
 * (16); the 32-byte header is authenticated with the caller's associated data. Two processes that
 * create the KEK at once leave two: harmless, since unseal looks the KEK up by the id in the
 * header, and seal always picks the one with the lowest id, so everyone converges on one.
 */
final class TokenKek {
    static final String LABEL = "cryptobridge/kek/v1";

    private static final byte[] MAGIC = {'C', 'B', 'K', '1'};
    private static final int KEK_ID_BYTES = 16;
    private static final int NONCE_BYTES = 12;
    private static final int HEADER_BYTES = MAGIC.length + KEK_ID_BYTES + NONCE_BYTES;
    private static final int TAG_BYTES = 16;

    private final String backendName;
    private final SessionPool pool;
    private final Pkcs11Token token;
    private final boolean gcmServed;
    private final SecureRandom random;
    private final HostWriteLock lock;

    /** KEK handles by id, valid for {@link #cachedConnection}. */
    private final Map<ByteBuffer, Long> handles = new HashMap<>();

    private ByteBuffer sealingId;
    private long cachedConnection = -1;

    TokenKek(
            String backendName,
            SessionPool pool,
            Pkcs11Token token,
            Pkcs11Symmetric symmetric,
            SecureRandom random,
            HostWriteLock lock) {
        this.backendName = backendName;
        this.pool = pool;
        this.token = token;
        this.gcmServed = symmetric.supports(SymmetricAlgorithm.AES_256_GCM);
        this.random = random;
        this.lock = lock;
    }

    byte[] seal(byte[] plaintext, byte[] associatedData) {
        requireGcm();
        try {
            return sealWith(sealingKek(), plaintext, associatedData);
        } catch (CryptoException e) {
            if (e.errno() != CryptoErrno.INVALID_KEY) {
                throw e;
            }
            // The cached KEK is gone (deleted by an operator): look again, create if need be.
            forget();
            return sealWith(sealingKek(), plaintext, associatedData);
        }
    }

    private synchronized void forget() {
        handles.clear();
        sealingId = null;
    }

    private byte[] sealWith(KekRef kek, byte[] plaintext, byte[] associatedData) {
        byte[] header = new byte[HEADER_BYTES];
        System.arraycopy(MAGIC, 0, header, 0, MAGIC.length);
        kek.id().get(0, header, MAGIC.length, KEK_ID_BYTES);
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        System.arraycopy(nonce, 0, header, MAGIC.length + KEK_ID_BYTES, NONCE_BYTES);
        byte[] sealed =
                new TokenAead(pool, kek::handle)
                        .seal(nonce, aad(header, associatedData), plaintext);
        byte[] out = Arrays.copyOf(header, HEADER_BYTES + sealed.length);
        System.arraycopy(sealed, 0, out, HEADER_BYTES, sealed.length);
        return out;
    }

    byte[] unseal(byte[] sealed, byte[] associatedData) {
        requireGcm();
        if (sealed.length < HEADER_BYTES + TAG_BYTES
                || !Arrays.equals(MAGIC, Arrays.copyOf(sealed, MAGIC.length))) {
            throw failed("not sealed by a PKCS#11 secret store");
        }
        ByteBuffer id =
                ByteBuffer.wrap(
                        Arrays.copyOfRange(sealed, MAGIC.length, MAGIC.length + KEK_ID_BYTES));
        Long handle = kekById(id);
        if (handle == null) {
            throw failed("sealed under a key-encryption key this token does not hold");
        }
        byte[] header = Arrays.copyOf(sealed, HEADER_BYTES);
        byte[] nonce = Arrays.copyOfRange(sealed, MAGIC.length + KEK_ID_BYTES, HEADER_BYTES);
        byte[] body = Arrays.copyOfRange(sealed, HEADER_BYTES, sealed.length);
        try {
            return new TokenAead(pool, () -> handle).open(nonce, aad(header, associatedData), body);
        } catch (CryptoException e) {
            if (e.errno() == CryptoErrno.INVALID_TAG) {
                throw failed("the sealed bytes or their associated data were altered");
            }
            throw e;
        }
    }

    private static byte[] aad(byte[] header, byte[] associatedData) {
        byte[] aad = Arrays.copyOf(header, header.length + associatedData.length);
        System.arraycopy(associatedData, 0, aad, header.length, associatedData.length);
        return aad;
    }

    /** The KEK to seal with: the lowest id on the token, created if there is none. */
    private synchronized KekRef sealingKek() {
        refreshForConnection();
        if (sealingId == null) {
            scan();
            if (handles.isEmpty()) {
                // Under the store's write lock, so that this machine's processes agree on one.
                lock.locked(
                        () -> {
                            scan();
                            if (handles.isEmpty()) {
                                create();
                                scan();
                            }
                            return null;
                        });
            }
            sealingId = handles.keySet().stream().min(ByteBuffer::compareTo).orElseThrow();
        }
        return new KekRef(sealingId, handles.get(sealingId));
    }

    private synchronized Long kekById(ByteBuffer id) {
        refreshForConnection();
        if (!handles.containsKey(id)) {
            scan(); // created by another process since we looked
        }
        return handles.get(id);
    }

    /** Handles are only valid on the connection that found them (a p11-kit client reconnects). */
    private void refreshForConnection() {
        if (cachedConnection != token.connection()) {
            handles.clear();
            sealingId = null;
            cachedConnection = token.connection();
        }
    }

    private void scan() {
        CK_ATTRIBUTE[] template = {
            new CK_ATTRIBUTE(PKCS11Constants.CKA_CLASS, PKCS11Constants.CKO_SECRET_KEY),
            new CK_ATTRIBUTE(PKCS11Constants.CKA_TOKEN, true),
            new CK_ATTRIBUTE(PKCS11Constants.CKA_LABEL, ManagedName.chars(LABEL))
        };
        Map<ByteBuffer, Long> found =
                pool.run(
                        Operation.FIND_OBJECTS,
                        (p11, session) -> {
                            Map<ByteBuffer, Long> keks = new HashMap<>();
                            for (long handle : ObjectSearch.find(p11, session, template)) {
                                CK_ATTRIBUTE[] id =
                                        ObjectSearch.read(
                                                p11, session, handle, PKCS11Constants.CKA_ID);
                                if (id != null && id[0].getByteArray() != null) {
                                    keks.put(ByteBuffer.wrap(id[0].getByteArray()), handle);
                                }
                            }
                            return keks;
                        });
        handles.clear();
        handles.putAll(found);
    }

    private void create() {
        byte[] id = new byte[KEK_ID_BYTES];
        random.nextBytes(id);
        CK_ATTRIBUTE[] template = {
            new CK_ATTRIBUTE(PKCS11Constants.CKA_CLASS, PKCS11Constants.CKO_SECRET_KEY),
            new CK_ATTRIBUTE(PKCS11Constants.CKA_KEY_TYPE, PKCS11Constants.CKK_AES),
            new CK_ATTRIBUTE(PKCS11Constants.CKA_VALUE_LEN, 32L),
            new CK_ATTRIBUTE(PKCS11Constants.CKA_TOKEN, true),
            new CK_ATTRIBUTE(PKCS11Constants.CKA_PRIVATE, true),
            new CK_ATTRIBUTE(PKCS11Constants.CKA_SENSITIVE, true),
            new CK_ATTRIBUTE(PKCS11Constants.CKA_EXTRACTABLE, false),
            new CK_ATTRIBUTE(PKCS11Constants.CKA_ENCRYPT, true),
            new CK_ATTRIBUTE(PKCS11Constants.CKA_DECRYPT, true),
            // SoftHSM's defaults would also let it wrap and unwrap other keys: it only seals.
            new CK_ATTRIBUTE(PKCS11Constants.CKA_WRAP, false),
            new CK_ATTRIBUTE(PKCS11Constants.CKA_UNWRAP, false),
            new CK_ATTRIBUTE(PKCS11Constants.CKA_ID, id),
            new CK_ATTRIBUTE(PKCS11Constants.CKA_LABEL, ManagedName.chars(LABEL))
        };
        pool.run(
                Operation.GENERATE_KEY,
                (p11, session) ->
                        p11.C_GenerateKey(
                                session,
                                new CK_MECHANISM(PKCS11Constants.CKM_AES_KEY_GEN),
                                template));
    }

    private void requireGcm() {
        if (!gcmServed) {
            throw new CryptoException(
                    CryptoErrno.UNSUPPORTED_ALGORITHM,
                    "the PKCS#11 backend '"
                            + backendName
                            + "' cannot keep external secrets: its token does not serve AES-256-GCM"
                            + " (CKM_AES_GCM) for the key-encryption key");
        }
    }

    private CryptoException failed(String why) {
        return new CryptoException(
                CryptoErrno.VERIFICATION_FAILED,
                "PKCS#11 backend '" + backendName + "' cannot unseal: " + why);
    }

    private record KekRef(ByteBuffer id, long handle) {}
}
