package io.cryptobridge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cryptobridge.CryptoHost;
import io.cryptobridge.SessionLimits;
import io.cryptobridge.config.BackendDefinition;
import io.cryptobridge.config.CryptoConfig;
import io.cryptobridge.config.GuestProfile;
import io.cryptobridge.spi.Backend;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Doctor's verdicts that need a backend the CLI does not ship: one that serves nothing. */
class DoctorTest {
    private static final Backend EMPTY = () -> "empty";

    @Test
    void profileAllowingARefusedAlgorithm_isAProblemAndExitsOne() {
        GuestProfile payments =
                new GuestProfile("payments", null, Set.of("SHA-256"), SessionLimits.DEFAULT, 0);
        CryptoConfig config =
                new CryptoConfig(
                        Path.of("doctor.yaml"),
                        List.of(new BackendDefinition("empty", "test", Map.of(), 1)),
                        List.of("empty"),
                        Map.of(),
                        SessionLimits.DEFAULT,
                        Map.of("payments", payments));
        StringBuilder report = new StringBuilder();

        try (CryptoHost host = CryptoHost.builder().backend(EMPTY).guest(payments).build()) {
            assertEquals(1, Doctor.report(host, Optional.of(config), report));
        }

        assertTrue(
                report.toString()
                        .matches(
                                "(?s).*\\nSHA-256 +- +refused: no backend of \\[empty\\] supports it\\n.*"),
                report.toString());
        assertTrue(
                report.toString().contains("lacking:\n  empty: SHA-256, SHA-384, "),
                report.toString());
        assertTrue(
                report.toString()
                        .endsWith(
                                "problem: guests.payments.allow: SHA-256 is refused: no backend of"
                                        + " [empty] supports it\n1 problem\n"),
                report.toString());
    }
}
