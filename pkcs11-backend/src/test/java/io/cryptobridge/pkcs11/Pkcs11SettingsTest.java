package io.cryptobridge.pkcs11;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cryptobridge.config.SecretRef;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class Pkcs11SettingsTest {
    @Test
    void from_minimalSettings_usesDefaults() {
        Pkcs11Settings settings =
                Pkcs11Settings.from(
                        "hsm", Map.of("library", "/lib/x.so", "token", "pkcs11:token=prod-keys"));

        assertEquals(Path.of("/lib/x.so"), settings.library());
        assertEquals(Optional.of("prod-keys"), settings.token().attribute("token"));
        assertNull(settings.pin());
        assertEquals(Pkcs11Settings.DEFAULT_SESSIONS, settings.sessions());
        assertFalse(settings.extractable());
        assertFalse(settings.managedKeysExtractable());
    }

    @Test
    void from_managedKeysExtractable_independentOfExtractable() {
        Pkcs11Settings settings =
                Pkcs11Settings.from(
                        "hsm",
                        Map.of(
                                "library",
                                "/lib/x.so",
                                "token",
                                "t",
                                "managed-keys-extractable",
                                "true"));

        assertTrue(settings.managedKeysExtractable());
        assertFalse(settings.extractable());
        assertThrows(
                Pkcs11SetupException.class,
                () ->
                        Pkcs11Settings.from(
                                "hsm",
                                Map.of(
                                        "library",
                                        "/lib/x.so",
                                        "token",
                                        "t",
                                        "managed-keys-extractable",
                                        "yes")));
    }

    @Test
    void from_plainLabelAndEnvPinMap_acceptsBoth() {
        Pkcs11Settings settings =
                Pkcs11Settings.from(
                        "hsm",
                        Map.of(
                                "library",
                                "/lib/x.so",
                                "token",
                                "prod keys",
                                "pin",
                                Map.of("env", "HSM_PIN"),
                                "sessions",
                                3L,
                                "extractable",
                                true));

        assertEquals(Optional.of("prod keys"), settings.token().attribute("token"));
        assertEquals(SecretRef.env("HSM_PIN"), settings.pin());
        assertEquals(3, settings.sessions());
        assertTrue(settings.extractable());
    }

    @Test
    void from_inlinePin_isRefusedWithoutEchoingIt() {
        Pkcs11SetupException e =
                assertThrows(
                        Pkcs11SetupException.class,
                        () ->
                                Pkcs11Settings.from(
                                        "hsm",
                                        Map.of(
                                                "library", "/lib/x.so",
                                                "token", "t",
                                                "pin", "123456")));

        assertEquals(
                "PKCS#11 backend 'hsm': 'pin' must be {env: VARIABLE} or {file: PATH}, never the"
                        + " PIN itself",
                e.getMessage());
    }

    @Test
    void from_tokenAndSlot_isRefused() {
        Pkcs11SetupException e =
                assertThrows(
                        Pkcs11SetupException.class,
                        () ->
                                Pkcs11Settings.from(
                                        "hsm",
                                        Map.of("library", "/lib/x.so", "token", "t", "slot", 1L)));

        assertEquals(
                "PKCS#11 backend 'hsm': give either 'token' or 'slot', not both", e.getMessage());
    }

    @Test
    void from_zeroSessions_isRefused() {
        Pkcs11SetupException e =
                assertThrows(
                        Pkcs11SetupException.class,
                        () ->
                                Pkcs11Settings.from(
                                        "hsm",
                                        Map.of(
                                                "library",
                                                "/lib/x.so",
                                                "token",
                                                "t",
                                                "sessions",
                                                0L)));

        assertEquals(
                "PKCS#11 backend 'hsm': 'sessions' must be between 1 and 1024", e.getMessage());
    }

    @Test
    void from_noLibrary_namesTheSetting() {
        Pkcs11SetupException e =
                assertThrows(
                        Pkcs11SetupException.class,
                        () -> Pkcs11Settings.from("hsm", Map.of("token", "t")));

        assertEquals(
                "PKCS#11 backend 'hsm': the setting 'library' (path of the PKCS#11 module) is"
                        + " missing",
                e.getMessage());
    }
}
