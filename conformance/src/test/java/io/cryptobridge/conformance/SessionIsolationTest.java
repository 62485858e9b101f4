package io.cryptobridge.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cryptobridge.CryptoErrno;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Two guests of one host: neither can reach the other's handles. */
class SessionIsolationTest {
    private static final byte[] KEY_A = filled(0xA1);
    private static final byte[] KEY_B = filled(0xB2);

    @Test
    void handleFromAnotherSession_useAndClose_invalidHandle() {
        try (GuestRunner runner = GuestRunner.withDefaults();
                ReactorGuest reactorA = runner.startReactor(Guests.wasm("abi_edges"));
                ReactorGuest reactorB = runner.startReactor(Guests.wasm("abi_edges"))) {
            EdgeGuest a = new EdgeGuest(reactorA);
            EdgeGuest b = new EdgeGuest(reactorB);
            int keyOfA = a.importedKey("AES-256-GCM", KEY_A);

            assertEquals(CryptoErrno.INVALID_HANDLE.code(), b.exportKey(keyOfA));
            assertEquals(CryptoErrno.INVALID_HANDLE.code(), b.closeKey(keyOfA));
            assertArrayEquals(KEY_A, a.exportedKey(keyOfA), "A's key survived B's attempts");
        }
    }

    @Test
    void sameHandleNumberInTwoSessions_eachReachesItsOwnKey() {
        try (GuestRunner runner = GuestRunner.withDefaults();
                ReactorGuest reactorA = runner.startReactor(Guests.wasm("abi_edges"));
                ReactorGuest reactorB = runner.startReactor(Guests.wasm("abi_edges"))) {
            EdgeGuest a = new EdgeGuest(reactorA);
            EdgeGuest b = new EdgeGuest(reactorB);
            int keyOfA = a.importedKey("AES-256-GCM", KEY_A);
            int keyOfB = b.importedKey("AES-256-GCM", KEY_B);

            assertEquals(keyOfA, keyOfB, "handle numbers are per session");
            assertArrayEquals(KEY_B, b.exportedKey(keyOfB));
            assertEquals(CryptoErrno.SUCCESS.code(), a.closeKey(keyOfA));
            assertArrayEquals(KEY_B, b.exportedKey(keyOfB), "closing A's key left B's alone");
            assertEquals(1, reactorB.liveHandles());
            assertEquals(0, reactorA.liveHandles());
        }
    }

    private static byte[] filled(int value) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) value);
        return key;
    }
}
