package io.cryptobridge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cryptobridge.CryptoHost;
import io.cryptobridge.config.CryptoConfig;
import io.cryptobridge.pkcs11.SoftHsmToken;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code examples/config/softhsm.yaml} and {@code hsm-strict.yaml} on a real (throw-away) SoftHSM
 * token, through {@code cryptobridge doctor}: what runs on the token, what falls back to software,
 * what is refused.
 */
class ExampleConfigsOnTokenTest {
    @RegisterExtension static final SoftHsmToken TOKEN = new SoftHsmToken();

    /** What SoftHSM 2.6 serves (docs/hsm.md, "What runs where"). */
    static final List<String> ON_THE_TOKEN =
            List.of(
                    "SHA-256",
                    "SHA-512",
                    "HMAC/SHA-256",
                    "HMAC/SHA-512",
                    "AES-128-GCM",
                    "AES-256-GCM",
                    "ECDSA_P256_SHA256",
                    "ECDSA_K256_SHA256",
                    "Ed25519",
                    "RSA_PKCS1_2048_SHA256",
                    "RSA_PSS_2048_SHA256",
                    "P256-SHA256");

    /** Not on SoftHSM (no mechanism, or never routed to a token). */
    static final List<String> IN_SOFTWARE =
            List.of(
                    "CHACHA20-POLY1305",
                    "XCHACHA20-POLY1305",
                    "HKDF-EXTRACT/SHA-256",
                    "HKDF-EXPAND/SHA-512",
                    "SHA-512/256",
                    "X25519",
                    "ML-KEM-768",
                    "X-WING");

    @TempDir Path dir;

    @Test
    void softhsm_doctor_tokenFirstSoftwareForTheRest() throws IOException {
        Path config = ExampleOnToken.onToken(TOKEN, dir, "softhsm.yaml", "");

        ExampleOnToken.Outcome doctor =
                ExampleOnToken.cryptobridge("doctor", "--config", config.toString());

        assertEquals(0, doctor.status(), doctor.describe());
        String table = doctor.stdout();
        assertTrue(table.contains("  hsm (type pkcs11): opened\n"), table);
        for (String algorithm : ON_THE_TOKEN) {
            String why =
                    algorithm.equals("ECDSA_P256_SHA256")
                            ? "override: routing.algorithms.ECDSA_P256_SHA256 [hsm]"
                            : "capability: first in routing.default";
            assertRow(table, algorithm, "hsm", why);
        }
        for (String algorithm : IN_SOFTWARE) {
            String why =
                    algorithm.equals("XCHACHA20-POLY1305")
                            ? "override: routing.algorithms.XCHACHA20-POLY1305 [soft]"
                            : "fallback: routing.default [hsm, soft]; hsm lacks it";
            assertRow(table, algorithm, "soft", why);
        }
        assertTrue(table.endsWith("\nok\n"), table);
        assertEquals("", doctor.stderr());
    }

    @Test
    void hsmStrict_doctor_tokenOnlyTheRestRefused() throws IOException {
        Path config = ExampleOnToken.onToken(TOKEN, dir, "hsm-strict.yaml", "");

        ExampleOnToken.Outcome doctor =
                ExampleOnToken.cryptobridge("doctor", "--config", config.toString());

        assertEquals(0, doctor.status(), "the signer profile allows only token algorithms");
        String table = doctor.stdout();
        for (String algorithm : ON_THE_TOKEN) {
            assertRow(table, algorithm, "hsm", "capability: first in routing.default");
        }
        for (String algorithm : IN_SOFTWARE) {
            assertRow(table, algorithm, "-", "refused: no backend of [hsm] supports it");
        }
        assertTrue(
                table.contains(
                        "lacking:\n  hsm: SHA-512/256, HKDF-EXTRACT/SHA-256, HKDF-EXTRACT/SHA-512,"
                                + " HKDF-EXPAND/SHA-256, HKDF-EXPAND/SHA-512, CHACHA20-POLY1305,"
                                + " XCHACHA20-POLY1305, X25519, ML-KEM-512, ML-KEM-768, ML-KEM-1024,"
                                + " X-WING\n"),
                table);
        assertTrue(
                table.contains("  signer: namespace signer; allows SHA-256, ECDSA_P256_SHA256;"),
                table);
        assertTrue(table.endsWith("\nok\n"), table);
    }

    @Test
    void hsmExamples_loadAsShippedApartFromLibraryAndToken() throws IOException {
        for (String name : List.of("softhsm.yaml", "hsm-strict.yaml")) {
            CryptoConfig config = CryptoConfig.load(ExampleOnToken.onToken(TOKEN, dir, name, ""));
            assertEquals("pkcs11", config.backend("hsm").type(), name);
            try (CryptoHost host = CryptoHost.fromConfig(config)) {
                assertEquals(
                        "hsm",
                        host.router().route("ECDSA_P256_SHA256").served().orElseThrow().name());
            }
        }
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
