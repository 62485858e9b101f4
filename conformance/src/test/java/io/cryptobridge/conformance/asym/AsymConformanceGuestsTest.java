package io.cryptobridge.conformance.asym;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cryptobridge.CryptoHost;
import io.cryptobridge.conformance.CheckReport;
import io.cryptobridge.conformance.CommandResult;
import io.cryptobridge.conformance.ConformanceGuestChecks;
import io.cryptobridge.conformance.GuestRunner;
import io.cryptobridge.conformance.Guests;
import io.cryptobridge.conformance.KeystoreConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs guests/src/signatures_conformance.c and kx_conformance.c against the default host. Each
 * prints one "ok - …" or "FAIL - …" line per check and a "1..N" plan line; the number of checks is
 * pinned so that a guest that stops early, or a check that disappears, fails the test. Update the
 * numbers together with the guests.
 */
class AsymConformanceGuestsTest {
    /** Checks in signatures_conformance.c when every check passes. */
    private static final int SIGNATURE_CHECKS = ConformanceGuestChecks.SIGNATURES;

    /**
     * Checks in signatures_conformance.c on a host with a secrets manager: its seven
     * unsupported_feature checks become open + close (managed_keys.c covers the rest).
     */
    private static final int SIGNATURE_CHECKS_WITH_SECRETS_MANAGER =
            ConformanceGuestChecks.SIGNATURES_WITH_SECRETS_MANAGER;

    /** Checks in kx_conformance.c when every check passes. */
    private static final int KX_CHECKS = ConformanceGuestChecks.KX;

    @Test
    void signaturesGuest_defaultHost_everyCheckPasses() {
        assertGuestPasses("signatures_conformance", SIGNATURE_CHECKS);
    }

    @Test
    void signaturesGuest_hostWithSecretsManager_everyCheckPasses(@TempDir Path dir)
            throws IOException {
        CommandResult result;
        try (CryptoHost host = CryptoHost.fromConfig(KeystoreConfig.write(dir));
                GuestRunner runner = GuestRunner.builder().host(host).build()) {
            result = runner.runCommand(Guests.wasm("signatures_conformance"));
        }
        CheckReport report = result.checks();
        assertEquals(List.of(), report.failed(), result::describe);
        assertEquals(0, result.exitCode(), result::describe);
        assertEquals(SIGNATURE_CHECKS_WITH_SECRETS_MANAGER, report.passed().size(), "checks");
        assertTrue(
                report.passed().contains("secrets_manager_open (the host has a secrets manager)"),
                result::describe);
    }

    @Test
    void kxGuest_defaultHost_everyCheckPasses() {
        assertGuestPasses("kx_conformance", KX_CHECKS);
    }

    /** Leaves the whole output in target/guest-output/ for whoever investigates a failure. */
    private static void keepForReading(String guest, CommandResult result) {
        try {
            Path dir = Path.of("target", "guest-output");
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(guest + ".txt"), result.stdout());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertGuestPasses(String guest, int expectedChecks) {
        CommandResult result;
        try (GuestRunner runner = GuestRunner.withDefaults()) {
            result = runner.runCommand(Guests.wasm(guest));
        }
        keepForReading(guest, result);
        CheckReport report = result.checks();
        assertEquals(List.of(), report.failed(), result::describe);
        assertEquals(0, result.exitCode(), result::describe);
        assertEquals(OptionalInt.of(report.total()), report.plan(), "plan line matches the checks");
        assertEquals(expectedChecks, report.passed().size(), "number of checks");
        assertTrue(result.stderr().isEmpty(), result::describe);
        assertEquals(0, result.liveHandlesAtExit(), "the guest closes every handle it opened");
    }
}
