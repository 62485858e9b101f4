package io.cryptobridge.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cryptobridge.CryptoHost;
import io.cryptobridge.GuestSession;
import io.cryptobridge.SessionLimits;
import io.cryptobridge.spi.Backend;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code routing.algorithms} and {@code guests}: what loads, and each mistake word for word. */
class RoutingAndGuestsConfigTest {
    private static final String ROUTED_A =
            """
            backends: {a: {type: test}}
            routing:
              default: [a]
              algorithms:
            """;

    @TempDir Path dir;

    private Path write(String yaml) throws IOException {
        Path file = dir.resolve("cryptobridge.yaml");
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        return file;
    }

    private String errorOf(String yaml) throws IOException {
        Path file = write(yaml);
        return assertThrows(ConfigException.class, () -> CryptoConfig.load(file)).getMessage();
    }

    private String at(int line) {
        return dir.resolve("cryptobridge.yaml") + ":" + line + ": ";
    }

    @Test
    void algorithms_namesInAnyCase_areKeyedBySpecSpelling() throws IOException {
        CryptoConfig config =
                CryptoConfig.load(
                        write(
                                """
                                backends:
                                  hsm: {type: test}
                                  soft: {type: test}
                                routing:
                                  default: [hsm, soft]
                                  algorithms:
                                    ed25519: [hsm]
                                    xchacha20-poly1305: [soft, hsm]
                                    hmac/sha-256: [soft]
                                """));

        assertEquals(
                Map.of(
                        "Ed25519", List.of("hsm"),
                        "XCHACHA20-POLY1305", List.of("soft", "hsm"),
                        "HMAC/SHA-256", List.of("soft")),
                config.routes());
        assertEquals(
                List.of("Ed25519", "XCHACHA20-POLY1305", "HMAC/SHA-256"),
                List.copyOf(config.routes().keySet()),
                "file order");
    }

    @Test
    void algorithms_backendOnlyInARoute_isRoutedAndCreated() throws IOException {
        Path file =
                write(
                        """
                        backends:
                          soft: {type: test}
                          signer: {type: test}
                        routing:
                          default: [soft]
                          algorithms:
                            Ed25519: [signer]
                        """);

        CryptoConfig config = CryptoConfig.load(file);
        assertEquals(List.of("soft"), config.preference());
        try (CryptoHost host = CryptoHost.fromConfig(config)) {
            assertEquals(
                    List.of("soft", "signer"),
                    host.backends().stream().map(Backend::name).toList());
            assertEquals(
                    List.of("soft"), host.router().backends().stream().map(Backend::name).toList());
        }
    }

    @Test
    void algorithms_emptySection_meansNoOverrides() throws IOException {
        assertEquals(Map.of(), CryptoConfig.load(write(ROUTED_A)).routes());
    }

    @Test
    void algorithms_unknownAlgorithm_failsAtItsKey() throws IOException {
        assertEquals(
                at(5)
                        + "routing.algorithms.Ed448: unknown algorithm; see docs/algorithms.md for"
                        + " the names",
                errorOf(ROUTED_A + "    Ed448: [a]\n"));
    }

    @Test
    void algorithms_sameAlgorithmTwiceInDifferentCase_fails() throws IOException {
        assertEquals(
                at(6) + "routing.algorithms.ED25519: algorithm Ed25519 is already routed on line 5",
                errorOf(ROUTED_A + "    Ed25519: [a]\n    ED25519: [a]\n"));
    }

    @Test
    void algorithms_undefinedBackend_failsListingTheDefinedOnes() throws IOException {
        assertEquals(
                at(5) + "routing.algorithms.Ed25519[1]: unknown backend 'hsm' (defined: a)",
                errorOf(ROUTED_A + "    Ed25519: [a, hsm]\n"));
    }

    @Test
    void algorithms_backendTwice_fails() throws IOException {
        assertEquals(
                at(5) + "routing.algorithms.Ed25519[1]: backend 'a' is listed twice",
                errorOf(ROUTED_A + "    Ed25519: [a, a]\n"));
    }

    @Test
    void algorithms_emptyList_fails() throws IOException {
        assertEquals(
                at(5) + "routing.algorithms.Ed25519: expected at least one backend name",
                errorOf(ROUTED_A + "    Ed25519: []\n"));
    }

    @Test
    void algorithms_notAList_fails() throws IOException {
        assertEquals(
                at(5) + "routing.algorithms.Ed25519: expected a list, found a string",
                errorOf(ROUTED_A + "    Ed25519: a\n"));
    }

    @Test
    void algorithms_notAMapping_fails() throws IOException {
        assertEquals(
                at(4) + "routing.algorithms: expected a mapping, found a list",
                errorOf(ROUTED_A.replace("algorithms:\n", "algorithms: [a]\n")));
    }

