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
 * fully. The two HSM examples need the {@code pkcs11} backend type, which this module does not have
 * yet: while its jar is absent, the only error they may produce is the unknown type, and the rest
 * of each file (routing, guests) is checked with the token swapped for a software backend.
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
            assertEquals("payments", session.namespace().orElseThrow());
            assertEquals(256, session.limits().maxHandles());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"softhsm.yaml", "hsm-strict.yaml"})
    void hsmExamples_withoutThePkcs11Jar_failOnlyOnTheBackendType(String name) throws IOException {
        Path example = MainTest.example(name);
        if (BackendFactories.find("pkcs11").isPresent()) {
            // The lead tightens this once the PKCS#11 backend is merged: with the PIN variable
            // set, the file loads; without it, the PIN is the only complaint.
            assertPinIsTheOnlyComplaint(example);
            return;
        }

        ConfigException e = assertThrows(ConfigException.class, () -> CryptoConfig.load(example));
        assertEquals("backends.hsm.type", e.key());
        assertEquals("unknown backend type 'pkcs11' (available: software)", e.problem());

        String text = Files.readString(example);
        assertTrue(text.contains("pin: {env: CRYPTOBRIDGE_HSM_PIN}"), "PIN from the environment");
        Path withoutToken = dir.resolve(name);
        Files.writeString(
                withoutToken,
                PKCS11_SETTING
                        .matcher(text)
                        .replaceAll("")
                        .replace("type: pkcs11", "type: software"));
        CryptoConfig config = CryptoConfig.load(withoutToken);
        assertEquals("hsm", config.preference().get(0));
        try (CryptoHost host = CryptoHost.fromConfig(config)) {
            assertTrue(host.router().route("ECDSA_P256_SHA256").served().isPresent());
        }
    }

    private static void assertPinIsTheOnlyComplaint(Path example) {
        try {
            CryptoConfig.load(example);
        } catch (ConfigException e) {
            assertEquals("backends.hsm.pin", e.key());
            assertEquals("environment variable CRYPTOBRIDGE_HSM_PIN is not set", e.problem());
        }
    }
}
