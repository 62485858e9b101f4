package io.cryptobridge.pkcs11;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
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
 * <p>{@code C_Finalize} is called only on an instance nobody else has seen ({@link
 * #finalizeUnused}): otherwise it would pull the library from under SunPKCS11 and any other user in
 * this JVM.
 */
final class Cryptoki {
    private static final String FUNCTION_LIST = "C_GetFunctionList";

    /** Reloads so far: each needs a path string the JDK has not cached. */
    private static final AtomicInteger RELOADS = new AtomicInteger();

    private static Path linkFolder;

    /** The instance in use per canonical path, after a {@link #loadAgain}. */
    private static final Map<String, PKCS11> RELOADED = new HashMap<>();

    private Cryptoki() {}

    /**
     * Loads and initializes the library at {@code canonicalPath}, or returns the instance in use:
     * the JDK's cached one, or the latest one {@link #publish}ed (the cached one is finalized
     * then).
     */
    static synchronized PKCS11 load(String canonicalPath) throws IOException, PKCS11Exception {
        PKCS11 reloaded = RELOADED.get(canonicalPath);
        return reloaded != null ? reloaded : initialize(canonicalPath);
    }

    private static PKCS11 initialize(String canonicalPath) throws IOException, PKCS11Exception {
        CK_C_INITIALIZE_ARGS initArgs = new CK_C_INITIALIZE_ARGS();
        initArgs.flags = PKCS11Constants.CKF_OS_LOCKING_OK;
        return PKCS11.getInstance(canonicalPath, FUNCTION_LIST, initArgs, false);
    }

    /**
     * A new, initialized instance of the library, not yet in use, or null: the only way to make
     * p11-kit's RPC client ({@code p11-kit-client.so}) connect anew after its server went away. The
     * client connects in {@code C_Initialize} and, once the connection broke, answers every call
     * with {@code CKR_DEVICE_ERROR}, also after the server is back (measured with p11-kit 0.24.1).
     * It makes a new client, with a connection of its own, for every {@code C_GetFunctionList}.
     *
     * <p>The wrapper's {@code C_Initialize} is not public (JDK 17 and 25), and {@code getInstance}
     * initializes only instances it has not cached, by path string. So the library is loaded under
     * a new path: a symbolic link to it in a private temporary folder, deleted right after (the
     * dynamic linker hands back the library already loaded). The JDK keeps every instance cached: a
     * small leak per call, so callers limit how often they call.
     *
     * <p>The old instance is never finalized: other threads may still be inside a call on it, and
     * p11-kit's client aborts the process when {@code C_Finalize} frees the connection under a
     * running call ({@code rpc_transport_buffer: Assertion `sock->refs > 0' failed}, measured).
     */
    static synchronized PKCS11 loadAgain(String canonicalPath) {
        Path link = null;
        try {
            if (linkFolder == null) {
                linkFolder = Files.createTempDirectory("cryptobridge-pkcs11-");
                linkFolder.toFile().deleteOnExit();
            }
            Path target = Path.of(canonicalPath);
            link = linkFolder.resolve(RELOADS.incrementAndGet() + "-" + target.getFileName());
            Files.createSymbolicLink(link, target);
            return initialize(link.toString());
        } catch (IOException | PKCS11Exception e) {
            return null;
        } finally {
            if (link != null) {
                try {
                    Files.deleteIfExists(link);
                } catch (IOException e) {
                    // A stale link in the private temporary folder harms nobody.
                }
            }
        }
    }

    /** From now on {@link #load} hands out {@code instance} for {@code canonicalPath}. */
    static synchronized void publish(String canonicalPath, PKCS11 instance) {
        RELOADED.put(canonicalPath, instance);
    }

    /** Finalizes an instance from {@link #loadAgain} that nobody else has seen. */
    static void finalizeUnused(PKCS11 instance) {
        try {
            instance.C_Finalize(null);
        } catch (PKCS11Exception e) {
            // Nothing to end.
        }
    }

    /**
     * Whether the library is p11-kit (its RPC client or proxy, library manufacturer {@code PKCS#11
     * Kit}): only then is a lost connection repaired by loading the library again.
     */
    static boolean isP11Kit(PKCS11 p11) {
        try {
            return text(p11.C_GetInfo().manufacturerID).equals("PKCS#11 Kit");
        } catch (PKCS11Exception e) {
            return false;
        }
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
