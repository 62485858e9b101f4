package io.cryptobridge.pkcs11;

import java.util.Map;

/**
 * The PKCS#11 return values this backend reacts to, with their names. Our own table because the
 * wrapper's constants differ between JDK 17 (public {@code long} fields) and JDK 25 (a
 * package-private enum); only {@code PKCS11Exception.getErrorCode()} is portable.
 */
final class Ckr {
    static final long GENERAL_ERROR = 0x05;
    static final long ARGUMENTS_BAD = 0x07;
    static final long ATTRIBUTE_SENSITIVE = 0x11;
    static final long ATTRIBUTE_VALUE_INVALID = 0x13;
    static final long DATA_LEN_RANGE = 0x21;
    static final long DEVICE_ERROR = 0x30;
    static final long DEVICE_MEMORY = 0x31;
    static final long DEVICE_REMOVED = 0x32;
    static final long ENCRYPTED_DATA_INVALID = 0x40;
    static final long ENCRYPTED_DATA_LEN_RANGE = 0x41;
    static final long AEAD_DECRYPT_FAILED = 0x35;
    static final long KEY_HANDLE_INVALID = 0x60;
    static final long KEY_SIZE_RANGE = 0x62;
    static final long KEY_TYPE_INCONSISTENT = 0x63;
    static final long KEY_FUNCTION_NOT_PERMITTED = 0x68;
    static final long KEY_UNEXTRACTABLE = 0x6A;
    static final long MECHANISM_INVALID = 0x70;
    static final long MECHANISM_PARAM_INVALID = 0x71;
    static final long OBJECT_HANDLE_INVALID = 0x82;
    static final long OPERATION_ACTIVE = 0x90;
    static final long PIN_INCORRECT = 0xA0;
    static final long PIN_INVALID = 0xA1;
    static final long PIN_LEN_RANGE = 0xA2;
    static final long PIN_EXPIRED = 0xA3;
    static final long PIN_LOCKED = 0xA4;
    static final long SESSION_CLOSED = 0xB0;
    static final long SESSION_COUNT = 0xB1;
    static final long SESSION_HANDLE_INVALID = 0xB3;
    static final long SLOT_ID_INVALID = 0x03;
    static final long TOKEN_NOT_PRESENT = 0xE0;
    static final long TOKEN_NOT_RECOGNIZED = 0xE1;
    static final long USER_ALREADY_LOGGED_IN = 0x100;
    static final long USER_NOT_LOGGED_IN = 0x101;
    static final long USER_PIN_NOT_INITIALIZED = 0x102;
    static final long BUFFER_TOO_SMALL = 0x150;
    static final long CRYPTOKI_NOT_INITIALIZED = 0x190;
    static final long FUNCTION_NOT_SUPPORTED = 0x54;

