package io.cryptobridge.pkcs11;

import io.cryptobridge.conformance.ReactorGuest;
import java.nio.charset.StandardCharsets;

/**
 * The sign, verify and dh exports of guests/src/wycheproof_asym.c (one complete wasi-crypto
 * operation each, every handle closed before returning). Result codes: 0, or stage << 8 | errno.
 */
final class AsymGuest {
    static final int RAW = 0;
    static final int PKCS8 = 1;
    static final int SEC = 3;
    private static final int OUT_CAP = 1024;

    private final ReactorGuest guest;

    AsymGuest(ReactorGuest guest) {
        this.guest = guest;
    }

    /** A code and, on success, the bytes produced. */
    record Outcome(int code, byte[] output) {}

    /** keypair_import, signature_state_open/update/sign, signature_export (raw). */
    Outcome sign(String alg, byte[] keyPair, int encoding, byte[] message) {
        byte[] name = alg.getBytes(StandardCharsets.UTF_8);
        int[] p = {
            guest.copyIn(name),
            guest.copyIn(keyPair),
            guest.copyIn(message),
            guest.alloc(OUT_CAP),
            guest.alloc(4)
        };
        try {
            int code =
                    guest.callErrno(
                            "sign",
                            p[0],
                            name.length,
                            p[1],
                            keyPair.length,
                            encoding,
                            p[2],
                            message.length,
                            RAW,
                            p[3],
                            OUT_CAP,
                            p[4]);
            return outcome(code, p[3], p[4]);
        } finally {
            free(p);
        }
    }

    /** publickey_import, signature_import (raw), a verification state; 0 when valid. */
    int verify(String alg, byte[] publicKey, int encoding, byte[] message, byte[] signature) {
        byte[] name = alg.getBytes(StandardCharsets.UTF_8);
        int[] p = {
            guest.copyIn(name),
            guest.copyIn(publicKey),
            guest.copyIn(message),
            guest.copyIn(signature)
        };
        try {
            return guest.callErrno(
                    "verify",
                    p[0],
                    name.length,
                    p[1],
                    publicKey.length,
                    encoding,
                    p[2],
                    message.length,
                    p[3],
                    signature.length,
                    RAW);
        } finally {
            free(p);
        }
    }

    /** secretkey_import, publickey_import, kx_dh. */
    Outcome dh(String alg, byte[] secretKey, int skEncoding, byte[] publicKey, int pkEncoding) {
        byte[] name = alg.getBytes(StandardCharsets.UTF_8);
        int[] p = {
            guest.copyIn(name),
            guest.copyIn(secretKey),
            guest.copyIn(publicKey),
            guest.alloc(OUT_CAP),
            guest.alloc(4)
        };
        try {
            int code =
                    guest.callErrno(
                            "dh",
                            p[0],
                            name.length,
                            p[1],
                            secretKey.length,
                            skEncoding,
                            p[2],
                            publicKey.length,
                            pkEncoding,
                            p[3],
                            OUT_CAP,
                            p[4]);
            return outcome(code, p[3], p[4]);
        } finally {
            free(p);
        }
    }

    int liveHandles() {
        return guest.liveHandles();
    }

    private Outcome outcome(int code, int outPtr, int lenPtr) {
        if (code != 0) {
            return new Outcome(code, null);
        }
        return new Outcome(0, guest.read(outPtr, guest.memory().readInt(lenPtr)));
    }

    private void free(int[] pointers) {
        for (int pointer : pointers) {
            guest.dealloc(pointer);
        }
    }
}
