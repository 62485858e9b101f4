package io.cryptobridge.conformance.asym;

import io.cryptobridge.CryptoErrno;

/**
 * Decodes the result of a wycheproof_asym.wasm export: 0 = success, else {@code stage << 8 |
 * errno}, where the stage names the call that failed.
 */
final class AbiResult {
    private AbiResult() {}

    static int stage(int code) {
        return code >>> 8;
    }

    static CryptoErrno errno(int code) {
        return CryptoErrno.of(code & 0xff);
    }

    static String describe(int code) {
        return code == 0 ? "success" : "stage " + stage(code) + ": " + errno(code).specName();
    }

    /** A host bug rather than a refusal: these never count as a correct rejection. */
    static boolean isHostFault(int code) {
        CryptoErrno e = errno(code);
        return e == CryptoErrno.INTERNAL_ERROR
                || e == CryptoErrno.GUEST_ERROR
                || e == CryptoErrno.ALGORITHM_FAILURE
                || e == CryptoErrno.NOT_IMPLEMENTED;
    }
}
