package io.cryptobridge.pkcs11;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cryptobridge.CryptoHost;
import io.cryptobridge.symmetric.SymmetricAlgorithm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Starting the backend from settings maps and from a YAML configuration. */
class ConfigurationTest {
    @RegisterExtension static final SoftHsmToken TOKEN = new SoftHsmToken();

    @TempDir Path dir;

    @Test
    void open_pinFromFileAndPercentEncodedLabel_logsIn() throws IOException {
        Path pinFile = dir.resolve("pin");
        Files.writeString(pinFile, TOKEN.pin() + "\n");
        String encodedLabel = TOKEN.label().replace("-", "%2D");
        Map<String, Object> settings =
                TOKEN.settings(
                        "token",
                        "pkcs11:token=" + encodedLabel,
                        "pin",
                        Map.of("file", pinFile.toString()));

        try (Pkcs11Backend backend = Pkcs11Backend.open("hsm", settings)) {
            assertTrue(backend.symmetric().orElseThrow().supports(SymmetricAlgorithm.SHA_256));
        }
    }

    @Test
    void fromConfig_pkcs11Backend_servesAesGcmFromTheToken() throws IOException {
        Path pinFile = dir.resolve("pin");
        Files.writeString(pinFile, TOKEN.pin());
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
                        + "}\n"
                        + "    sessions: 2\n"
                        + "  soft: {type: software}\n"
                        + "routing:\n"
                        + "  default: [hsm, soft]\n");

        try (CryptoHost host = CryptoHost.fromConfig(config)) {
            assertEquals("hsm", host.router().backends().get(0).name());
            assertTrue(
                    host.router().symmetric(SymmetricAlgorithm.AES_256_GCM)
                            instanceof Pkcs11Symmetric);
        }
    }
}
