package io.cryptobridge.pkcs11;

import java.util.ArrayList;
import java.util.List;
import sun.security.pkcs11.wrapper.CK_ATTRIBUTE;
import sun.security.pkcs11.wrapper.PKCS11Constants;
import sun.security.pkcs11.wrapper.PKCS11Exception;

/** Looks at the token directly, past the backend. */
final class TokenObjects {
    private TokenObjects() {}

    /** The secret-key objects this process can see on the backend's token. */
    static int secretKeys(Pkcs11Backend hsm) throws PKCS11Exception {
        Pkcs11Token token = hsm.token();
        long session = token.openSession();
        try {
            token.p11()
                    .C_FindObjectsInit(
                            session,
                            new CK_ATTRIBUTE[] {
                                new CK_ATTRIBUTE(
                                        PKCS11Constants.CKA_CLASS, PKCS11Constants.CKO_SECRET_KEY)
                            });
            int count = token.p11().C_FindObjects(session, 100_000).length;
            token.p11().C_FindObjectsFinal(session);
            return count;
        } finally {
            token.closeQuietly(session);
        }
    }

    /** The CKR code reading CKA_VALUE of an object fails with, or 0 when the read succeeds. */
    static long readValueError(Pkcs11Backend hsm, long handle) {
        return readError(hsm, handle, PKCS11Constants.CKA_VALUE);
    }

    /** The CKR code reading CKA_PRIVATE_EXPONENT (RSA) fails with, or 0 when it succeeds. */
    static long readPrivateExponentError(Pkcs11Backend hsm, long handle) {
        return readError(hsm, handle, PKCS11Constants.CKA_PRIVATE_EXPONENT);
    }

    private static long readError(Pkcs11Backend hsm, long handle, long attribute) {
        Pkcs11Token token = hsm.token();
        try {
            long session = token.openSession();
            try {
                CK_ATTRIBUTE[] value = {new CK_ATTRIBUTE(attribute)};
                token.p11().C_GetAttributeValue(session, handle, value);
                return 0;
            } finally {
                token.closeQuietly(session);
            }
        } catch (PKCS11Exception e) {
            return e.getErrorCode();
        }
    }

    /** The private-key objects this process can see on the backend's token. */
    static int privateKeys(Pkcs11Backend hsm) throws PKCS11Exception {
        Pkcs11Token token = hsm.token();
        long session = token.openSession();
        try {
            token.p11()
                    .C_FindObjectsInit(
                            session,
                            new CK_ATTRIBUTE[] {
                                new CK_ATTRIBUTE(
                                        PKCS11Constants.CKA_CLASS, PKCS11Constants.CKO_PRIVATE_KEY)
                            });
            int count = token.p11().C_FindObjects(session, 100_000).length;
            token.p11().C_FindObjectsFinal(session);
            return count;
        } finally {
            token.closeQuietly(session);
        }
    }

    /** What a test checks on a persistent key object. */
    record KeyAttributes(
            long objectClass,
            boolean token,
            boolean isPrivate,
            boolean sensitive,
            boolean extractable,
            byte[] id,
            String label) {}

    /** The attributes of every object with {@code CKA_ID = id} on the token. */
    static List<KeyAttributes> objectsWithId(Pkcs11Backend hsm, byte[] id) throws PKCS11Exception {
        Pkcs11Token token = hsm.token();
        long session = token.openSession();
        try {
            List<KeyAttributes> found = new ArrayList<>();
            for (long handle :
                    ObjectSearch.find(
                            token.p11(), session, new CK_ATTRIBUTE(PKCS11Constants.CKA_ID, id))) {
                CK_ATTRIBUTE[] a =
                        ObjectSearch.read(
                                token.p11(),
                                session,
                                handle,
                                PKCS11Constants.CKA_CLASS,
                                PKCS11Constants.CKA_TOKEN,
                                PKCS11Constants.CKA_PRIVATE,
                                PKCS11Constants.CKA_SENSITIVE,
                                PKCS11Constants.CKA_EXTRACTABLE,
                                PKCS11Constants.CKA_ID,
                                PKCS11Constants.CKA_LABEL);
                found.add(
                        new KeyAttributes(
                                (Long) a[0].pValue,
                                a[1].getBoolean(),
                                a[2].getBoolean(),
                                a[3].getBoolean(),
                                a[4].getBoolean(),
                                a[5].getByteArray(),
                                ManagedName.text(a[6].pValue)));
            }
            return found;
        } finally {
            token.closeQuietly(session);
        }
    }

    /** The labels of all token data objects (the store's records) this process can see. */
    static List<String> dataObjectLabels(Pkcs11Backend hsm) throws PKCS11Exception {
        Pkcs11Token token = hsm.token();
        long session = token.openSession();
        try {
            List<String> labels = new ArrayList<>();
            for (long handle :
                    ObjectSearch.find(
                            token.p11(),
                            session,
                            new CK_ATTRIBUTE(
                                    PKCS11Constants.CKA_CLASS, PKCS11Constants.CKO_DATA))) {
                CK_ATTRIBUTE[] a =
                        ObjectSearch.read(token.p11(), session, handle, PKCS11Constants.CKA_LABEL);
                labels.add(ManagedName.text(a[0].pValue));
            }
            return labels;
        } finally {
            token.closeQuietly(session);
        }
    }
}
