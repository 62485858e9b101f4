package io.cryptobridge.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Runs guests/src/symmetric_conformance.c against the default host, in both engines. */
class SymmetricConformanceGuestTest {
    /**
     * The number of checks the guest makes. A guest that stops early, skips a section or checks
     * nothing fails this; update it together with the guest.
     */
    private static final int EXPECTED_CHECKS = 363;

    @ParameterizedTest
    @EnumSource(Engine.class)
    void conformanceGuest_defaultHost_everyCheckPasses(Engine engine) {
        CommandResult result;
        try (GuestRunner runner = GuestRunner.builder().engine(engine).build()) {
            result = runner.runCommand(Guests.wasm("symmetric_conformance"));
        }
        CheckReport report = result.checks();

        assertEquals(List.of(), report.failed(), result::describe);
        assertEquals(0, result.exitCode(), result::describe);
        assertEquals(OptionalInt.of(report.total()), report.plan(), "plan line matches the checks");
        assertEquals(EXPECTED_CHECKS, report.passed().size(), "number of checks");
        assertTrue(result.stderr().isEmpty(), result::describe);
        assertEquals(0, result.liveHandlesAtExit(), "the guest closes every handle it opened");
    }
}
