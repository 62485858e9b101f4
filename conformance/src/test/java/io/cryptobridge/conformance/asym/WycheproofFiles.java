package io.cryptobridge.conformance.asym;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds the Wycheproof vectors through the {@code cryptobridge.wycheproof.dir} property. A missing
 * folder skips the test on a laptop and fails it in CI ({@code CI=true}).
 */
final class WycheproofFiles {
    private static final ObjectMapper JSON = new ObjectMapper();

    private WycheproofFiles() {}

    static JsonNode load(String fileName) throws IOException {
        String dir = System.getProperty("cryptobridge.wycheproof.dir");
        Path file = dir == null ? null : Path.of(dir, fileName);
        if (file == null || !Files.isRegularFile(file)) {
            String why =
                    "Wycheproof vector "
                            + fileName
                            + " not found (property cryptobridge.wycheproof.dir="
                            + dir
                            + "); download testvectors_v1/ from github.com/C2SP/wycheproof into"
                            + " ../shared/wycheproof";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(why);
            }
            Assumptions.abort(why);
        }
        return JSON.readTree(file.toFile());
    }

    static byte[] hex(JsonNode node) {
        return java.util.HexFormat.of().parseHex(node.asText());
    }

    static boolean hasFlag(JsonNode test, String flag) {
        for (JsonNode f : test.path("flags")) {
            if (f.asText().equals(flag)) {
                return true;
            }
        }
        return false;
    }
}
