package io.cryptobridge.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretRefTest {
    @TempDir Path dir;

    @Test
    void resolve_envVariableSet_returnsItsValue() {
        SecretRef pin = SecretRef.env("HSM_PIN", Map.of("HSM_PIN", "4321")::get);

        assertArrayEquals("4321".toCharArray(), pin.resolve());
        assertTrue(pin.problem().isEmpty());
    }

    @Test
    void resolve_envVariableUnset_failsNamingTheVariable() {
        SecretRef pin = SecretRef.env("HSM_PIN", name -> null);

        SecretRef.SecretUnavailableException e =
                assertThrows(SecretRef.SecretUnavailableException.class, pin::resolve);
        assertEquals("environment variable HSM_PIN is not set", e.getMessage());
    }

    @Test
    void resolve_file_dropsOneTrailingLineBreakOnly() throws IOException {
        Path file = dir.resolve("pin");
        Files.writeString(file, " 12 34 \r\n");

        assertArrayEquals(" 12 34 ".toCharArray(), SecretRef.file(file).resolve());
    }

    @Test
    void toString_namesTheSourceButNeverTheValue() throws IOException {
        Path file = dir.resolve("pin");
        Files.writeString(file, "s3cret");
        SecretRef fromEnv = SecretRef.env("HSM_PIN", Map.of("HSM_PIN", "s3cret")::get);

        assertEquals("SecretRef[environment variable HSM_PIN]", fromEnv.toString());
        assertEquals("SecretRef[file " + file + "]", SecretRef.file(file).toString());
        assertFalse(SecretRef.file(file).toString().contains("s3cret"));
    }
}