    @Test
    void routing_unknownKey_listsDefaultAndAlgorithms() throws IOException {
        assertEquals(
                at(4) + "routing.algorithm: unknown key (expected one of: default, algorithms)",
                errorOf(ROUTED_A.replace("algorithms:", "algorithm:")));
    }

    @Test
    void guests_fullProfile_readsEveryKeyAndInheritsFileLimits() throws IOException {
        CryptoConfig config =
                CryptoConfig.load(
                        write(
                                """
                                limits:
                                  max-handles: 50
                                  max-buffered-bytes: 2000
                                guests:
                                  payments:
                                    namespace: payments
                                    allow: [ecdsa_p256_sha256, AES-256-GCM, sha-256]
                                    max-handles: 10
                                  batch:
                                    max-buffered-bytes: 99
                                  open:
                                """));

        GuestProfile payments = config.guests().get("payments");
        assertEquals("payments", payments.namespace());
        assertEquals(Set.of("ECDSA_P256_SHA256", "AES-256-GCM", "SHA-256"), payments.allow());
        assertEquals(new SessionLimits(10, 2000), payments.limits());
        GuestProfile batch = config.guests().get("batch");
        assertNull(batch.allow(), "no allow: every algorithm");
        assertNull(batch.namespace());
        assertEquals(new SessionLimits(50, 99), batch.limits());
        assertEquals(new SessionLimits(50, 2000), config.guests().get("open").limits());
        assertEquals(List.of("payments", "batch", "open"), List.copyOf(config.guests().keySet()));
    }

    @Test
    void guests_profileFromConfig_reachesTheSession() throws IOException {
        Path file =
                write(
                        """
                        backends: {a: {type: test}}
                        guests:
                          payments: {namespace: pay, allow: [SHA-256], max-handles: 3}
                        """);
        try (CryptoHost host = CryptoHost.fromConfig(file);
                GuestSession session = host.newSession("payments")) {
            assertEquals("pay", session.namespace());
            assertEquals(3, session.limits().maxHandles());
            assertEquals(Optional.of(Set.of("SHA-256")), session.policy().allowed());
            assertEquals(Set.of("payments"), host.profiles());
        }
    }

    @Test
    void guests_emptyAllow_allowsNothing() throws IOException {
        GuestProfile none =
                CryptoConfig.load(write("guests:\n  locked: {allow: []}\n")).guests().get("locked");
        assertEquals(Set.of(), none.allow());
    }

    @Test
    void guests_unknownKey_failsListingTheKeys() throws IOException {
        assertEquals(
                at(3)
                        + "guests.p.alow: unknown key (expected one of: namespace, allow,"
                        + " max-handles, max-buffered-bytes)",
                errorOf("guests:\n  p:\n    alow: [SHA-256]\n"));
    }

    @Test
    void guests_unknownAlgorithmInAllow_failsAtTheItem() throws IOException {
        assertEquals(
                at(5)
                        + "guests.p.allow[1]: unknown algorithm 'SHA-3'; see docs/algorithms.md for"
                        + " the names",
                errorOf("guests:\n  p:\n    allow:\n      - SHA-256\n      - SHA-3\n"));
    }

    @Test
    void guests_algorithmTwiceInAllow_fails() throws IOException {
        assertEquals(
                at(3) + "guests.p.allow[1]: algorithm SHA-256 is listed twice",
                errorOf("guests:\n  p:\n    allow: [SHA-256, sha-256]\n"));
    }

    @Test
    void guests_allowNotAList_fails() throws IOException {
        assertEquals(
                at(3) + "guests.p.allow: expected a list, found a string",
                errorOf("guests:\n  p:\n    allow: SHA-256\n"));
    }

    @Test
    void guests_badNamespace_fails() throws IOException {
        assertEquals(
                at(3)
                        + "guests.p.namespace: a namespace may contain only letters, digits, '-'"
                        + " and '_', and must not be empty or longer than 64",
                errorOf("guests:\n  p:\n    namespace: ''\n"));
    }

    @Test
    void guests_namespaceNotAString_fails() throws IOException {
        assertEquals(
                at(3) + "guests.p.namespace: expected a string, found an integer",
                errorOf("guests:\n  p:\n    namespace: 42\n"));
    }

    @Test
    void guests_badProfileName_fails() throws IOException {
        assertEquals(
                at(2)
                        + "guests.pay ments: a profile name may contain only letters, digits, '-'"
                        + " and '_' (at most 64)",
                errorOf("guests:\n  pay ments: {}\n"));
    }

    @Test
    void guests_limitOutOfRange_fails() throws IOException {
        assertEquals(
                at(3) + "guests.p.max-handles: expected an integer from 1 to 2147483647, found 0",
                errorOf("guests:\n  p:\n    max-handles: 0\n"));
    }

    @Test
    void guests_notAMapping_fails() throws IOException {
        assertEquals(
                at(1) + "guests: expected a mapping, found a list",
                errorOf("guests: [payments]\n"));
    }
}
