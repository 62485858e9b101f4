package io.cryptobridge.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cryptobridge.CryptoErrno;
import io.cryptobridge.SessionLimits;
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
}
