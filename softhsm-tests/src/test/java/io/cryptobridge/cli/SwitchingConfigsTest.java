package io.cryptobridge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cryptobridge.conformance.CheckReport;
import io.cryptobridge.conformance.ConformanceGuestChecks;
import io.cryptobridge.conformance.Guests;
import io.cryptobridge.pkcs11.SoftHsmToken;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The end-to-end promise: switching {@code --config software.yaml} → {@code softhsm.yaml} →
 * {@code hsm-strict.yaml} changes where every operation runs, without touching the guest. The same
 * conformance guests ({@code guests/wasm}) run through {@code cryptobridge run} under each example.
 *
 * <p>The conformance guests export the keys they generate. With the examples' default
 * non-extractable token keys those export checks fail with prohibited_operation — which is how a
 * guest notices that its key lives on the HSM ({@link
 * #symmetricGuest_shippedSofthsm_tokenKeysCannotBeExported}). The full-pass runs therefore add
 * {@code extractable: true} to the copy of the example (next to library and token, the only lines a
 * test changes).
 */
class SwitchingConfigsTest {
    @RegisterExtension static final SoftHsmToken TOKEN = new SoftHsmToken();

    private static final String EXTRACTABLE = "    extractable: true\n";

    /** The names of algorithms hsm-strict.yaml refuses on SoftHSM, as guests spell them. */
    private static final Pattern REFUSED =
            Pattern.compile("(?i)CHACHA20|HKDF|SHA-512/256|X25519|RFC 7748|ML-KEM|X-WING");

    @TempDir Path dir;

    @Test
    void everyGuest_softwareAndSofthsm_passUnchanged() throws IOException {
        Path software = ExampleOnToken.example("software.yaml");
        Path softhsm = ExampleOnToken.onToken(TOKEN, dir, "softhsm.yaml", EXTRACTABLE);
        // both keep managed keys (a keystore, the token): fewer managed-key checks in the guests
        for (Path config : List.of(software, softhsm)) {
            assertPasses(
                    config,
                    "symmetric_conformance",
                    ConformanceGuestChecks.SYMMETRIC_WITH_SECRETS_MANAGER);
            assertPasses(
                    config,
                    "signatures_conformance",
                    ConformanceGuestChecks.SIGNATURES_WITH_SECRETS_MANAGER);
            assertPasses(config, "kx_conformance", ConformanceGuestChecks.KX);
        }
    }

    @Test
    void symmetricGuest_shippedSofthsm_tokenKeysCannotBeExported() throws IOException {
        Path software = ExampleOnToken.example("software.yaml");
        Path softhsm = ExampleOnToken.onToken(TOKEN, dir, "softhsm.yaml", "");

        CheckReport inSoftware = run(software, "symmetric_conformance", 0);
        CheckReport onToken = run(softhsm, "symmetric_conformance", 1);

        for (String tokenKey : List.of("AES-256-GCM key is 32", "HMAC/SHA-256 key is 32")) {
            String check = "generated " + tokenKey + " bytes";
            assertTrue(inSoftware.passed().contains(check), check + " in software");
            assertTrue(
                    onToken.failed().contains(check + ": expected 32 got 0"),
                    check + " on the token: " + onToken.failed());
        }
        for (String softwareKey : List.of("CHACHA20-POLY1305", "XCHACHA20-POLY1305")) {
            String check = "generated " + softwareKey + " key is 32 bytes";
            assertTrue(inSoftware.passed().contains(check), check);
            assertTrue(onToken.passed().contains(check), check + " falls back to software");
        }
        assertTrue(
                onToken.failed()
                        .contains("symmetric_key_export: setup failed with prohibited_operation"),
                onToken.failed().toString());
        assertTrue(
                onToken.failed().stream().noneMatch(line -> line.contains("unsupported_algorithm")),
                onToken.failed().toString());
    }

    @Test
    void signaturesGuest_hsmStrict_everyAlgorithmIsOnTheToken() throws IOException {
        Path strict = ExampleOnToken.onToken(TOKEN, dir, "hsm-strict.yaml", EXTRACTABLE);

        assertPasses(
                strict,
                "signatures_conformance",
                ConformanceGuestChecks.SIGNATURES_WITH_SECRETS_MANAGER);
    }

    @Test
    void kxGuest_hsmStrict_onlyTheTokenlessAlgorithmsAreUnsupported() throws IOException {
        Path strict = ExampleOnToken.onToken(TOKEN, dir, "hsm-strict.yaml", EXTRACTABLE);

        CheckReport report = run(strict, "kx_conformance", 1);

        assertTrue(
                report.failed().stream()
                        .allMatch(line -> line.endsWith("got unsupported_algorithm")),
                report.failed().toString());
        for (String algorithm : List.of("X25519", "ML-KEM-512", "ML-KEM-768", "X-WING")) {
            assertTrue(
                    report.failed()
                            .contains(
                                    algorithm
                                            + " keypair_generate: expected success got"
                                            + " unsupported_algorithm"),
                    algorithm + ": " + report.failed());
        }
        assertTrue(report.passed().stream().anyMatch(line -> line.startsWith("P256-SHA256 ")));
        assertTrue(
                report.passed().stream().noneMatch(line -> line.startsWith("X25519 ")),
                "no X25519 check ran on a key: " + report.passed());
    }

    @Test
    void symmetricGuest_hsmStrict_tokenlessAlgorithmsAreUnsupported() throws IOException {
        Path strict = ExampleOnToken.onToken(TOKEN, dir, "hsm-strict.yaml", EXTRACTABLE);

        CheckReport report = run(strict, "symmetric_conformance", 1);

        for (String algorithm :
                List.of(
                        "CHACHA20-POLY1305",
                        "XCHACHA20-POLY1305",
                        "HKDF-EXTRACT/SHA-256",
                        "HKDF-EXTRACT/SHA-512")) {
            assertTrue(
                    report.failed()
                            .contains(
                                    "symmetric_key_generate "
                                            + algorithm
                                            + ": expected success got unsupported_algorithm"),
                    algorithm + ": " + report.failed());
        }
        assertTrue(
                report.failed().contains("SHA-512/256: setup failed with unsupported_algorithm"),
                report.failed().toString());
        List<String> unsupportedElsewhere =
                report.failed().stream()
                        .filter(line -> line.contains("unsupported_algorithm"))
                        .filter(line -> !REFUSED.matcher(line).find())
                        .toList();
        assertEquals(List.of(), unsupportedElsewhere, "only refused algorithms are unsupported");
        for (String check :
                List.of(
                        "generated AES-256-GCM key is 32 bytes",
                        "generated HMAC/SHA-256 key is 32 bytes",
                        "streamed bytes equal the key")) {
            assertTrue(report.passed().contains(check), check + " on the token");
        }
    }

    private static void assertPasses(Path config, String guest, int checks) {
        CheckReport report = run(config, guest, 0);
        assertEquals(List.of(), report.failed(), guest + " under " + config);
        assertEquals(checks, report.passed().size(), guest + " under " + config);
    }

    /** {@code cryptobridge run --config CONFIG guest.wasm}, which must exit with {@code status}. */
    private static CheckReport run(Path config, String guest, int status) {
        ExampleOnToken.Outcome outcome =
                ExampleOnToken.cryptobridge(
                        "run", "--config", config.toString(), Guests.wasm(guest).toString());
        CheckReport report = CheckReport.parse(outcome.stdout());
        assertEquals(status, outcome.status(), guest + " under " + config + ": " + report.failed());
        assertEquals("", outcome.stderr(), guest + " under " + config);
        assertNotEquals(0, report.total(), "the guest ran its checks");
        return report;
    }
}
