package io.cryptobridge.pkcs11;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cryptobridge.CryptoHost;
import io.cryptobridge.conformance.CheckReport;
import io.cryptobridge.conformance.CommandResult;
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
            assertEquals(363, report.passed().size(), "the guest's checks (see guests)");
            assertTrue(hsm.pool().openSessions() > 0, "the token did some of the work");
        }
    }
}
