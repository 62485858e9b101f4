package io.cryptobridge.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cryptobridge.CryptoErrno;
import io.cryptobridge.SessionLimits;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The per-session handle limit, seen by a guest as too_many_handles. */
class HandleLimitTest {
    private static final int LIMIT = 8;
    private static final byte[] KEY = new byte[32];

    @Test
    void keyImport_pastTheSessionLimit_tooManyHandlesUntilOneCloses() {
        try (GuestRunner runner =
                        GuestRunner.builder().limits(new SessionLimits(LIMIT, 1 << 20)).build();
                ReactorGuest reactor = runner.startReactor(Guests.wasm("abi_edges"))) {
            EdgeGuest guest = new EdgeGuest(reactor);
            int[] keys = new int[LIMIT];
            for (int i = 0; i < LIMIT; i++) {
                keys[i] = guest.importedKey("HMAC/SHA-256", KEY);
            }
            reactor.memory().writeI32(EdgeGuest.OUT, 0x5a5a5a5a);

            assertEquals(CryptoErrno.TOO_MANY_HANDLES.code(), guest.importKey("HMAC/SHA-256", KEY));
            assertEquals(0x5a5a5a5a, guest.outHandle(), "nothing written on too_many_handles");
            assertEquals(
                    CryptoErrno.TOO_MANY_HANDLES.code(),
                    guest.openOptions(),
                    "the limit counts every handle type");
            assertEquals(
                    CryptoErrno.TOO_MANY_HANDLES.code(),
                    guest.exportKey(keys[0]),
                    "an array_output is a handle too");
            assertEquals(LIMIT, reactor.liveHandles());

            assertEquals(CryptoErrno.SUCCESS.code(), guest.closeKey(keys[3]));
            assertEquals(CryptoErrno.SUCCESS.code(), guest.importKey("HMAC/SHA-256", KEY));
            assertEquals(LIMIT, reactor.liveHandles());
        }
    }

    @Test
    void encryptDetached_atTheLimit_tooManyHandlesNothingWrittenNonceKept() {
        try (GuestRunner runner =
                        GuestRunner.builder().limits(new SessionLimits(LIMIT, 1 << 20)).build();
                ReactorGuest reactor = runner.startReactor(Guests.wasm("abi_edges"))) {
            EdgeGuest guest = new EdgeGuest(reactor);
            int state = openAesGcm(guest);
            int filler = 0;
            while (reactor.liveHandles() < LIMIT) {
                filler = guest.importedKey("HMAC/SHA-256", KEY);
            }
            int out = EdgeGuest.BUFFER;
            reactor.write(out, new byte[16]);
            reactor.write(EdgeGuest.DATA, "sixteen byte msg".getBytes(StandardCharsets.UTF_8));

            assertEquals(
                    CryptoErrno.TOO_MANY_HANDLES.code(),
                    reactor.callErrno(
                            "symmetric_state_encrypt_detached",
                            state,
                            out,
                            16,
                            EdgeGuest.DATA,
                            16,
                            EdgeGuest.OUT));
            assertArrayEquals(new byte[16], reactor.read(out, 16), "no ciphertext on an error");

            assertEquals(CryptoErrno.SUCCESS.code(), guest.closeKey(filler));
            assertEquals(
                    CryptoErrno.SUCCESS.code(),
                    reactor.callErrno(
                            "symmetric_state_encrypt_detached",
                            state,
                            out,
                            16,
                            EdgeGuest.DATA,
                            16,
                            EdgeGuest.OUT),
                    "the failed call did not use up the nonce");
        }
    }

    /** Opens an AES-128-GCM state with a zero nonce; uses three handles (key, options, state). */
    private static int openAesGcm(EdgeGuest guest) {
        ReactorGuest reactor = guest.reactor();
        int key = guest.importedKey("AES-128-GCM", new byte[16]);
        assertEquals(CryptoErrno.SUCCESS.code(), guest.openOptions());
        int options = guest.outHandle();
        byte[] name = "nonce".getBytes(StandardCharsets.UTF_8);
        reactor.write(0x1000, name);
        reactor.write(0x1100, new byte[12]);
        assertEquals(
                CryptoErrno.SUCCESS.code(),
                reactor.callErrno("options_set", options, 0x1000, name.length, 0x1100, 12));
        reactor.write(0x210, optional(key));
        reactor.write(0x218, optional(options));
        byte[] alg = "AES-128-GCM".getBytes(StandardCharsets.UTF_8);
        reactor.write(EdgeGuest.ALG, alg);
        assertEquals(
                CryptoErrno.SUCCESS.code(),
                reactor.callErrno(
                        "symmetric_state_open",
                        EdgeGuest.ALG,
                        alg.length,
                        0x210,
                        0x218,
                        EdgeGuest.OUT));
        return guest.outHandle();
    }

    private static byte[] optional(int handle) {
        return new byte[] {
            0,
            0,
            0,
            0,
            (byte) handle,
            (byte) (handle >>> 8),
            (byte) (handle >>> 16),
            (byte) (handle >>> 24)
        };
    }
}
