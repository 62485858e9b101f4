package io.cryptobridge.pkcs11;

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
}
