package io.cryptobridge.conformance.asym;

import io.cryptobridge.SessionLimits;
import io.cryptobridge.conformance.GuestRunner;
import io.cryptobridge.conformance.Guests;
import io.cryptobridge.conformance.ReactorGuest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The exports of guests/src/wycheproof_asym.c as Java methods: each copies its inputs into guest
 * memory, calls one export (one complete wasi-crypto operation) and frees the buffers.
 */
public final class AsymReactor implements AutoCloseable {
    public static final int ALG_SIGNATURES = 0;
    public static final int ALG_KX = 2;
    public static final int RAW = 0;
    public static final int PKCS8 = 1;
    public static final int PEM = 2;
    public static final int SEC = 3;
    public static final int SIG_RAW = 0;
    public static final int SIG_DER = 1;

    private static final int OUT_CAP = 4096;

    private final GuestRunner runner;
    private final ReactorGuest guest;

    AsymReactor() {
        this(GuestRunner.withDefaults());
    }

    /** A reactor whose session has these limits (handles, buffered message bytes). */
    AsymReactor(SessionLimits limits) {
        this(GuestRunner.builder().limits(limits).build());
    }

    /** A reactor on {@code runner}'s host (softhsm-tests passes one with the HSM first). */
    public AsymReactor(GuestRunner runner) {
        this.runner = runner;
        this.guest = runner.startReactor(Guests.wasm("wycheproof_asym"));
    }

    /** The result code (0, or stage << 8 | errno) and, on success, the bytes produced. */
    public record Outcome(int code, byte[] output) {
        boolean is(byte[] expected) {
            return code == 0 && Arrays.equals(output, expected);
        }

        @Override
        public String toString() {
            return code == 0
                    ? "success " + HexFormat.of().formatHex(output)
                    : AbiResult.describe(code);
        }
    }

    /** publickey_import, signature_import and a verification state; 0 when the signature holds. */
    public int verify(String alg, byte[] pk, int pkEnc, byte[] msg, byte[] sig, int sigEnc) {
        byte[] name = alg.getBytes(StandardCharsets.UTF_8);
        int[] p = {guest.copyIn(name), guest.copyIn(pk), guest.copyIn(msg), guest.copyIn(sig)};
        try {
            return guest.callErrno(
                    "verify",
                    p[0],
                    name.length,
                    p[1],
                    pk.length,
                    pkEnc,
                    p[2],
                    msg.length,
                    p[3],
                    sig.length,
                    sigEnc);
        } finally {
            free(p);
        }
    }

    /** keypair_import, a signing state, sign and signature_export in {@code sigEnc}. */
    public Outcome sign(String alg, byte[] kp, int kpEnc, byte[] msg, int sigEnc) {
        byte[] name = alg.getBytes(StandardCharsets.UTF_8);
        int[] p = {
            guest.copyIn(name),
            guest.copyIn(kp),
            guest.copyIn(msg),
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
                            kp.length,
                            kpEnc,
                            p[2],
                            msg.length,
                            sigEnc,
                            p[3],
                            OUT_CAP,
                            p[4]);
            return outcome(code, p[3], p[4]);
        } finally {
            free(p);
        }
    }

    /** secretkey_import, publickey_import and kx_dh. */
    public Outcome dh(String alg, byte[] sk, int skEnc, byte[] pk, int pkEnc) {
        byte[] name = alg.getBytes(StandardCharsets.UTF_8);
        int[] p = {
            guest.copyIn(name),
            guest.copyIn(sk),
            guest.copyIn(pk),
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
                            sk.length,
                            skEnc,
                            p[2],
                            pk.length,
                            pkEnc,
                            p[3],
                            OUT_CAP,
                            p[4]);
            return outcome(code, p[3], p[4]);
        } finally {
            free(p);
        }
    }

    /** secretkey_import (raw) and kx_decapsulate. */
    Outcome decaps(String alg, byte[] sk, byte[] ct) {
        byte[] name = alg.getBytes(StandardCharsets.UTF_8);
        int[] p = {
            guest.copyIn(name),
            guest.copyIn(sk),
            guest.copyIn(ct),
            guest.alloc(OUT_CAP),
            guest.alloc(4)
        };
        try {
            int code =
                    guest.callErrno(
                            "decaps",
                            p[0],
                            name.length,
                            p[1],
                            sk.length,
                            RAW,
                            p[2],
                            ct.length,
                            p[3],
                            OUT_CAP,
                            p[4]);
            return outcome(code, p[3], p[4]);
        } finally {
            free(p);
        }
    }

    /** secretkey_import (raw), publickey_from_secretkey and publickey_export (raw). */
    Outcome publicFromSecret(int algType, String alg, byte[] sk) {
        byte[] name = alg.getBytes(StandardCharsets.UTF_8);
        int[] p = {guest.copyIn(name), guest.copyIn(sk), guest.alloc(OUT_CAP), guest.alloc(4)};
        try {
            int code =
                    guest.callErrno(
                            "public_from_secret",
                            algType,
                            p[0],
                            name.length,
                            p[1],
                            sk.length,
                            RAW,
                            RAW,
                            p[2],
                            OUT_CAP,
                            p[3]);
            return outcome(code, p[2], p[3]);
        } finally {
            free(p);
        }
    }

    /** Handles the session holds now; the guest closes all of its own after each call. */
    public int liveHandles() {
        return guest.liveHandles();
    }

    private Outcome outcome(int code, int outPtr, int lenPtr) {
        if (code != 0) {
            return new Outcome(code, null);
        }
        int len = guest.memory().readInt(lenPtr);
        return new Outcome(0, guest.read(outPtr, len));
    }

    private void free(int[] pointers) {
        for (int pointer : pointers) {
            guest.dealloc(pointer);
        }
    }

    @Override
    public void close() {
        guest.close();
        runner.close();
    }
}
