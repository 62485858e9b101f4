package io.cryptobridge.pkcs11;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cryptobridge.CryptoHost;
import io.cryptobridge.config.ConfigException;
import io.cryptobridge.config.SecretRef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an operator reads when the backend cannot start: one sentence, never the PIN.
 *
 * <p>No test here may log in successfully: PKCS#11 login state belongs to the token and the whole
 * process, and while any session (ours or SunPKCS11's) is open, {@code C_Login} answers {@code
 * CKR_USER_ALREADY_LOGGED_IN} without checking the PIN. Successful starts live in {@link
 * ConfigurationTest}, which runs in its own JVM.
 */
class StartupFailureTest {
    @RegisterExtension static final SoftHsmToken TOKEN = new SoftHsmToken();

    private static final String WRONG_PIN = "wrong-pin-4711";

    @TempDir Path dir;

    @Test
    void open_wrongPin_namesTokenAndPinSourceButNotThePin() {
        Map<String, Object> settings =
                TOKEN.settings("pin", SecretRef.env("HSM_PIN", name -> WRONG_PIN));

        Pkcs11SetupException e =
                assertThrows(Pkcs11SetupException.class, () -> Pkcs11Backend.open("hsm", settings));

        assertEquals(
                "PKCS#11 backend 'hsm': token '"
                        + TOKEN.label()
                        + "' rejected the PIN from environment variable HSM_PIN"
                        + " (CKR_PIN_INCORRECT)",
                e.getMessage());
        assertFalse(e.getMessage().contains(WRONG_PIN));
        assertFalse(e.getMessage().contains(TOKEN.pin()));
    }

    @Test
    void open_missingLibrary_namesThePath() {
        Map<String, Object> settings =
                TOKEN.settings("library", Path.of("/nonexistent/libnothing.so"));

        Pkcs11SetupException e =
                assertThrows(Pkcs11SetupException.class, () -> Pkcs11Backend.open("hsm", settings));

        assertEquals(
                "PKCS#11 backend 'hsm': library /nonexistent/libnothing.so does not exist",
                e.getMessage());
    }

    @Test
    void open_unknownToken_listsTheTokensPresent() {
        Map<String, Object> settings = TOKEN.settings("token", "pkcs11:token=no%20such%20token");

        Pkcs11SetupException e =
                assertThrows(Pkcs11SetupException.class, () -> Pkcs11Backend.open("hsm", settings));

        assertEquals(
                "PKCS#11 backend 'hsm': no token matches pkcs11:token=no%20such%20token;"
                        + " tokens present: '"
                        + TOKEN.label()
                        + "'",
                e.getMessage());
    }

    @Test
    void open_pinVariableUnset_saysWhichVariable() {
        Map<String, Object> settings =
                TOKEN.settings("pin", SecretRef.env("HSM_PIN", name -> null));

        Pkcs11SetupException e =
                assertThrows(Pkcs11SetupException.class, () -> Pkcs11Backend.open("hsm", settings));

        assertEquals(
                "PKCS#11 backend 'hsm': cannot read the PIN: environment variable HSM_PIN is not"
                        + " set",
                e.getMessage());
    }

    @Test
    void open_pinInTokenUri_isRefused() {
        Map<String, Object> settings =
                TOKEN.settings(
                        "token", "pkcs11:token=" + TOKEN.label() + "?pin-value=" + WRONG_PIN);

        Pkcs11SetupException e =
                assertThrows(Pkcs11SetupException.class, () -> Pkcs11Backend.open("hsm", settings));

        assertEquals(
                "PKCS#11 backend 'hsm': the token URI must not have a query part (?...); give the"
                        + " PIN with 'pin' and the library with 'library'",
                e.getMessage());
        assertFalse(e.getMessage().contains(WRONG_PIN));
    }

    @Test
    void fromConfig_wrongPinFile_failsNamingFileLineAndToken() throws IOException {
        Path pinFile = dir.resolve("pin");
        Files.writeString(pinFile, WRONG_PIN);
        Path config = dir.resolve("host.yaml");
        Files.writeString(
                config,
                "backends:\n"
                        + "  hsm:\n"
                        + "    type: pkcs11\n"
                        + "    library: "
                        + TOKEN.library()
                        + "\n"
                        + "    token: pkcs11:token="
                        + TOKEN.label()
                        + "\n"
                        + "    pin: {file: "
                        + pinFile
                        + "}\n");

        ConfigException e =
                assertThrows(ConfigException.class, () -> CryptoHost.fromConfig(config));

        assertEquals(
                config
                        + ":2: backends.hsm: cannot create the backend: PKCS#11 backend 'hsm': token '"
                        + TOKEN.label()
                        + "' rejected the PIN from file "
                        + pinFile
                        + " (CKR_PIN_INCORRECT)",
                e.getMessage());
        assertFalse(e.getMessage().contains(WRONG_PIN));
    }
}
