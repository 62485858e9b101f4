package io.cryptobridge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cryptobridge.CryptoHost;
import io.cryptobridge.GuestSession;
import io.cryptobridge.config.ConfigException;
import io.cryptobridge.config.CryptoConfig;
import io.cryptobridge.spi.BackendFactories;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The configurations shipped in {@code examples/config}. {@code software.yaml} is loaded and run
 * fully. The two HSM examples need a SoftHSM token; here (no token) they are checked as far as the
 * file goes: the {@code pkcs11} type and its settings are accepted, the PIN comes from {@code
 * CRYPTOBRIDGE_HSM_PIN}, and routing and guests work with the token swapped for a software backend.
 * On a real throw-away token they are tested in softhsm-tests ({@code
 * io.cryptobridge.cli.ExampleConfigsOnTokenTest}, {@code SwitchingConfigsTest}).
 */
class ExampleConfigsTest {
    private static final Pattern PKCS11_SETTING =
            Pattern.compile("(?m)^    (library|token|pin):.*\\n");

    @TempDir Path dir;

    @Test
    void software_loadsAndServesItsProfiles() {
        CryptoConfig config = CryptoConfig.load(MainTest.example("software.yaml"));

        assertEquals(List.of("soft"), config.preference());
        assertEquals(Set.of("payments", "hashing-only"), config.guests().keySet());
        try (CryptoHost host = CryptoHost.fromConfig(config);
                GuestSession session = host.newSession("payments")) {
            assertEquals("payments", session.namespace());
            assertEquals(256, session.limits().maxHandles());
        }
    }

    @Test
    void cli_hasThePkcs11BackendType() {
        assertTrue(BackendFactories.find("pkcs11").isPresent(), "pkcs11-backend is in the jar");
    }

    @ParameterizedTest
    @ValueSource(strings = {"softhsm.yaml", "hsm-strict.yaml"})
    void hsmExamples_withoutAToken_fileIsValidUpToThePin(String name) throws IOException {
        Path example = MainTest.example(name);
        String text = Files.readString(example);
        assertTrue(
                text.contains("    pin: {env: CRYPTOBRIDGE_HSM_PIN}\n"),
                "PIN from the environment");

        if (System.getenv("CRYPTOBRIDGE_HSM_PIN") == null) {
            ConfigException e =
                    assertThrows(ConfigException.class, () -> CryptoConfig.load(example));
            assertEquals("backends.hsm.pin", e.key(), e.getMessage());
            assertEquals("environment variable CRYPTOBRIDGE_HSM_PIN is not set", e.problem());
        } else {
            // A developer with a token set up: loading checks the file, not the token.
            CryptoConfig config = CryptoConfig.load(example);
            assertEquals("pkcs11", config.backend("hsm").type());
        }

        Path withPinFromFile = dir.resolve("pin-from-file-" + name);
        Path pin = dir.resolve("pin");
        Files.writeString(pin, "not-a-real-pin");
        Files.writeString(
                withPinFromFile,
                text.replace("{env: CRYPTOBRIDGE_HSM_PIN}", "{file: " + pin + "}"));
        CryptoConfig config = CryptoConfig.load(withPinFromFile);
        assertEquals("pkcs11", config.backend("hsm").type());
        assertEquals(Set.of("library", "token", "pin"), config.backend("hsm").settings().keySet());

        Path withoutToken = dir.resolve(name);
        Files.writeString(
                withoutToken,
                PKCS11_SETTING
                        .matcher(text)
                        .replaceAll("")
                        .replace(
                                "type: pkcs11",
                                "type: software\n    keystore: " + dir.resolve("keys-" + name)));
        CryptoConfig swapped = CryptoConfig.load(withoutToken);
        assertEquals("hsm", swapped.preference().get(0));
        try (CryptoHost host = CryptoHost.fromConfig(swapped)) {
            assertTrue(host.router().route("ECDSA_P256_SHA256").served().isPresent());
            assertEquals("hsm", host.secretsBackend().orElseThrow().name());
        }
    }
}
