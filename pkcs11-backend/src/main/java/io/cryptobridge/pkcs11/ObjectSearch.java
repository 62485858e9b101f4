package io.cryptobridge.pkcs11;

import java.util.Arrays;
import sun.security.pkcs11.wrapper.CK_ATTRIBUTE;
import sun.security.pkcs11.wrapper.PKCS11;
import sun.security.pkcs11.wrapper.PKCS11Exception;

/** {@code C_FindObjects*} and attribute reads inside one unit of work on one session. */
final class ObjectSearch {
    private static final int BATCH = 64;

    private ObjectSearch() {}

    /** Every object matching {@code template} that this session can see. */
    static long[] find(PKCS11 p11, long session, CK_ATTRIBUTE... template) throws PKCS11Exception {
        p11.C_FindObjectsInit(session, template);
        try {
            long[] all = new long[0];
            while (true) {
                long[] batch = p11.C_FindObjects(session, BATCH);
                if (batch == null || batch.length == 0) {
                    return all;
                }
                int had = all.length;
                all = Arrays.copyOf(all, had + batch.length);
                System.arraycopy(batch, 0, all, had, batch.length);
            }
        } finally {
            p11.C_FindObjectsFinal(session);
        }
    }

    /**
     * The attributes {@code types} of {@code object}, or null when the object is gone (another
     * process destroyed it between the search and the read).
     */
    static CK_ATTRIBUTE[] read(PKCS11 p11, long session, long object, long... types)
            throws PKCS11Exception {
        CK_ATTRIBUTE[] read = new CK_ATTRIBUTE[types.length];
        for (int i = 0; i < types.length; i++) {
            read[i] = new CK_ATTRIBUTE(types[i]);
        }
        try {
            p11.C_GetAttributeValue(session, object, read);
            return read;
        } catch (PKCS11Exception e) {
            if (gone(e)) {
                return null;
            }
            throw e;
        }
    }

    /** Destroys {@code object}; one that is already gone is fine. */
    static void destroy(PKCS11 p11, long session, long object) throws PKCS11Exception {
        try {
            p11.C_DestroyObject(session, object);
        } catch (PKCS11Exception e) {
            if (!gone(e)) {
                throw e;
            }
        }
    }

    static boolean gone(PKCS11Exception e) {
        long code = Cryptoki.errorCode(e);
        return code == Ckr.OBJECT_HANDLE_INVALID || code == Ckr.KEY_HANDLE_INVALID;
    }
}
