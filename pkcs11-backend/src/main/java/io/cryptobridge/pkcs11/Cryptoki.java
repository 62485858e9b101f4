package io.cryptobridge.pkcs11;

import java.io.IOException;
import sun.security.pkcs11.wrapper.CK_C_INITIALIZE_ARGS;
import sun.security.pkcs11.wrapper.PKCS11;
import sun.security.pkcs11.wrapper.PKCS11Constants;
import sun.security.pkcs11.wrapper.PKCS11Exception;

/**
 * Everything that depends on the JDK version of the raw wrapper {@code
 * sun.security.pkcs11.wrapper.PKCS11}, in one place (measured on JDK 17.0.15 and 25.0.3):
 *
 * <ul>
 *   <li>{@code getInstance} has the same signature on both, but JDK 17 needs the function list name
 *       while JDK 25 would prefer the PKCS#11 3.0 {@code C_GetInterface}; we always pass {@code
 *       C_GetFunctionList} so both JDKs talk PKCS#11 2.40 to the token (JDK 25 over a 3.0 front end
 *       otherwise calls {@code C_SessionCancel}, which SoftHSM lacks).
 *   <li>{@code PKCS11Exception}'s constants differ; only {@link PKCS11Exception#getErrorCode()} is
 *       portable, so the backend keeps its own table ({@link Ckr}).
 *   <li>Instances are cached per path string, and SunPKCS11 shares the instance when it is
 *       configured with the same string: callers pass the canonical path only.
 *   <li>{@code CKF_OS_LOCKING_OK} yields the plain (unsynchronized) instance; without it the JDK
 *       caches a JVM-wide synchronized one that the SunPKCS11 provider would silently share.
 * </ul>
 *
 * <p>{@code C_Finalize} is never called: it would pull the library from under SunPKCS11 and any
 * other user in this JVM.
 */
final class Cryptoki {
    private static final String FUNCTION_LIST = "C_GetFunctionList";

    private Cryptoki() {}

    /** Loads and initializes the library at {@code canonicalPath}, or returns the cached one. */
    static PKCS11 load(String canonicalPath) throws IOException, PKCS11Exception {
        CK_C_INITIALIZE_ARGS initArgs = new CK_C_INITIALIZE_ARGS();
        initArgs.flags = PKCS11Constants.CKF_OS_LOCKING_OK;
        return PKCS11.getInstance(canonicalPath, FUNCTION_LIST, initArgs, false);
    }

    /** The PKCS#11 return value ({@code CKR_*}) carried by the exception. */
    static long errorCode(PKCS11Exception e) {
        return e.getErrorCode();
    }

    /** A blank-padded fixed-length PKCS#11 text field ({@code CK_UTF8CHAR[32]}) as a string. */
    static String text(char[] field) {
        return field == null ? "" : new String(field).strip();
    }
}
