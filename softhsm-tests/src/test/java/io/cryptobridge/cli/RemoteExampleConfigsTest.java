package io.cryptobridge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cryptobridge.conformance.CheckReport;
import io.cryptobridge.conformance.ConformanceGuestChecks;
import io.cryptobridge.conformance.Guests;
import io.cryptobridge.pkcs11.P11KitServer;
import io.cryptobridge.pkcs11.SoftHsmToken;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code softhsm.yaml} and {@code hsm-strict.yaml} against a remote HSM: the class's SoftHSM token
 * behind {@code p11-kit server} ({@link P11KitServer}), the copies' {@code library} line naming
 * p11-kit's client. p11-kit 0.24.1 does not forward AES-GCM, EdDSA or ECDH (docs/hsm.md, "What the
 * RPC drops"), so with the same files those algorithms move to software ({@code softhsm.yaml}) or
 * are refused ({@code hsm-strict.yaml}) while ECDSA and RSA stay on the token; the conformance
 * guests run unchanged through {@code cryptobridge run}.
 *
 * <p>Every CLI call has a generous hang guard ({@link #LIMIT}); the slowest, the signatures guest
 * with its RSA-4096 key generation over the RPC, took about 12 s on a loaded 2-core machine.
 */
class RemoteExampleConfigsTest {
    @RegisterExtension
    @Order(1)
    static final SoftHsmToken TOKEN = new SoftHsmToken();

    @RegisterExtension
    @Order(2)
    static final P11KitServer SERVER = new P11KitServer(TOKEN);

    /** Against hangs only (a p11-kit call that never returns), not a performance bound. */
    private static final Duration LIMIT = Duration.ofSeconds(300);

    private static final String EXTRACTABLE = "    extractable: true\n";

    /** Served by SoftHSM directly, not forwarded by p11-kit 0.24.1. */
    private static final List<String> DROPPED_BY_THE_RPC =
            List.of("AES-128-GCM", "AES-256-GCM", "Ed25519", "P256-SHA256", "P384-SHA384");

    private static final List<String> ON_THE_REMOTE_TOKEN =
            List.of("ECDSA_P256_SHA256", "RSA_PKCS1_2048_SHA256", "RSA_PSS_2048_SHA256");

    @TempDir Path dir;

    @Test
    void softhsm_doctorOverP11Kit_droppedAlgorithmsFallBackEcdsaAndRsaStay() throws IOException {
        String table = doctor(onRemoteToken("softhsm.yaml", ""));

        for (String algorithm : DROPPED_BY_THE_RPC) {
            assertRow(
                    table,
                    algorithm,
                    "soft",
                    "fallback: routing.default [hsm, soft]; hsm lacks it");
        }
        assertRow(
                table,
                "ECDSA_P256_SHA256",
                "hsm",
                "override: routing.algorithms.ECDSA_P256_SHA256 [hsm]");
        assertRow(table, "RSA_PKCS1_2048_SHA256", "hsm", "capability: first in routing.default");
        assertRow(table, "RSA_PSS_2048_SHA256", "hsm", "capability: first in routing.default");
    }

    @Test
    void hsmStrict_doctorOverP11Kit_droppedAlgorithmsRefusedEcdsaAndRsaStay() throws IOException {
        String table = doctor(onRemoteToken("hsm-strict.yaml", ""));

        for (String algorithm : DROPPED_BY_THE_RPC) {
            assertRow(table, algorithm, "-", "refused: no backend of [hsm] supports it");
        }
        for (String algorithm : ON_THE_REMOTE_TOKEN) {
            assertRow(table, algorithm, "hsm", "capability: first in routing.default");
        }
    }

    @Test
    void everyGuest_softhsmOverP11Kit_passUnchanged() throws IOException {
        Path softhsm = onRemoteToken("softhsm.yaml", EXTRACTABLE);

        // softhsm.yaml keeps managed keys on the token: fewer managed-key checks in the guests
        assertPasses(
                softhsm,
                "symmetric_conformance",
                ConformanceGuestChecks.SYMMETRIC_WITH_SECRETS_MANAGER);
        assertPasses(
                softhsm,
                "signatures_conformance",
                ConformanceGuestChecks.SIGNATURES_WITH_SECRETS_MANAGER);
        assertPasses(softhsm, "kx_conformance", ConformanceGuestChecks.KX);
    }

    @Test
    void signaturesGuest_hsmStrictOverP11Kit_onlyEd25519Unsupported() throws IOException {
        CheckReport report =
                run(onRemoteToken("hsm-strict.yaml", EXTRACTABLE), "signatures_conformance");

        assertTrue(
                report.failed()
                        .contains(
                                "Ed25519 keypair_generate: expected success got"
                                        + " unsupported_algorithm"),
                report.failed().toString());
        assertOnlyUnsupported(report);
        for (String algorithm : ON_THE_REMOTE_TOKEN) {
            assertTrue(report.passed().contains(algorithm + " sign"), algorithm + " signs");
            assertTrue(report.passed().contains(algorithm + " verify"), algorithm + " verifies");
        }
        assertTrue(
                report.failed().stream().noneMatch(line -> line.matches("(?i).*(ECDSA|RSA).*")),
                report.failed().toString());
    }

    @Test
    void kxGuest_hsmStrictOverP11Kit_ecdhUnsupported() throws IOException {
        CheckReport report = run(onRemoteToken("hsm-strict.yaml", EXTRACTABLE), "kx_conformance");

        for (String algorithm : List.of("P256-SHA256", "P384-SHA384")) {
            assertTrue(
                    report.failed()
                            .contains(
                                    algorithm
                                            + " keypair_generate: expected success got"
                                            + " unsupported_algorithm"),
                    algorithm + ": " + report.failed());
        }
        assertOnlyUnsupported(report);
        assertTrue(
                report.passed().stream().noneMatch(line -> line.startsWith("P256-SHA256 ")),
                "no ECDH check ran on a key: " + report.passed());
    }

    @Test
    void symmetricGuest_hsmStrictOverP11Kit_aesGcmUnsupportedHmacOnTheToken() throws IOException {
        CheckReport report =
                run(onRemoteToken("hsm-strict.yaml", EXTRACTABLE), "symmetric_conformance");

        for (String algorithm : List.of("AES-128-GCM", "AES-256-GCM")) {
            assertTrue(
                    report.failed()
                            .contains(
                                    "symmetric_key_generate "
                                            + algorithm
                                            + ": expected success got unsupported_algorithm"),
                    algorithm + ": " + report.failed());
            assertTrue(
                    report.failed()
                            .contains(algorithm + ": setup failed with unsupported_algorithm"),
                    algorithm + ": " + report.failed());
        }
        // The guest's later AEAD checks fail as a consequence (no key); what stays on the remote
        // token works.
        for (String check :
                List.of(
                        "symmetric_key_generate HMAC/SHA-256",
                        "generated HMAC/SHA-256 key is 32 bytes",
                        "symmetric_key_import HMAC/SHA-256 with 200 bytes -> success")) {
            assertTrue(report.passed().contains(check), check + " on the remote token");
        }
    }

    /** A copy of the example on the remote token: p11-kit's client as the library. */
    private Path onRemoteToken(String name, String extraHsmSettings) throws IOException {
        assertEquals(
                TOKEN.pin(),
                System.getenv("CRYPTOBRIDGE_HSM_PIN"),
                "surefire's CRYPTOBRIDGE_HSM_PIN must be SoftHsmToken's test PIN");
        return ExampleOnToken.rewrite(
                dir,
                name,
                ExampleOnToken.LIBRARY_LINE,
                "    library: " + SERVER.client() + "\n",
                ExampleOnToken.TOKEN_LINE,
                "    token: pkcs11:token=" + TOKEN.label() + "\n",
                ExampleOnToken.PIN_LINE,
                ExampleOnToken.PIN_LINE + extraHsmSettings);
    }

    private static String doctor(Path config) {
        ExampleOnToken.Outcome doctor = cryptobridge("doctor", "--config", config.toString());
        assertEquals(0, doctor.status(), doctor.describe());
        assertEquals("", doctor.stderr());
        String table = doctor.stdout();
        assertTrue(table.contains("  hsm (type pkcs11): opened\n"), table);
        assertTrue(table.endsWith("\nok\n"), table);
        return table;
    }

    private static void assertPasses(Path config, String guest, int checks) {
        CheckReport report = run(config, guest, 0);
        assertEquals(List.of(), report.failed(), guest + " under " + config);
        assertEquals(checks, report.passed().size(), guest + " under " + config);
    }

    /** The guest under hsm-strict: exit 1, because refused algorithms fail their checks. */
    private static CheckReport run(Path config, String guest) {
        return run(config, guest, 1);
    }

    private static CheckReport run(Path config, String guest, int status) {
        ExampleOnToken.Outcome outcome =
                cryptobridge("run", "--config", config.toString(), Guests.wasm(guest).toString());
        CheckReport report = CheckReport.parse(outcome.stdout());
        assertEquals(status, outcome.status(), guest + " under " + config + ": " + report.failed());
        assertEquals("", outcome.stderr(), guest + " under " + config);
        assertNotEquals(0, report.total(), "the guest ran its checks");
        return report;
    }

    private static void assertOnlyUnsupported(CheckReport report) {
        assertTrue(
                report.failed().stream().allMatch(line -> line.endsWith("unsupported_algorithm")),
                report.failed().toString());
    }

    private static ExampleOnToken.Outcome cryptobridge(String... args) {
        return assertTimeoutPreemptively(LIMIT, () -> ExampleOnToken.cryptobridge(args));
    }

    private static void assertRow(String table, String algorithm, String backend, String why) {
        Pattern row =
                Pattern.compile(
                        "(?m)^"
                                + Pattern.quote(algorithm)
                                + " +"
                                + Pattern.quote(backend)
                                + " +"
                                + Pattern.quote(why)
                                + "$");
        assertTrue(row.matcher(table).find(), algorithm + " on " + backend + ":\n" + table);
    }
}
