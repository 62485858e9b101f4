package io.cryptobridge.secrets;

import io.cryptobridge.CryptoErrno;
import io.cryptobridge.CryptoException;
import io.cryptobridge.GuestPolicy;
import io.cryptobridge.common.Options;
import io.cryptobridge.spi.Backend;
import io.cryptobridge.spi.SecretStore;
import java.security.SecureRandom;
import java.time.Clock;

/**
 * Opens secrets managers for one guest session, in the guest's namespace. A host without a secret
 * store answers {@code unsupported_feature} to every managed-key and external-secret function.
 */
public final class SecretsService {
    /** The namespace of a guest that runs without a profile. */
    public static final String DEFAULT_NAMESPACE = "default";

    private final Backend backend;
    private final GuestPolicy policy;
    private final SecureRandom random;
    private final Clock clock;

    /**
     * @param backend the backend whose {@link Backend#secretStore()} keeps managed keys, or null
     *     when the host has none
     */
    public SecretsService(Backend backend, GuestPolicy policy, SecureRandom random, Clock clock) {
        this.backend = backend;
        this.policy = policy;
        this.random = random;
        this.clock = clock;
    }

    /** unsupported_feature unless this host has a secrets manager; call before anything else. */
    public void requireAvailable() {
        if (backend == null) {
            throw new CryptoException(
                    CryptoErrno.UNSUPPORTED_FEATURE,
                    "this host has no secrets manager (see secrets-manager in the configuration)");
        }
    }

    /**
     * {@code secrets_manager_open}: the guest chooses nothing (store, namespace and credentials
     * come from the host configuration), so an options set must be empty, else unsupported_option.
     *
     * @param options the options the guest passed, or null
     */
    public SecretsManager open(Options options) {
        requireAvailable();
        if (options != null && !options.isEmpty()) {
            throw new CryptoException(
                    CryptoErrno.UNSUPPORTED_OPTION,
                    "secrets_manager_open takes no options; the host configuration chooses the"
                            + " store");
        }
        SecretStore store =
                backend.secretStore()
                        .orElseThrow(() -> new IllegalStateException("backend lost its store"));
        return new SecretsManager(
                backend, new NamespaceStore(namespace(policy), store, random, clock), policy);
    }

    /** A guest's namespace: its profile's namespace, else the profile name, else "default". */
    public static String namespace(GuestPolicy policy) {
        return policy.namespace().or(policy::profile).orElse(DEFAULT_NAMESPACE);
    }
}
