package io.cryptobridge.software;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cryptobridge.CryptoException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * Reads Wycheproof vector files from {@code cryptobridge.wycheproof.dir} (never copied into the
 * repository) and checks each vector's result: valid must succeed, invalid must fail with a
 * CryptoException, acceptable may do either; a host bug (any other exception) always fails.
 */
final class Wycheproof {
    private static final HexFormat HEX = HexFormat.of();

    private Wycheproof() {}

    /** The parsed file; skips the test when the folder is missing, unless CI=true. */
    static JsonNode load(String file) {
        String dir = System.getProperty("cryptobridge.wycheproof.dir");
        Path path = dir == null ? null : Path.of(dir, file);
        if (path == null || !Files.isRegularFile(path)) {
            String message =
                    "Wycheproof vectors missing: put C2SP/wycheproof testvectors_v1/"
                            + file
                            + " into "
                            + dir
                            + " (system property cryptobridge.wycheproof.dir)";
            if ("true".equals(System.getenv("CI"))) {
                fail(message);
            }
            Assumptions.abort(message);
        }
        try {
            return new ObjectMapper().readTree(path.toFile());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + path, e);
        }
    }

    static byte[] hex(JsonNode node) {
        return HEX.parseHex(node.asText());
    }

    /** One vector's operation; throws CryptoException when the host rejects it. */
    @FunctionalInterface
    interface Check {
        void run() throws Exception;
    }

    /** Collects the vectors whose outcome contradicts their expected result. */
    static final class Results {
        private final List<String> mismatches = new ArrayList<>();
        private int count;

        void check(JsonNode test, Check check) {
            count++;
            String result = test.get("result").asText();
            String id = "tcId " + test.get("tcId").asInt() + " (" + result + ")";
            try {
                check.run();
                if (result.equals("invalid")) {
                    mismatches.add(id + " was accepted");
                }
            } catch (CryptoException e) {
                if (result.equals("valid")) {
                    mismatches.add(id + " was rejected: " + e);
                }
            } catch (Exception | AssertionError e) {
                if (!(e instanceof AssertionError) || result.equals("valid")) {
                    mismatches.add(id + " failed: " + e);
                }
            }
        }

        void assertNoMismatch(String file) {
            if (count == 0) {
                fail(file + " had no vectors");
            }
            if (!mismatches.isEmpty()) {
                fail(file + ": " + mismatches.size() + " of " + count + " vectors: " + mismatches);
            }
        }
    }
}
