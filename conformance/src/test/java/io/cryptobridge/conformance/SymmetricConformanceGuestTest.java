package io.cryptobridge.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.wasm.WasmModule;
import io.cryptobridge.CryptoHost;
import io.cryptobridge.GuestSession;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Runs guests/src/symmetric_conformance.c against the default host, in both engines. */
class SymmetricConformanceGuestTest {
    /**
     * The number of checks the guest makes. A guest that stops early, skips a section or checks
     * nothing fails this; update it together with the guest.
     */
    private static final int EXPECTED_CHECKS = ConformanceGuestChecks.SYMMETRIC;

    /**
     * On a host with a secrets manager the managed-key checks shrink to what holds on every host
     * (managed_keys.c covers the rest).
     */
    private static final int EXPECTED_CHECKS_WITH_SECRETS_MANAGER =
            ConformanceGuestChecks.SYMMETRIC_WITH_SECRETS_MANAGER;

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

    @Test
    void conformanceGuest_hostWithSecretsManager_everyCheckPasses(@TempDir Path dir)
            throws IOException {
        CommandResult result;
        try (CryptoHost host = CryptoHost.fromConfig(KeystoreConfig.write(dir));
                GuestRunner runner = GuestRunner.builder().host(host).build()) {
            result = runner.runCommand(Guests.wasm("symmetric_conformance"));
        }
        CheckReport report = result.checks();

        assertEquals(List.of(), report.failed(), result::describe);
        assertEquals(0, result.exitCode(), result::describe);
        assertEquals(EXPECTED_CHECKS_WITH_SECRETS_MANAGER, report.passed().size(), "checks");
        assertTrue(
                report.passed().contains("secrets_manager_open (the host has a secrets manager)"),
                result::describe);
    }

    @Test
    void conformanceGuest_imports_everyCommonAndSymmetricFunction() {
        Set<String> modules =
                Set.of("wasi_ephemeral_crypto_common", "wasi_ephemeral_crypto_symmetric");
        WasmModule module = GuestRunner.load(Guests.wasm("symmetric_conformance"));
        Set<String> imported =
                module.importSection().stream()
                        .filter(i -> modules.contains(i.module()))
                        .map(i -> i.module() + "." + i.name())
                        .collect(Collectors.toCollection(TreeSet::new));
        Set<String> offered;
        try (CryptoHost host = CryptoHost.withDefaults();
                GuestSession session = host.newSession()) {
            offered =
                    session.hostFunctions().stream()
                            .filter(f -> modules.contains(f.module()))
                            .map(f -> f.module() + "." + f.name())
                            .collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(38, offered.size(), "10 common + 28 symmetric functions");
        assertEquals(offered, imported, "functions the conformance guest never calls");
    }
}
