package io.cryptobridge.pkcs11;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cryptobridge.CryptoHost;
import io.cryptobridge.conformance.CheckReport;
import io.cryptobridge.conformance.CommandResult;
import io.cryptobridge.conformance.ConformanceGuestChecks;
import io.cryptobridge.conformance.Engine;
import io.cryptobridge.conformance.GuestRunner;
import io.cryptobridge.conformance.Guests;
import io.cryptobridge.software.SoftwareBackend;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The symmetric conformance guest (guests/src/symmetric_conformance.c) on a host with the HSM first
 * and the software backend second: SHA-2, HMAC and AES-GCM run on the token, the rest in software.
 * The guest exports generated and imported keys, so the backend runs with {@code extractable:
 * true}; with the default (non-extractable) exactly the export checks fail with
 * prohibited_operation (23 of 363 on the day this was written), which is the point of an HSM.
 */
class HsmHostConformanceTest {
    @RegisterExtension static final SoftHsmToken TOKEN = new SoftHsmToken();

    @Test
    void conformanceGuest_hsmThenSoftware_everyCheckPasses() {
        try (Pkcs11Backend hsm = TOKEN.open("extractable", true);
                CryptoHost host =
                        CryptoHost.builder()
                                .backend(hsm)
                                .backend(new SoftwareBackend("soft", new SecureRandom()))
                                .build();
                GuestRunner runner =
                        GuestRunner.builder().host(host).engine(Engine.COMPILER).build()) {
            CommandResult result = runner.runCommand(Guests.wasm("symmetric_conformance"));
            CheckReport report = result.checks();

            assertEquals(List.of(), report.failed(), result::describe);
            assertEquals(0, result.exitCode(), result::describe);
            assertEquals(0, result.liveHandlesAtExit());
            // the token keeps managed keys, so the guest's managed-key section is open + close
            assertEquals(
                    ConformanceGuestChecks.SYMMETRIC_WITH_SECRETS_MANAGER,
                    report.passed().size(),
                    "the guest's checks (see guests)");
            assertTrue(hsm.pool().openSessions() > 0, "the token did some of the work");
        }
    }

    /**
     * guests/src/signatures_conformance.c on the HSM-first host with the default (non-extractable)
     * keys: every signature algorithm is served by SoftHSM, so every key the guest generates or
     * imports is a token session object. Exports of secret keys give prohibited_operation, which
     * the guest accepts as an HSM answer only where it says so; failures are listed below.
     */
    @Test
    void signaturesGuest_hsmThenSoftware_everyCheckPasses() throws Exception {
        assertGuestPasses(
                "signatures_conformance",
                ConformanceGuestChecks.SIGNATURES_WITH_SECRETS_MANAGER,
                true);
    }

    /**
     * The "done when": with the default, non-extractable keys a guest signs with Ed25519
     * and ECDSA keys that never left the token, and the signatures verify. The only checks that
     * fail are secret-key exports (prohibited_operation) and the length checks on their (empty)
     * output.
     */
    @Test
    void signaturesGuest_keysNeverLeaveToken_onlyExportsAreRefused() throws Exception {
        try (Pkcs11Backend hsm = TOKEN.open();
                CryptoHost host =
                        CryptoHost.builder()
                                .backend(hsm)
                                .backend(new SoftwareBackend("soft", new SecureRandom()))
                                .build();
                GuestRunner runner =
                        GuestRunner.builder().host(host).engine(Engine.COMPILER).build()) {
            CommandResult result = runner.runCommand(Guests.wasm("signatures_conformance"));
            CheckReport report = result.checks();

            List<String> unexpected =
                    report.failed().stream()
                            .filter(line -> !line.endsWith("got prohibited_operation"))
                            .filter(
                                    line ->
                                            !line.matches(
                                                    "Ed25519 (keypair raw is seed\\|\\|pk|secretkey raw length): expected \\d+ bytes got 0 bytes"))
                            .toList();
            assertEquals(List.of(), unexpected, result::describe);
            assertTrue(report.failed().size() > 100, "every secret export was refused");
            for (String algorithm : List.of("Ed25519", "ECDSA_P256_SHA256", "ECDSA_K256_SHA256")) {
                for (String check :
                        List.of(
                                " sign",
                                " verify",
                                " cumulative: second signature covers everything absorbed")) {
                    assertTrue(
                            report.passed().contains(algorithm + check),
                            algorithm + check + "\n" + result.describe());
                }
            }
            // Fewer than the guest's 2010 checks (on a host with a secrets manager) run: checks
            // that
            // need an exported key are skipped.
            assertEquals(1651, report.passed().size() + report.failed().size());
        }
    }

    @Test
    void kxGuest_hsmThenSoftware_everyCheckPasses() throws Exception {
        assertGuestPasses("kx_conformance", ConformanceGuestChecks.KX, true);
    }

    private static void assertGuestPasses(String guest, int checks, boolean extractable)
            throws Exception {
        try (Pkcs11Backend hsm = TOKEN.open("extractable", extractable);
                CryptoHost host =
                        CryptoHost.builder()
                                .backend(hsm)
                                .backend(new SoftwareBackend("soft", new SecureRandom()))
                                .build();
                GuestRunner runner =
                        GuestRunner.builder().host(host).engine(Engine.COMPILER).build()) {
            CommandResult result = runner.runCommand(Guests.wasm(guest));
            CheckReport report = result.checks();

            assertEquals(List.of(), report.failed(), result::describe);
            assertEquals(0, result.exitCode(), result::describe);
            assertEquals(0, result.liveHandlesAtExit());
            assertEquals(checks, report.passed().size(), "the guest's checks (see guests)");
            assertTrue(hsm.pool().openSessions() > 0, "the token did some of the work");
        }
    }
}
