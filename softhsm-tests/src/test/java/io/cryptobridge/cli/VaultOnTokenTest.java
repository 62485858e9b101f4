package io.cryptobridge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cryptobridge.conformance.Guests;
import io.cryptobridge.pkcs11.SoftHsmToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "done when" through the CLI and the shipped softhsm.yaml: a guest generates a managed
 * Ed25519 key on the token, the host stops, a new host signs with it by id; the operator sees it
 * with {@code cryptobridge keys} and invalidates it. Every {@code cryptobridge} call opens its own
 * host (a new backend, session and login), as a restarted process would. The guest is
 * guests/src/vault.c.
 */
class VaultOnTokenTest {
    @RegisterExtension static final SoftHsmToken TOKEN = new SoftHsmToken();

    /** X.509 SubjectPublicKeyInfo prefix of a raw 32-byte Ed25519 public key (RFC 8410). */
    private static final String ED25519_SPKI_PREFIX = "302a300506032b6570032100";

    @TempDir Path dir;

    @Test
    void ed25519OnTheToken_signsByIdAfterARestart_untilTheOperatorInvalidatesIt()
            throws IOException, GeneralSecurityException {
        Path config = ExampleOnToken.onToken(TOKEN, dir, "softhsm.yaml", "");

        String id = ok(vault(config, "gen", "ed25519"));
        assertTrue(id.matches("[0-9a-f]{32}"), id);
        String signature = ok(vault(config, "sign", id, "signed on the token"));
        String publicKey = ok(vault(config, "pubkey", id));
        assertTrue(verifies(publicKey, "signed on the token", signature));

        String list =
                ok(ExampleOnToken.cryptobridge("keys", "list", "--config", config.toString()));
        assertTrue(
                list.lines()
                        .anyMatch(
                                line ->
                                        line.startsWith(id + "  1 ")
                                                && line.contains("signature-keypair")
                                                && line.contains("Ed25519")
                                                && line.contains("default")),
                list);

        ok(ExampleOnToken.cryptobridge("keys", "invalidate", id, "--config", config.toString()));
        ExampleOnToken.Outcome refused = vault(config, "sign", id, "too late");
        assertEquals(1, refused.status(), refused.stdout());
        assertEquals("vault: keypair_from_id: not_found\n", refused.stderr());
    }

    private static ExampleOnToken.Outcome vault(Path config, String... args) {
        List<String> command =
                new ArrayList<>(
                        List.of(
                                "run",
                                "--config",
                                config.toString(),
                                Guests.wasm("vault").toString()));
        command.addAll(List.of(args));
        return ExampleOnToken.cryptobridge(command.toArray(String[]::new));
    }

    private static String ok(ExampleOnToken.Outcome outcome) {
        assertEquals(0, outcome.status(), outcome.stderr());
        return outcome.stdout().strip();
    }

    private static boolean verifies(String publicKeyHex, String message, String signatureHex)
            throws GeneralSecurityException {
        byte[] spki = HexFormat.of().parseHex(ED25519_SPKI_PREFIX + publicKeyHex);
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(
                KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki)));
        verifier.update(message.getBytes(StandardCharsets.UTF_8));
        return verifier.verify(HexFormat.of().parseHex(signatureHex));
    }
}
