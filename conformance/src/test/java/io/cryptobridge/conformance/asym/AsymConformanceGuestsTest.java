package io.cryptobridge.conformance.asym;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs the C conformance guests for signatures and key exchange against the default host. Each
 * prints one "ok - …" or "FAIL - …" line per check and a "1..N" plan line; the exact number of
 * checks is pinned so that a guest that silently stops early (or a check that vanishes) fails.
 */
class AsymConformanceGuestsTest {
    /** Checks in signatures_conformance.c when every check passes. */
    static final int SIGNATURE_CHECKS = 0;

    /** Checks in kx_conformance.c when every check passes. */
    static final int KX_CHECKS = 0;

    @Test
    void signaturesGuest_defaultHost_everyCheckPasses() throws Exception {
        assertGuestPasses("signatures_conformance.wasm", SIGNATURE_CHECKS);
    }

    @Test
    void kxGuest_defaultHost_everyCheckPasses() throws Exception {
        assertGuestPasses("kx_conformance.wasm", KX_CHECKS);
    }

    private static void assertGuestPasses(String wasm, int expectedChecks) throws Exception {
        AsymGuestRunner.Run run = AsymGuestRunner.runCommand(AsymGuestRunner.wasm(wasm));
        List<String> unexpected =
                run.lines().stream()
                        .filter(
                                l ->
                                        !l.startsWith("ok - ")
                                                && !l.startsWith("FAIL - ")
                                                && !l.startsWith("# ")
                                                && !l.matches("1\\.\\.\\d+"))
                        .toList();
        assertAll(
                () -> assertEquals(List.of(), run.failures(), "failed checks"),
                () -> assertEquals(List.of(), unexpected, "lines that are not checks"),
                () -> assertEquals(0, run.exitCode(), "exit code; stderr: " + run.stderr()),
                () -> assertEquals(expectedChecks, run.checkLines().size(), "number of checks"),
                () -> assertEquals(run.checkLines().size(), run.plannedChecks(), "plan line"));
    }
}
