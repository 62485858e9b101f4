package io.cryptobridge.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cryptobridge.SessionLimits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CryptoConfigTest {
    @TempDir Path dir;

    private Path write(String yaml) throws IOException {
        Path file = dir.resolve("cryptobridge.yaml");
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        return file;
    }

    private String errorOf(String yaml) throws IOException {
        Path file = write(yaml);
        ConfigException e = assertThrows(ConfigException.class, () -> CryptoConfig.load(file));
        return e.getMessage();
    }

    private String at(int line) {
        return dir.resolve("cryptobridge.yaml") + ":" + line + ": ";
    }

    @Test
    void load_fullFile_readsBackendsRoutingAndLimits() throws IOException {
        Files.writeString(dir.resolve("pin.txt"), "1234\n");
        Path file =
                write(
                        """
                        backends:
                          a:
                            type: test
                            label: first
                            slots: 3
                            strict: true
                            library: lib/x.so
                            pin: {file: pin.txt}
                          b: {type: test}
                        routing:
                          default: [b, a]
                        limits:
                          max-handles: 10
                          max-buffered-bytes: 1_024
                        """);

        CryptoConfig config = CryptoConfig.load(file);

        assertEquals(List.of("b", "a"), config.preference());
        assertEquals(new SessionLimits(10, 1024), config.limits());
        Map<String, Object> settings = config.backend("a").settings();
        assertEquals("first", settings.get("label"));
        assertEquals(3L, settings.get("slots"));
        assertEquals(true, settings.get("strict"));
        assertEquals(dir.resolve("lib/x.so").toAbsolutePath(), settings.get("library"));
        SecretRef pin = (SecretRef) settings.get("pin");
        assertArrayEquals("1234".toCharArray(), pin.resolve());
        assertEquals(2, config.backend("a").line());
    }

    @Test
    void load_emptyFile_givesTheSoftwareDefault() throws IOException {
        CryptoConfig config = CryptoConfig.load(write("# nothing configured\n"));

        assertEquals(List.of("software"), config.preference());
        assertEquals("software", config.backend("software").type());
        assertEquals(SessionLimits.DEFAULT, config.limits());
    }

    @Test
    void load_onlyLimits_keepsTheSoftwareDefault() throws IOException {
        CryptoConfig config = CryptoConfig.load(write("limits:\n  max-handles: 7\n"));

        assertEquals(List.of("software"), config.preference());
        assertEquals(7, config.limits().maxHandles());
    }

    @Test
    void load_noRouting_prefersBackendsInFileOrder() throws IOException {
        CryptoConfig config =
                CryptoConfig.load(write("backends:\n  z: {type: test}\n  a: {type: test}\n"));

        assertEquals(List.of("z", "a"), config.preference());
    }

    @Test
    void load_missingFile_failsNamingTheFile() {
        Path file = dir.resolve("absent.yaml");
        ConfigException e = assertThrows(ConfigException.class, () -> CryptoConfig.load(file));
        assertEquals(file + ": file not found", e.getMessage());
    }

    @Test
    void load_invalidYaml_failsWithTheLine() throws IOException {
        assertEquals(
                at(2) + "invalid YAML: mapping values are not allowed here",
                errorOf("limits:\n  max-handles: 3: 4\n"));
    }

    @Test
    void load_rootIsAList_fails() throws IOException {
        assertEquals(at(1) + "expected a mapping, found a list", errorOf("- a\n- b\n"));
    }

    @Test
    void load_unknownTopLevelKey_failsListingTheKnownKeys() throws IOException {
        assertEquals(
                at(2)
                        + "backend: unknown key (expected one of: backends, routing, limits, guests, secrets-manager)",
                errorOf("limits: {}\nbackend:\n  a: {type: test}\n"));
    }

    @Test
    void load_duplicateKey_fails() throws IOException {
        assertEquals(
                at(3) + "limits.max-handles: duplicate key",
                errorOf("limits:\n  max-handles: 1\n  max-handles: 2\n"));
    }

    @Test
    void load_unknownBackendSetting_failsListingTheTypesSettings() throws IOException {
        assertEquals(
                at(4)
                        + "backends.a.lable: unknown key (expected one of: type, label, slots,"
                        + " strict, library, pin)",
                errorOf("backends:\n  a:\n    type: test\n    lable: x\n"));
    }

    @Test
    void load_backendWithoutType_fails() throws IOException {
        assertEquals(
                at(3) + "backends.a: missing required key 'type'",
                errorOf("backends:\n  a:\n    label: x\n"));
    }

    @Test
    void load_unknownBackendType_failsListingTheAvailableTypes() throws IOException {
        assertEquals(
                at(3)
                        + "backends.hsm.type: unknown backend type 'pkcs12' (available: needs-token, test)",
                errorOf("backends:\n  hsm:\n    type: pkcs12\n"));
    }

    @Test
    void load_badBackendName_fails() throws IOException {
        assertEquals(
                at(2)
                        + "backends.my hsm: a backend name may contain only letters, digits, '-'"
                        + " and '_'",
                errorOf("backends:\n  my hsm: {type: test}\n"));
    }

    @Test
    void load_noBackends_fails() throws IOException {
        assertEquals(at(1) + "backends: expected at least one backend", errorOf("backends: {}\n"));
    }

    @Test
    void load_stringSettingGivenANumber_failsWithoutEchoingTheValue() throws IOException {
        assertEquals(
                at(3) + "backends.a.label: expected a string, found an integer",
                errorOf("backends:\n  a: {type: test,\n    label: 1234}\n"));
    }

    @Test
    void load_integerSettingGivenText_fails() throws IOException {
        assertEquals(
                at(4) + "backends.a.slots: expected an integer, found a string",
                errorOf("backends:\n  a:\n    type: test\n    slots: many\n"));
    }

    @Test
    void load_booleanSettingGivenText_fails() throws IOException {
        assertEquals(
                at(4) + "backends.a.strict: expected true or false, found a string",
                errorOf("backends:\n  a:\n    type: test\n    strict: \"yes\"\n"));
    }

    @Test
    void load_booleanSettingGivenYes_failsInsteadOfReadingYaml11() throws IOException {
        assertEquals(
                at(4) + "backends.a.strict: expected true or false, found 'yes'",
                errorOf("backends:\n  a:\n    type: test\n    strict: yes\n"));
    }

    @Test
    void load_inlineSecret_failsWithoutEchoingIt() throws IOException {
        String message = errorOf("backends:\n  a:\n    type: test\n    pin: 98765\n");

        assertEquals(
                at(4)
                        + "backends.a.pin: secrets cannot be written inline; use {env: VAR} or"
                        + " {file: PATH}",
                message);
        assertFalse(message.contains("98765"));
    }

    @Test
    void load_secretWithBothSources_fails() throws IOException {
        assertEquals(
                at(4) + "backends.a.pin: expected exactly one of {env: VAR} or {file: PATH}",
                errorOf("backends:\n  a:\n    type: test\n    pin: {env: X, file: y}\n"));
    }

    @Test
    void load_secretWithUnknownSource_fails() throws IOException {
        assertEquals(
                at(4) + "backends.a.pin.value: unknown key (expected one of: env, file)",
                errorOf("backends:\n  a:\n    type: test\n    pin: {value: '1234'}\n"));
    }

    @Test
    void load_secretFromUnsetVariable_failsNamingTheVariable() throws IOException {
        assertEquals(
                at(4)
                        + "backends.a.pin: environment variable CRYPTOBRIDGE_TEST_UNSET_4711 is"
                        + " not set",
                errorOf(
                        "backends:\n  a:\n    type: test\n"
                                + "    pin: {env: CRYPTOBRIDGE_TEST_UNSET_4711}\n"));
    }

    @Test
    void load_secretFromMissingFile_failsNamingTheFile() throws IOException {
        assertEquals(
                at(4)
                        + "backends.a.pin: secret file "
                        + dir.resolve("nope.txt")
                        + " does not exist",
                errorOf("backends:\n  a:\n    type: test\n    pin: {file: nope.txt}\n"));
    }

    @Test
    void load_routingNamesUndefinedBackend_failsListingTheDefinedOnes() throws IOException {
        assertEquals(
                at(6) + "routing.default[1]: unknown backend 'hsm' (defined: soft)",
                errorOf(
                        """
                        backends:
                          soft: {type: test}
                        routing:
                          default:
                            - soft
                            - hsm
                        """));
    }

    @Test
    void load_routingWithoutBackendsNamesUndefinedBackend_fails() throws IOException {
        assertEquals(
                at(2) + "routing.default[0]: unknown backend 'hsm' (defined: software)",
                errorOf("routing:\n  default: [hsm]\n"));
    }

    @Test
    void load_routingListsABackendTwice_fails() throws IOException {
        assertEquals(
                at(3) + "routing.default[1]: backend 'a' is listed twice",
                errorOf("backends: {a: {type: test}}\nrouting:\n  default: [a, a]\n"));
    }

    @Test
    void load_routingDefaultEmpty_fails() throws IOException {
        assertEquals(
                at(3) + "routing.default: expected at least one backend name",
                errorOf("backends: {a: {type: test}}\nrouting:\n  default: []\n"));
    }

    @Test
    void load_routingDefaultNotAList_fails() throws IOException {
        assertEquals(
                at(3) + "routing.default: expected a list, found a string",
                errorOf("backends: {a: {type: test}}\nrouting:\n  default: a\n"));
    }

    @Test
    void load_backendNotInRouting_failsNamingTheBackend() throws IOException {
        assertEquals(
                at(3)
                        + "backends.b: backend is defined but not listed in routing.default, routing.algorithms or secrets-manager",
                errorOf(
                        """
                        backends:
                          a: {type: test}
                          b: {type: test}
                        routing:
                          default: [a]
                        """));
    }

    @Test
    void load_maxHandlesZero_failsWithTheRange() throws IOException {
        assertEquals(
                at(2) + "limits.max-handles: expected an integer from 1 to 2147483647, found 0",
                errorOf("limits:\n  max-handles: 0\n"));
    }

    @Test
    void load_maxBufferedBytesNegative_failsWithTheRange() throws IOException {
        assertEquals(
                at(3)
                        + "limits.max-buffered-bytes: expected an integer from 0 to"
                        + " 9223372036854775807, found -1",
                errorOf("limits:\n  max-handles: 5\n  max-buffered-bytes: -1\n"));
    }

    @Test
    void load_maxHandlesDecimal_fails() throws IOException {
        assertEquals(
                at(1) + "limits.max-handles: expected an integer, found a decimal number",
                errorOf("limits: {max-handles: 1.5}\n"));
    }

    @Test
    void load_octalLookingInteger_failsInsteadOfGuessingTheBase() throws IOException {
        assertEquals(
                at(1) + "limits.max-handles: expected a decimal integer without leading zeros",
                errorOf("limits: {max-handles: 0777}\n"));
    }

    @Test
    void load_hexInteger_fails() throws IOException {
        assertEquals(
                at(1) + "limits.max-handles: expected a decimal integer without leading zeros",
                errorOf("limits: {max-handles: 0x10}\n"));
    }

    @Test
    void load_requiredSettingMissing_failsNamingIt() throws IOException {
        assertEquals(
                at(3) + "backends.t: missing required key 'token'",
                errorOf("backends:\n  t:\n    type: needs-token\n"));
    }

    @Test
    void load_requiredSettingPresent_isPassedToTheFactory() throws IOException {
        CryptoConfig config =
                CryptoConfig.load(write("backends:\n  t: {type: needs-token, token: prod}\n"));

        assertEquals(Map.of("token", "prod"), config.backend("t").settings());
    }

    @Test
    void load_nonTextKey_fails() throws IOException {
        assertEquals(
                at(2) + "limits: expected text keys, found a list",
                errorOf("limits:\n  ? [a, b]\n  : 1\n"));
    }

    @Test
    void load_routingWithoutDefault_fails() throws IOException {
        assertEquals(
                at(2) + "routing: missing required key 'default'",
                errorOf("backends: {a: {type: test}}\nrouting: {}\n"));
    }

    @Test
    void load_emptyPath_fails() throws IOException {
        assertEquals(
                at(1) + "backends.a.library: expected a path, found an empty string",
                errorOf("backends: {a: {type: test, library: ''}}\n"));
    }

    @Test
    void load_emptyEnvVariableName_fails() throws IOException {
        assertEquals(
                at(1) + "backends.a.pin.env: expected a variable name, found an empty string",
                errorOf("backends: {a: {type: test, pin: {env: ''}}}\n"));
    }

    @Test
    void load_secretFileNotUtf8_fails() throws IOException {
        Files.write(dir.resolve("pin.bin"), new byte[] {(byte) 0xff, (byte) 0xfe});
        assertEquals(
                at(1)
                        + "backends.a.pin: secret file "
                        + dir.resolve("pin.bin")
                        + " is not UTF-8 text",
                errorOf("backends: {a: {type: test, pin: {file: pin.bin}}}\n"));
    }

    @Test
    void load_fileNotUtf8_failsWithoutLine() throws IOException {
        Path file = dir.resolve("cryptobridge.yaml");
        Files.write(file, new byte[] {'a', ':', ' ', (byte) 0xff, '\n'});
        ConfigException e = assertThrows(ConfigException.class, () -> CryptoConfig.load(file));
        assertEquals(file + ": file is not UTF-8 text", e.getMessage());
    }

    @Test
    void load_fileLargerThanOneMebibyte_fails() throws IOException {
        Path file = write("# " + "x".repeat(1 << 20) + "\n");
        ConfigException e = assertThrows(ConfigException.class, () -> CryptoConfig.load(file));
        assertEquals(file + ": file is larger than 1 MiB", e.getMessage());
    }

    @Test
    void load_directoryInsteadOfFile_fails() {
        ConfigException e = assertThrows(ConfigException.class, () -> CryptoConfig.load(dir));
        assertEquals(dir + ": cannot read the file (IOException)", e.getMessage());
    }

    @Test
    void load_unknownLimit_fails() throws IOException {
        assertEquals(
                at(2)
                        + "limits.max-keys: unknown key (expected one of: max-handles,"
                        + " max-buffered-bytes)",
                errorOf("limits:\n  max-keys: 5\n"));
    }
}
