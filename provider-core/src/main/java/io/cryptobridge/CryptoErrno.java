package io.cryptobridge;

/** The wasi-crypto {@code crypto_errno} values, exactly as the WITX 0.10 ABI numbers them. */
public enum CryptoErrno {
    SUCCESS(0),
    GUEST_ERROR(1),
    NOT_IMPLEMENTED(2),
    UNSUPPORTED_FEATURE(3),
    PROHIBITED_OPERATION(4),
    UNSUPPORTED_ENCODING(5),
    UNSUPPORTED_ALGORITHM(6),
    UNSUPPORTED_OPTION(7),
    INVALID_KEY(8),
    INVALID_LENGTH(9),
    VERIFICATION_FAILED(10),
    RNG_ERROR(11),
    ALGORITHM_FAILURE(12),
    INVALID_SIGNATURE(13),
    CLOSED(14),
    INVALID_HANDLE(15),
    OVERFLOW(16),
    INTERNAL_ERROR(17),
    TOO_MANY_HANDLES(18),
    KEY_NOT_SUPPORTED(19),
    KEY_REQUIRED(20),
    INVALID_TAG(21),
    INVALID_OPERATION(22),
    NONCE_REQUIRED(23),
    INVALID_NONCE(24),
    OPTION_NOT_SET(25),
    NOT_FOUND(26),
    PARAMETERS_MISSING(27),
    IN_PROGRESS(28),
    INCOMPATIBLE_KEYS(29),
    EXPIRED(30);

    private final int code;

    CryptoErrno(int code) {
        this.code = code;
    }

    /** The numeric value returned to the guest. */
    public int code() {
        return code;
    }

    /** The errno with the given numeric value. */
    public static CryptoErrno of(int code) {
        CryptoErrno[] all = values();
        if (code < 0 || code >= all.length) {
            throw new IllegalArgumentException("not a crypto_errno: " + code);
        }
        return all[code];
    }

    /** The lower-case name the spec uses, e.g. {@code invalid_handle}. */
    public String specName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