    private static final Map<Long, String> NAMES =
            Map.ofEntries(
                    Map.entry(GENERAL_ERROR, "CKR_GENERAL_ERROR"),
                    Map.entry(ARGUMENTS_BAD, "CKR_ARGUMENTS_BAD"),
                    Map.entry(ATTRIBUTE_SENSITIVE, "CKR_ATTRIBUTE_SENSITIVE"),
                    Map.entry(ATTRIBUTE_VALUE_INVALID, "CKR_ATTRIBUTE_VALUE_INVALID"),
                    Map.entry(DATA_LEN_RANGE, "CKR_DATA_LEN_RANGE"),
                    Map.entry(DEVICE_ERROR, "CKR_DEVICE_ERROR"),
                    Map.entry(DEVICE_MEMORY, "CKR_DEVICE_MEMORY"),
                    Map.entry(DEVICE_REMOVED, "CKR_DEVICE_REMOVED"),
                    Map.entry(ENCRYPTED_DATA_INVALID, "CKR_ENCRYPTED_DATA_INVALID"),
                    Map.entry(ENCRYPTED_DATA_LEN_RANGE, "CKR_ENCRYPTED_DATA_LEN_RANGE"),
                    Map.entry(AEAD_DECRYPT_FAILED, "CKR_AEAD_DECRYPT_FAILED"),
                    Map.entry(KEY_HANDLE_INVALID, "CKR_KEY_HANDLE_INVALID"),
                    Map.entry(KEY_SIZE_RANGE, "CKR_KEY_SIZE_RANGE"),
                    Map.entry(KEY_TYPE_INCONSISTENT, "CKR_KEY_TYPE_INCONSISTENT"),
                    Map.entry(KEY_FUNCTION_NOT_PERMITTED, "CKR_KEY_FUNCTION_NOT_PERMITTED"),
                    Map.entry(KEY_UNEXTRACTABLE, "CKR_KEY_UNEXTRACTABLE"),
                    Map.entry(MECHANISM_INVALID, "CKR_MECHANISM_INVALID"),
                    Map.entry(MECHANISM_PARAM_INVALID, "CKR_MECHANISM_PARAM_INVALID"),
                    Map.entry(OBJECT_HANDLE_INVALID, "CKR_OBJECT_HANDLE_INVALID"),
                    Map.entry(OPERATION_ACTIVE, "CKR_OPERATION_ACTIVE"),
                    Map.entry(PIN_INCORRECT, "CKR_PIN_INCORRECT"),
                    Map.entry(PIN_INVALID, "CKR_PIN_INVALID"),
                    Map.entry(PIN_LEN_RANGE, "CKR_PIN_LEN_RANGE"),
                    Map.entry(PIN_EXPIRED, "CKR_PIN_EXPIRED"),
                    Map.entry(PIN_LOCKED, "CKR_PIN_LOCKED"),
                    Map.entry(SESSION_CLOSED, "CKR_SESSION_CLOSED"),
                    Map.entry(SESSION_COUNT, "CKR_SESSION_COUNT"),
                    Map.entry(SESSION_HANDLE_INVALID, "CKR_SESSION_HANDLE_INVALID"),
                    Map.entry(SLOT_ID_INVALID, "CKR_SLOT_ID_INVALID"),
                    Map.entry(TOKEN_NOT_PRESENT, "CKR_TOKEN_NOT_PRESENT"),
                    Map.entry(TOKEN_NOT_RECOGNIZED, "CKR_TOKEN_NOT_RECOGNIZED"),
                    Map.entry(USER_ALREADY_LOGGED_IN, "CKR_USER_ALREADY_LOGGED_IN"),
                    Map.entry(USER_NOT_LOGGED_IN, "CKR_USER_NOT_LOGGED_IN"),
                    Map.entry(USER_PIN_NOT_INITIALIZED, "CKR_USER_PIN_NOT_INITIALIZED"),
                    Map.entry(BUFFER_TOO_SMALL, "CKR_BUFFER_TOO_SMALL"),
                    Map.entry(CRYPTOKI_NOT_INITIALIZED, "CKR_CRYPTOKI_NOT_INITIALIZED"),
                    Map.entry(FUNCTION_NOT_SUPPORTED, "CKR_FUNCTION_NOT_SUPPORTED"));

    private Ckr() {}

    /** {@code CKR_PIN_INCORRECT}, or {@code CKR_0x...} for a code outside the table. */
    static String name(long code) {
        String name = NAMES.get(code);
        return name != null
                ? name
                : "CKR_0x" + Long.toHexString(code).toUpperCase(java.util.Locale.ROOT);
    }

    /** Whether the object a handle named is gone (destroyed, or lost with a logout). */
    static boolean objectGone(long code) {
        return code == OBJECT_HANDLE_INVALID || code == KEY_HANDLE_INVALID;
    }

    /**
     * Whether the connection to the token's library is gone: p11-kit's RPC client answers {@code
     * CKR_DEVICE_ERROR} once its server went away, and {@code CKR_CRYPTOKI_NOT_INITIALIZED} after a
     * reconnect failed. Only a re-initialization of the library helps ({@link Cryptoki#loadAgain}).
     */
    static boolean connectionLost(long code) {
        return code == DEVICE_ERROR || code == CRYPTOKI_NOT_INITIALIZED;
    }

    /**
     * Whether the session (or the login behind it) is gone, so that a fresh, logged-in session may
     * run the same unit of work again.
     */
    static boolean sessionLost(long code) {
        return code == SESSION_HANDLE_INVALID
                || code == SESSION_CLOSED
                || code == DEVICE_REMOVED
                || code == TOKEN_NOT_PRESENT
                || code == USER_NOT_LOGGED_IN;
    }
}
