package io.cryptobridge.pkcs11;

import static io.cryptobridge.conformance.ManagedKeysRun.MANAGED_CHECKS;
import static io.cryptobridge.conformance.ManagedKeysRun.OTHER_NAMESPACE_CHECKS;
import static io.cryptobridge.conformance.ManagedKeysRun.SAME_NAMESPACE_CHECKS;
import static io.cryptobridge.conformance.ManagedKeysRun.assertPasses;
import static io.cryptobridge.conformance.ManagedKeysRun.kept;
import static io.cryptobridge.conformance.ManagedKeysRun.namespaceArgs;
import static io.cryptobridge.conformance.ManagedKeysRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cryptobridge.CryptoHost;
import io.cryptobridge.SessionLimits;
import io.cryptobridge.config.GuestProfile;
import io.cryptobridge.conformance.CommandResult;
import io.cryptobridge.conformance.ManagedKeysRun;
import io.cryptobridge.software.SoftwareBackend;
import io.cryptobridge.spi.Backend;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * guests/src/managed_keys.c with the token as the secrets manager (the same guest the conformance
 * module runs on the software keystore): every check passes, and only algorithms SoftHSM2 cannot
 * keep are announced as skipped. Then the "done when": the host restarts (a new backend on
 * the same token) and a guest of the same namespace signs with the stored Ed25519 key by id, while
 * a guest of another namespace gets not_found.
 */
class ManagedKeysOnTokenTest {
    @RegisterExtension static final SoftHsmToken TOKEN = new SoftHsmToken();

    /**
     * What SoftHSM2 cannot keep as a token object, so the host routes it to software: X25519 (the
     * whole key-pair section of the guest) and HKDF keys (one check).
     */
    private static final Map<String, Integer> SKIPPED_ON_SOFTHSM =
            Map.of("X25519", 30, "HKDF-EXPAND/SHA-256", 1);

    @Test
    void managedKeysGuest_tokenAsSecretsManager_everyCheckPassesAndSurvivesARestart() {
        Map<String, String> kept;
        try (CryptoHost host = tokenHost()) {
            CommandResult result = run(host, "alpha", List.of());

            assertPasses(result, MANAGED_CHECKS);
            assertEquals(SKIPPED_ON_SOFTHSM, ManagedKeysRun.skipped(result), result::describe);
            kept = kept(result);
        }

        try (CryptoHost restarted = tokenHost()) {
            assertPasses(
                    run(restarted, "alpha-too", namespaceArgs("same", kept)),
                    SAME_NAMESPACE_CHECKS);
            assertPasses(
                    run(restarted, "beta", namespaceArgs("other", kept)), OTHER_NAMESPACE_CHECKS);
        }
    }

    /**
     * The other way round: the token (default, non-extractable keys) serves AES-256-GCM and Ed25519
     * while a software keystore keeps managed keys. The store cannot copy a token key, so
     * store_managed is prohibited_operation and nothing is stored.
     */
    @Test
    void managedKeysGuest_keystoreAsSecretsManager_tokenKeysCannotBeStored(@TempDir Path dir) {
        Pkcs11Backend hsm = TOKEN.open();
        Backend keystore =
                CryptoHost.createBackend(
                        "software", "soft", Map.of("keystore", dir.resolve("keystore")));
        try (CryptoHost host =
                CryptoHost.builder()
                        .backend(hsm)
                        .backend(keystore)
                        .secretsManager(keystore)
                        .build()) {
            CommandResult result = run(host, null, List.of("foreign"));

            assertPasses(result, ManagedKeysRun.FOREIGN_CHECKS);
            assertEquals(
                    List.of(),
                    host.managedKeys().orElseThrow().list(Optional.empty()),
                    "nothing was stored");
        }
    }

    /** The token first, software second, the token keeping managed keys; three profiles. */
    private static CryptoHost tokenHost() {
        Pkcs11Backend hsm = TOKEN.open();
        return CryptoHost.builder()
                .backend(hsm)
                .backend(new SoftwareBackend("soft", new SecureRandom()))
                .secretsManager(hsm)
                .guest(profile("alpha", "alpha"))
                .guest(profile("alpha-too", "alpha"))
                .guest(profile("beta", "beta"))
                .build();
    }

    private static GuestProfile profile(String name, String namespace) {
        return new GuestProfile(name, namespace, null, SessionLimits.DEFAULT, 0);
    }
}
