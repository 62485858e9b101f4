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

    static AbiModule asymmetricCommon() {
        String why = "asymmetric keys are not available yet";
        return new AbiModule("wasi_ephemeral_crypto_asymmetric_common")
                .unavailable("keypair_generate", "iiiii", ERRNO, why)
                .unavailable("keypair_import", "iiiiiii", ERRNO, why)
                .unavailable("keypair_generate_managed", "iiiiii", ERRNO, why)
                .unavailable("keypair_store_managed", "iiii", ERRNO, why)
                .unavailable("keypair_replace_managed", "iiii", ERRNO, why)
                .unavailable("keypair_id", "iiiii", ERRNO, why)
                .unavailable("keypair_from_id", "iiiIi", ERRNO, why)
                .unavailable("keypair_from_pk_and_sk", "iii", ERRNO, why)
                .unavailable("keypair_export", "iii", ERRNO, why)
                .unavailable("keypair_publickey", "ii", ERRNO, why)
                .unavailable("keypair_secretkey", "ii", ERRNO, why)
                .unavailable("keypair_close", "i", ERRNO, why)
                .unavailable("publickey_import", "iiiiiii", ERRNO, why)
                .unavailable("publickey_export", "iii", ERRNO, why)
                .unavailable("publickey_verify", "i", ERRNO, why)
                .unavailable("publickey_from_secretkey", "ii", ERRNO, why)
                .unavailable("publickey_close", "i", ERRNO, why)
                .unavailable("secretkey_import", "iiiiiii", ERRNO, why)
                .unavailable("secretkey_export", "iii", ERRNO, why)
                .unavailable("secretkey_close", "i", ERRNO, why);
    }

    static AbiModule signatures() {
        String why = "signatures are not available yet";
        return new AbiModule("wasi_ephemeral_crypto_signatures")
                .unavailable("signature_export", "iii", ERRNO, why)
                .unavailable("signature_import", "iiiiii", ERRNO, why)
                .unavailable("signature_state_open", "ii", ERRNO, why)
                .unavailable("signature_state_update", "iii", ERRNO, why)
                .unavailable("signature_state_sign", "ii", ERRNO, why)
                .unavailable("signature_state_close", "i", ERRNO, why)
                .unavailable("signature_verification_state_open", "ii", ERRNO, why)
                .unavailable("signature_verification_state_update", "iii", ERRNO, why)
                .unavailable("signature_verification_state_verify", "ii", ERRNO, why)
                .unavailable("signature_verification_state_close", "i", ERRNO, why)
                .unavailable("signature_close", "i", ERRNO, why);
    }

    static AbiModule keyExchange() {
        String why = "key exchange is not available yet";
        return new AbiModule("wasi_ephemeral_crypto_kx")
                .unavailable("kx_dh", "iii", ERRNO, why)
                .unavailable("kx_encapsulate", "iii", ERRNO, why)
                .unavailable("kx_decapsulate", "iiii", ERRNO, why);
    }

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
