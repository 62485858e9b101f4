package io.cryptobridge.abi;

import io.cryptobridge.CryptoErrno;

/**
 * Modules whose functions are registered with their exact core signatures but not served yet: each
 * answers {@code unsupported_feature}, so a guest that imports them still links. The README status
 * table lists them.
 */
final class PendingModules {
    private static final CryptoErrno ERRNO = CryptoErrno.UNSUPPORTED_FEATURE;

    private PendingModules() {}

    static AbiModule externalSecrets() {
        String why = "external secrets are not available yet";
        return new AbiModule("wasi_ephemeral_crypto_external_secrets")
                .unavailable("external_secret_store", "iiiIii", ERRNO, why)
                .unavailable("external_secret_replace", "iiiIiii", ERRNO, why)
                .unavailable("external_secret_from_id", "iiiIi", ERRNO, why)
                .unavailable("external_secret_invalidate", "iiiI", ERRNO, why)
                .unavailable("external_secret_encapsulate", "iiiIi", ERRNO, why)
                .unavailable("external_secret_decapsulate", "iiii", ERRNO, why);
    }
}
