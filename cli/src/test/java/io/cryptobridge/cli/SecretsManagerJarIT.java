package io.cryptobridge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The secrets manager across host processes, as a user runs it: each step is its own {@code java
 * -jar cryptobridge.jar} (a new JVM, a new host) over one software keystore; the guest is
 * guests/src/vault.c.
 */
class SecretsManagerJarIT {
    private static final Path JAR = Path.of(System.getProperty("cryptobridge.cli.jar"));
    private static final Path VAULT =
            Path.of(System.getProperty("cryptobridge.guests.dir"), "wasm", "vault.wasm");

    /** X.509 SubjectPublicKeyInfo prefix of a raw 32-byte Ed25519 public key (RFC 8410). */
    private static final String ED25519_SPKI_PREFIX = "302a300506032b6570032100";

    @TempDir Path dir;
    private Path config;

    private record Result(int status, String stdout, String stderr) {
        String line() {
            return stdout.strip();
        }
    }

    @BeforeEach
    void writeConfig() throws IOException {
        config = dir.resolve("cryptobridge.yaml");
        Files.writeString(
                config,
                String.join(
                        "\n",
                        "backends:",
                        "  soft:",
                        "    type: software",
                        "    keystore: keystore", // relative to this file
                        "secrets-manager: soft",
                        "guests:",
                        "  alpha:",
                        "    namespace: alpha",
                        "  beta:",
                        "    namespace: beta",
                        ""));
    }

    private Process start(List<String> args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-jar");
        command.add(JAR.toString());
        command.addAll(args);
        Process process = new ProcessBuilder(command).start();
        process.getOutputStream().close();
        return process;
    }

    private static Result finish(Process process) throws IOException, InterruptedException {
        byte[] out = process.getInputStream().readAllBytes();
        byte[] err = process.getErrorStream().readAllBytes();
        assertTrue(process.waitFor(2, TimeUnit.MINUTES), "the jar did not finish");
        return new Result(
                process.exitValue(),
                new String(out, StandardCharsets.UTF_8),
                new String(err, StandardCharsets.UTF_8));
    }

    private Result cli(String... args) throws IOException, InterruptedException {
        return finish(start(List.of(args)));
    }

    /** {@code cryptobridge run --config C [--guest G] vault.wasm ARGS}. */
    private List<String> vaultCommand(String guest, String... args) {
        List<String> command = new ArrayList<>(List.of("run", "--config", config.toString()));
        if (guest != null) {
            command.add("--guest");
            command.add(guest);
        }
        command.add(VAULT.toString());
        command.addAll(List.of(args));
        return command;
    }

    private Result vault(String... args) throws IOException, InterruptedException {
        return finish(start(vaultCommand(null, args)));
    }

    private Result vaultAs(String guest, String... args) throws IOException, InterruptedException {
        return finish(start(vaultCommand(guest, args)));
    }

    private static String ok(Result result) {
        assertEquals(0, result.status(), result.stderr());
        return result.line();
    }

    @Test
    void ed25519_generatedInOneProcess_signsByIdInAnother() throws Exception {
        String id = ok(vault("gen", "ed25519"));
        assertTrue(id.matches("[0-9a-f]{32}"), id);

        String signature = ok(vault("sign", id, "hello from process 2"));
        String publicKey = ok(vault("pubkey", id));

        assertTrue(
                verifyEd25519(publicKey, "hello from process 2", signature),
                "the JDK verifies the signature with the stored key's public key");
        assertFalse(verifyEd25519(publicKey, "another message", signature));
    }

    @Test
    void aes_sealedInOneProcess_opensInAnother() throws Exception {
        String id = ok(vault("gen", "aes"));

        String sealed = ok(vault("seal", id, "attack at dawn"));

        assertEquals("attack at dawn", ok(vault("open", id, sealed)));
        assertTrue(sealed.startsWith("0000000000000001"), "sealed under version 1: " + sealed);
    }

    @Test
    void replace_twoProcessesAtOnce_distinctVersions() throws Exception {
        String id = ok(vault("gen", "aes"));
        String sealed = ok(vault("seal", id, "before the replaces"));

        Process first = start(vaultCommand(null, "replace", id));
        Process second = start(vaultCommand(null, "replace", id));
        String a = ok(finish(first));
        String b = ok(finish(second));

        assertEquals(Set.of("2", "3"), Set.of(a, b), "each replace got its own version");
        assertEquals("3", ok(vault("version", id)));
        assertEquals("before the replaces", ok(vault("open", id, sealed)), "version 1 remains");
        String show = ok(cli("keys", "show", id, "--config", config.toString()));
        assertEquals(4, show.lines().count(), "a header and versions 1, 2, 3:\n" + show);
    }

    @Test
    void keysInvalidate_afterwards_theGuestGetsNotFound() throws Exception {
        String id = ok(vault("gen", "ed25519"));
        ok(vault("replace", id));

        String list = ok(cli("keys", "list", "--config", config.toString()));
        assertTrue(list.lines().anyMatch(l -> l.startsWith(id + "  1 ")), list);
        assertTrue(list.contains("signature-keypair"), list);
        assertTrue(list.contains("Ed25519"), list);

        String invalidated =
                ok(
                        cli(
                                "keys",
                                "invalidate",
                                id,
                                "--version",
                                "latest",
                                "--config",
                                config.toString()));
        assertTrue(invalidated.startsWith("invalidated " + id + " version 2 "), invalidated);
        assertEquals("1", ok(vault("version", id)), "latest is the highest live version");

        ok(cli("keys", "invalidate", id, "--config", config.toString()));
        Result sign = vault("sign", id, "too late");
        assertEquals(1, sign.status(), sign.stdout());
        assertEquals("vault: keypair_from_id: not_found\n", sign.stderr());

        Result again = cli("keys", "show", id, "--config", config.toString());
        assertEquals(1, again.status());
        assertEquals(
                "cryptobridge: keys: no live key or secret with id " + id + "\n", again.stderr());
    }

    @Test
    void namespaces_otherProfilesKey_notFound() throws Exception {
        String id = ok(vaultAs("alpha", "gen", "ed25519"));

        Result beta = vaultAs("beta", "sign", id, "not yours");
        assertEquals(1, beta.status(), beta.stdout());
        assertEquals("vault: keypair_from_id: not_found\n", beta.stderr());
        ok(vaultAs("alpha", "sign", id, "yours"));

        String alphaOnly =
                ok(cli("keys", "list", "--namespace", "beta", "--config", config.toString()));
        assertFalse(alphaOnly.contains(id), alphaOnly);
    }

    @Test
    void keys_noSecretsManagerConfigured_oneLineError() throws Exception {
        Path plain =
                Files.writeString(
                        dir.resolve("plain.yaml"), "backends:\n  soft: {type: software}\n");

        Result result = cli("keys", "list", "--config", plain.toString());

        assertEquals(1, result.status());
        assertEquals(1, result.stderr().lines().count(), result.stderr());
        assertTrue(result.stderr().contains("configures no secrets manager"), result.stderr());
    }

    private static boolean verifyEd25519(String publicKeyHex, String message, String signatureHex)
            throws GeneralSecurityException {
        byte[] spki = HexFormat.of().parseHex(ED25519_SPKI_PREFIX + publicKeyHex);
        PublicKey key =
                KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(key);
        verifier.update(message.getBytes(StandardCharsets.UTF_8));
        return verifier.verify(HexFormat.of().parseHex(signatureHex));
    }
}
