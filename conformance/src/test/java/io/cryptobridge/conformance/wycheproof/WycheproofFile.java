package io.cryptobridge.conformance.wycheproof;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cryptobridge.conformance.Guests;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * One Wycheproof JSON file, read from the folder in {@code cryptobridge.wycheproof.dir} (default
 * {@code ../shared/wycheproof} next to the repository). The vectors are never copied into the
 * repository. A missing folder skips the test with what to download, except in CI ({@code
 * CI=true}), where it fails.
 *
 * @param name the file name, e.g. {@code aes_gcm_test.json}
 * @param algorithm the file's {@code algorithm}
 * @param numberOfTests the file's {@code numberOfTests}
 * @param groups its test groups
 */
public record WycheproofFile(String name, String algorithm, int numberOfTests, List<Group> groups) {
    private static final String PROPERTY = "cryptobridge.wycheproof.dir";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Loads a file, or skips/fails the calling test when the vectors are not there. */
    public static WycheproofFile load(String fileName) {
        Path dir = directory();
        Path file = dir.resolve(fileName);
        if (!Files.isRegularFile(file)) {
            String message =
                    "Wycheproof vectors not found: "
                            + file
                            + ". Download testvectors_v1/"
                            + fileName
                            + " from https://github.com/C2SP/wycheproof into "
                            + dir
                            + " or set -D"
                            + PROPERTY
                            + "=<folder>";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError(message);
            }
            Assumptions.abort(message);
        }
        try {
            JsonNode root = JSON.readTree(file.toFile());
            List<Group> groups = new ArrayList<>();
            for (JsonNode group : root.path("testGroups")) {
                List<Vector> vectors = new ArrayList<>();
                for (JsonNode test : group.path("tests")) {
                    vectors.add(new Vector(test));
                }
                groups.add(new Group(group, List.copyOf(vectors)));
            }
            return new WycheproofFile(
                    fileName,
                    root.path("algorithm").asText(),
                    root.path("numberOfTests").asInt(),
                    List.copyOf(groups));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The vectors folder: the system property, else ../shared/wycheproof beside the repo. */
    public static Path directory() {
        String configured = System.getProperty(PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        return Guests.root().getParent().resolve("../shared/wycheproof").normalize();
    }

    /** All vectors of all groups. */
    public int vectorCount() {
        return groups.stream().mapToInt(g -> g.tests().size()).sum();
    }

    /** A test group: its parameters ({@code keySize}, {@code ivSize}, ...) and its vectors. */
    public record Group(JsonNode parameters, List<Vector> tests) {
        public int intParameter(String field) {
            return parameters.path(field).asInt();
        }
    }

    /** One test vector. */
    public static final class Vector {
        private final JsonNode node;

        Vector(JsonNode node) {
            this.node = node;
        }

        public int tcId() {
            return node.path("tcId").asInt();
        }

        public String comment() {
            return node.path("comment").asText();
        }

        public List<String> flags() {
            List<String> flags = new ArrayList<>();
            node.path("flags").forEach(f -> flags.add(f.asText()));
            return flags;
        }

        /** {@code valid}, {@code invalid} or {@code acceptable}. */
        public String result() {
            return node.path("result").asText();
        }

        public boolean isValid() {
            return "valid".equals(result());
        }

        public boolean isInvalid() {
            return "invalid".equals(result());
        }

        public byte[] bytes(String field) {
            return HexFormat.of().parseHex(node.path(field).asText());
        }

        public int integer(String field) {
            return node.path(field).asInt();
        }

        @Override
        public String toString() {
            return "tcId " + tcId() + " (" + result() + ", " + comment() + ", " + flags() + ")";
        }
    }
}
