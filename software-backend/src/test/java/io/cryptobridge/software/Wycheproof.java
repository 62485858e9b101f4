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
    private static final String PROPERTY = "cryptobridge.wycheproof.dir";
    private static final HexFormat HEX = HexFormat.of();

    private Wycheproof() {}

    /**
     * The parsed file from {@code cryptobridge.wycheproof.dir} (surefire sets it; without it,
     * {@code ../shared/wycheproof} beside the repository). A missing file skips the test with what
     * to download, except in CI ({@code CI=true}), where it fails: the same rule as conformance's
     * {@code WycheproofFile}.
     */
    static JsonNode load(String file) {
        Path dir = directory();
        Path path = dir.resolve(file);
        if (!Files.isRegularFile(path)) {
            vectorsMissing(
                    "Wycheproof vectors not found: "
                            + path
                            + ". Download testvectors_v1/"
                            + file
                            + " from https://github.com/C2SP/wycheproof into "
                            + dir
                            + " or set -D"
                            + PROPERTY
                            + "=<folder>",
                    "true".equalsIgnoreCase(System.getenv("CI")));
        }
        try {
            return new ObjectMapper().readTree(path.toFile());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + path, e);
        }
    }

    /** The vectors folder: the system property, else ../shared/wycheproof beside the repository. */
    static Path directory() {
        String configured = System.getProperty(PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        // surefire runs in the module folder, software-backend/
        return Path.of("..", "..", "shared", "wycheproof").toAbsolutePath().normalize();
    }

    /** Fails the calling test in CI, where missing vectors must not pass unnoticed; else skips. */
    static void vectorsMissing(String message, boolean ci) {
        if (ci) {
            fail(message);
        }
        Assumptions.abort(message);
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
