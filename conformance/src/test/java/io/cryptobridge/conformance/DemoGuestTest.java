package io.cryptobridge.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's demo guest: every value it prints was checked against OpenSSL and the JDK. */
class DemoGuestTest {

    @Test
    void demoGuest_defaultHost_printsKnownValuesAndExitsZero() {
        CommandResult result;
        try (GuestRunner runner = GuestRunner.withDefaults()) {
            result = runner.runCommand(Guests.wasm("demo"));
        }

        assertEquals(0, result.exitCode(), result::describe);
        assertEquals(
                List.of(
                        "SHA-256:                 "
                                + "d87a6d10551cbd4490084ba9d89f37db24459b46e93677a45eababa04dad85e5",
                        "HMAC-SHA-256:            "
                                + "5c3700b5e336634f69e04037dff26f26cd8f2d873af1a20b1de7182d75c4b6fd",
                        "HKDF-SHA-256 (32 bytes): "
                                + "d58792ec13da972783452443ee59e29fb85c0012db508cd1dce4c26a6873c06b",
                        "AES-256-GCM sealed:      "
                                + "ca8bd70fbef96862b1f8ca7fd26f72d010bd616b7615db85b9c87cbf7ab3",
                        "AES-256-GCM opened:      attack at dawn",
                        "demo: all steps succeeded"),
                result.stdoutLines(),
                result::describe);
        assertEquals(0, result.liveHandlesAtExit(), "the demo closes every handle");
    }
}
