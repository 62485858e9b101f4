/*
 * wasi_crypto.h - C declarations of the wasi-crypto WITX 0.10 core ABI
 * (the wasi_ephemeral_crypto_* import modules), for guests built with
 * clang --target=wasm32-wasi.
 *
 * Written for cryptobridge from shared/spec/wasi-crypto-abi.md section 1.
 * Lowering rules, in short:
 *   - every function returns a crypto_errno (0 = success) as an i32;
 *   - a string or buffer is (pointer, length);
 *   - a handle, size or u16 enum is an i32; version, timestamp and u64 are i64;
 *   - opt_options / opt_symmetric_key are passed as a POINTER to an 8-byte
 *     struct: tag (u8) at offset 0, handle (u32) at offset 4, and the tag is
 *     0 = some, 1 = none (the reverse of the usual option convention);
 *   - each result is written through a trailing out-pointer.
 *
 * All six modules are declared. A guest imports only the functions it calls,
 * so declaring everything costs nothing.
 */
#ifndef CRYPTOBRIDGE_WASI_CRYPTO_H
#define CRYPTOBRIDGE_WASI_CRYPTO_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------------ */
/* Types                                                                    */
/* ------------------------------------------------------------------------ */

typedef uint16_t crypto_errno_t;

typedef uint32_t array_output_t;
typedef uint32_t options_t;
typedef uint32_t secrets_manager_t;
typedef uint32_t keypair_t;
typedef uint32_t publickey_t;
typedef uint32_t secretkey_t;
typedef uint32_t signature_state_t;
typedef uint32_t signature_t;
typedef uint32_t signature_verification_state_t;
typedef uint32_t symmetric_state_t;
typedef uint32_t symmetric_key_t;
typedef uint32_t symmetric_tag_t;

/* The signatures and kx modules use aliases of the asymmetric handle types. */
typedef keypair_t signature_keypair_t;
typedef publickey_t signature_publickey_t;
typedef secretkey_t signature_secretkey_t;
typedef keypair_t kx_keypair_t;
typedef publickey_t kx_publickey_t;
typedef secretkey_t kx_secretkey_t;

typedef uint16_t algorithm_type_t;
typedef uint16_t keypair_encoding_t;
typedef uint16_t publickey_encoding_t;
typedef uint16_t secretkey_encoding_t;
typedef uint16_t signature_encoding_t;

typedef uint64_t version_t;   /* i64 in the core ABI */
typedef uint64_t timestamp_t; /* UNIX seconds, i64 in the core ABI */

/* ------------------------------------------------------------------------ */
/* crypto_errno                                                             */
/* ------------------------------------------------------------------------ */

#define CRYPTO_ERRNO_SUCCESS 0
#define CRYPTO_ERRNO_GUEST_ERROR 1
#define CRYPTO_ERRNO_NOT_IMPLEMENTED 2
#define CRYPTO_ERRNO_UNSUPPORTED_FEATURE 3
#define CRYPTO_ERRNO_PROHIBITED_OPERATION 4
#define CRYPTO_ERRNO_UNSUPPORTED_ENCODING 5
#define CRYPTO_ERRNO_UNSUPPORTED_ALGORITHM 6
#define CRYPTO_ERRNO_UNSUPPORTED_OPTION 7
#define CRYPTO_ERRNO_INVALID_KEY 8
#define CRYPTO_ERRNO_INVALID_LENGTH 9
#define CRYPTO_ERRNO_VERIFICATION_FAILED 10
#define CRYPTO_ERRNO_RNG_ERROR 11
#define CRYPTO_ERRNO_ALGORITHM_FAILURE 12
#define CRYPTO_ERRNO_INVALID_SIGNATURE 13
#define CRYPTO_ERRNO_CLOSED 14
#define CRYPTO_ERRNO_INVALID_HANDLE 15
#define CRYPTO_ERRNO_OVERFLOW 16
#define CRYPTO_ERRNO_INTERNAL_ERROR 17
#define CRYPTO_ERRNO_TOO_MANY_HANDLES 18
#define CRYPTO_ERRNO_KEY_NOT_SUPPORTED 19
#define CRYPTO_ERRNO_KEY_REQUIRED 20
#define CRYPTO_ERRNO_INVALID_TAG 21
#define CRYPTO_ERRNO_INVALID_OPERATION 22
#define CRYPTO_ERRNO_NONCE_REQUIRED 23
#define CRYPTO_ERRNO_INVALID_NONCE 24
#define CRYPTO_ERRNO_OPTION_NOT_SET 25
#define CRYPTO_ERRNO_NOT_FOUND 26
#define CRYPTO_ERRNO_PARAMETERS_MISSING 27
#define CRYPTO_ERRNO_IN_PROGRESS 28
#define CRYPTO_ERRNO_INCOMPATIBLE_KEYS 29
#define CRYPTO_ERRNO_EXPIRED 30

/* The spec's name of an errno ("invalid_handle"), for diagnostics. */
static inline const char *crypto_errno_name(crypto_errno_t e) {
    static const char *const names[] = {
        "success",           "guest_error",           "not_implemented",
        "unsupported_feature", "prohibited_operation", "unsupported_encoding",
        "unsupported_algorithm", "unsupported_option", "invalid_key",
        "invalid_length",    "verification_failed",   "rng_error",
        "algorithm_failure", "invalid_signature",     "closed",
        "invalid_handle",    "overflow",              "internal_error",
        "too_many_handles",  "key_not_supported",     "key_required",
        "invalid_tag",       "invalid_operation",     "nonce_required",
        "invalid_nonce",     "option_not_set",        "not_found",
        "parameters_missing", "in_progress",          "incompatible_keys",
        "expired",
    };
    return e < sizeof names / sizeof names[0] ? names[e] : "(unknown errno)";
}

/* ------------------------------------------------------------------------ */
/* Enums and constants                                                      */
/* ------------------------------------------------------------------------ */

#define ALGORITHM_TYPE_SIGNATURES 0
#define ALGORITHM_TYPE_SYMMETRIC 1
#define ALGORITHM_TYPE_KEY_EXCHANGE 2

#define KEYPAIR_ENCODING_RAW 0
#define KEYPAIR_ENCODING_PKCS8 1
#define KEYPAIR_ENCODING_PEM 2
#define KEYPAIR_ENCODING_LOCAL 3

#define PUBLICKEY_ENCODING_RAW 0
#define PUBLICKEY_ENCODING_PKCS8 1
#define PUBLICKEY_ENCODING_PEM 2
#define PUBLICKEY_ENCODING_SEC 3
#define PUBLICKEY_ENCODING_LOCAL 4

#define SECRETKEY_ENCODING_RAW 0
#define SECRETKEY_ENCODING_PKCS8 1
#define SECRETKEY_ENCODING_PEM 2
#define SECRETKEY_ENCODING_SEC 3
#define SECRETKEY_ENCODING_LOCAL 4

#define SIGNATURE_ENCODING_RAW 0
#define SIGNATURE_ENCODING_DER 1

#define VERSION_UNSPECIFIED UINT64_C(0xff00000000000000)
#define VERSION_LATEST UINT64_C(0xff00000000000001)
#define VERSION_ALL UINT64_C(0xff00000000000002)

/* opt_options_u / opt_symmetric_key_u: note that some is 0. */
#define OPT_SOME 0
#define OPT_NONE 1

/* An optional options handle, passed by pointer. */
typedef struct opt_options {
    uint8_t tag; /* OPT_SOME or OPT_NONE */
    /* 3 bytes of padding */
    options_t handle; /* meaningful only when tag == OPT_SOME */
} opt_options_t;

/* An optional symmetric key handle, passed by pointer; same layout. */
typedef struct opt_symmetric_key {
    uint8_t tag;
    symmetric_key_t handle;
} opt_symmetric_key_t;

_Static_assert(sizeof(opt_options_t) == 8, "opt_options is 8 bytes");
_Static_assert(offsetof(opt_options_t, handle) == 4, "opt_options handle at offset 4");
_Static_assert(sizeof(opt_symmetric_key_t) == 8, "opt_symmetric_key is 8 bytes");
_Static_assert(offsetof(opt_symmetric_key_t, handle) == 4, "opt_symmetric_key handle at 4");

static inline opt_options_t opt_options_none(void) {
    opt_options_t o = {OPT_NONE, 0};
    return o;
}

static inline opt_options_t opt_options_some(options_t handle) {
    opt_options_t o = {OPT_SOME, handle};
    return o;
}

static inline opt_symmetric_key_t opt_symmetric_key_none(void) {
    opt_symmetric_key_t o = {OPT_NONE, 0};
    return o;
}

static inline opt_symmetric_key_t opt_symmetric_key_some(symmetric_key_t handle) {
    opt_symmetric_key_t o = {OPT_SOME, handle};
    return o;
}

#define WASI_CRYPTO_IMPORT(module, name) \
    __attribute__((import_module(module), import_name(#name))) crypto_errno_t name

/* ------------------------------------------------------------------------ */
/* wasi_ephemeral_crypto_common (10 functions)                              */
/* ------------------------------------------------------------------------ */

#define WASI_CRYPTO_COMMON "wasi_ephemeral_crypto_common"

WASI_CRYPTO_IMPORT(WASI_CRYPTO_COMMON, options_open)(algorithm_type_t algorithm_type,
                                                     options_t *options_out);
WASI_CRYPTO_IMPORT(WASI_CRYPTO_COMMON, options_close)(options_t options);
WASI_CRYPTO_IMPORT(WASI_CRYPTO_COMMON, options_set)(options_t options, const char *name,
                                                    size_t name_len, const uint8_t *value,
                                                    size_t value_len);
WASI_CRYPTO_IMPORT(WASI_CRYPTO_COMMON, options_set_u64)(options_t options, const char *name,
                                                        size_t name_len, uint64_t value);
WASI_CRYPTO_IMPORT(WASI_CRYPTO_COMMON, options_set_guest_buffer)(options_t options,
                                                                 const char *name,
                                                                 size_t name_len, uint8_t *buffer,
                                                                 size_t buffer_len);
WASI_CRYPTO_IMPORT(WASI_CRYPTO_COMMON, array_output_len)(array_output_t array_output,
                                                         size_t *len_out);
/* Copies min(buf_len, remaining) bytes; the handle closes once everything was pulled. */
WASI_CRYPTO_IMPORT(WASI_CRYPTO_COMMON, array_output_pull)(array_output_t array_output,
                                                          uint8_t *buf, size_t buf_len,
                                                          size_t *copied_out);
/* Optional: unsupported_feature when the host has no secrets manager. */
WASI_CRYPTO_IMPORT(WASI_CRYPTO_COMMON, secrets_manager_open)(const opt_options_t *options,
                                                             secrets_manager_t *manager_out);
WASI_CRYPTO_IMPORT(WASI_CRYPTO_COMMON, secrets_manager_close)(secrets_manager_t manager);
WASI_CRYPTO_IMPORT(WASI_CRYPTO_COMMON, secrets_manager_invalidate)(secrets_manager_t manager,
                                                                   const uint8_t *key_id,
                                                                   size_t key_id_len,
                                                                   version_t key_version);

/* ------------------------------------------------------------------------ */
/* wasi_ephemeral_crypto_asymmetric_common (20 functions)                   */
/* ------------------------------------------------------------------------ */

#define WASI_CRYPTO_ASYMMETRIC_COMMON "wasi_ephemeral_crypto_asymmetric_common"

WASI_CRYPTO_IMPORT(WASI_CRYPTO_ASYMMETRIC_COMMON, keypair_generate)(
    algorithm_type_t algorithm_type, const char *algorithm, size_t algorithm_len,
    const opt_options_t *options, keypair_t *keypair_out);
WASI_CRYPTO_IMPORT(WASI_CRYPTO_ASYMMETRIC_COMMON, keypair_import)(
    algorithm_type_t algorithm_type, const char *algorithm, size_t algorithm_len,
    const uint8_t *encoded, size_t encoded_len, keypair_encoding_t encoding,
    keypair_t *keypair_out);
WASI_CRYPTO_IMPORT(WASI_CRYPTO_ASYMMETRIC_COMMON, keypair_generate_managed)(
    secrets_manager_t manager, algorithm_type_t algorithm_type, const char *algorithm,
    size_t algorithm_len, const opt_options_t *options, keypair_t *keypair_out);
/* Writes the id into kp_id; no length is returned (use keypair_id). */
WASI_CRYPTO_IMPORT(WASI_CRYPTO_ASYMMETRIC_COMMON, keypair_store_managed)(
    secrets_manager_t manager, keypair_t keypair, uint8_t *kp_id, size_t kp_id_max_len);
WASI_CRYPTO_IMPORT(WASI_CRYPTO_ASYMMETRIC_COMMON, keypair_replace_managed)(
    secrets_manager_t manager, keypair_t keypair_old, keypair_t keypair_new,
    version_t *version_out);
WASI_CRYPTO_IMPORT(WASI_CRYPTO_ASYMMETRIC_COMMON, keypair_id)(keypair_t keypair, uint8_t *kp_id,
                                                              size_t kp_id_max_len,
                                                              size_t *kp_id_len_out,
                                                              version_t *version_out);
WASI_CRYPTO_IMPORT(WASI_CRYPTO_ASYMMETRIC_COMMON, keypair_from_id)(secrets_manager_t manager,
                                                                   const uint8_t *kp_id,
                                                                   size_t kp_id_len,
                                                                   version_t kp_version,
                                                                   keypair_t *keypair_out);
WASI_CRYPTO_IMPORT(WASI_CRYPTO_ASYMMETRIC_COMMON, keypair_from_pk_and_sk)(
    publickey_t publickey, secretkey_t secretkey, keypair_t *keypair_out);
WASI_CRYPTO_IMPORT(WASI_CRYPTO_ASYMMETRIC_COMMON, keypair_export)(keypair_t keypair,
                                                                  keypair_encoding_t encoding,
                                                                  array_output_t *encoded_out);
WASI_CRYPTO_IMPORT(WASI_CRYPTO_ASYMMETRIC_COMMON, keypair_publickey)(keypair_t keypair,
                                                                     publickey_t *publickey_out);
WASI_CRYPTO_IMPORT(WASI_CRYPTO_ASYMMETRIC_COMMON, keypair_secretkey)(keypair_t keypair,
                                                                     secretkey_t *secretkey_out);
WASI_CRYPTO_IMPORT(WASI_CRYPTO_ASYMMETRIC_COMMON, keypair_close)(keypair_t keypair);
WASI_CRYPTO_IMPORT(WASI_CRYPTO_ASYMMETRIC_COMMON, publickey_import)(
    algorithm_type_t algorithm_type, const char *algorithm, size_t algorithm_len,
    const uint8_t *encoded, size_t encoded_len, publickey_encoding_t encoding,
    publickey_t *publickey_out);
WASI_CRYPTO_IMPORT(WASI_CRYPTO_ASYMMETRIC_COMMON, publickey_export)(
    publickey_t publickey, publickey_encoding_t encoding, array_output_t *encoded_out);
WASI_CRYPTO_IMPORT(WASI_CRYPTO_ASYMMETRIC_COMMON, publickey_verify)(publickey_t publickey);
WASI_CRYPTO_IMPORT(WASI_CRYPTO_ASYMMETRIC_COMMON, publickey_from_secretkey)(
    secretkey_t secretkey, publickey_t *publickey_out);
WASI_CRYPTO_IMPORT(WASI_CRYPTO_ASYMMETRIC_COMMON, publickey_close)(publickey_t publickey);
WASI_CRYPTO_IMPORT(WASI_CRYPTO_ASYMMETRIC_COMMON, secretkey_import)(
    algorithm_type_t algorithm_type, const char *algorithm, size_t algorithm_len,
    const uint8_t *encoded, size_t encoded_len, secretkey_encoding_t encoding,
    secretkey_t *secretkey_out);
WASI_CRYPTO_IMPORT(WASI_CRYPTO_ASYMMETRIC_COMMON, secretkey_export)(
    secretkey_t secretkey, secretkey_encoding_t encoding, array_output_t *encoded_out);
WASI_CRYPTO_IMPORT(WASI_CRYPTO_ASYMMETRIC_COMMON, secretkey_close)(secretkey_t secretkey);

/* ------------------------------------------------------------------------ */
/* wasi_ephemeral_crypto_signatures (11 functions)                          */
/* ------------------------------------------------------------------------ */

#define WASI_CRYPTO_SIGNATURES "wasi_ephemeral_crypto_signatures"

WASI_CRYPTO_IMPORT(WASI_CRYPTO_SIGNATURES, signature_export)(signature_t signature,
                                                             signature_encoding_t encoding,
                                                             array_output_t *encoded_out);
/* Note: no algorithm_type parameter. */
WASI_CRYPTO_IMPORT(WASI_CRYPTO_SIGNATURES, signature_import)(const char *algorithm,
                                                             size_t algorithm_len,
                                                             const uint8_t *encoded,
                                                             size_t encoded_len,
                                                             signature_encoding_t encoding,
                                                             signature_t *signature_out);
WASI_CRYPTO_IMPORT(WASI_CRYPTO_SIGNATURES, signature_state_open)(
    signature_keypair_t keypair, signature_state_t *state_out);
WASI_CRYPTO_IMPORT(WASI_CRYPTO_SIGNATURES, signature_state_update)(signature_state_t state,
                                                                   const uint8_t *input,
                                                                   size_t input_len);
/* Writes a signature handle (the WITX text says array_output; every host writes a signature). */
WASI_CRYPTO_IMPORT(WASI_CRYPTO_SIGNATURES, signature_state_sign)(signature_state_t state,
                                                                 signature_t *signature_out);
WASI_CRYPTO_IMPORT(WASI_CRYPTO_SIGNATURES, signature_state_close)(signature_state_t state);
WASI_CRYPTO_IMPORT(WASI_CRYPTO_SIGNATURES, signature_verification_state_open)(
    signature_publickey_t publickey, signature_verification_state_t *state_out);
WASI_CRYPTO_IMPORT(WASI_CRYPTO_SIGNATURES, signature_verification_state_update)(
    signature_verification_state_t state, const uint8_t *input, size_t input_len);
WASI_CRYPTO_IMPORT(WASI_CRYPTO_SIGNATURES, signature_verification_state_verify)(
    signature_verification_state_t state, signature_t signature);
WASI_CRYPTO_IMPORT(WASI_CRYPTO_SIGNATURES, signature_verification_state_close)(
    signature_verification_state_t state);
WASI_CRYPTO_IMPORT(WASI_CRYPTO_SIGNATURES, signature_close)(signature_t signature);

/* ------------------------------------------------------------------------ */
/* wasi_ephemeral_crypto_symmetric (28 functions)                           */
/* ------------------------------------------------------------------------ */

#define WASI_CRYPTO_SYMMETRIC "wasi_ephemeral_crypto_symmetric"

WASI_CRYPTO_IMPORT(WASI_CRYPTO_SYMMETRIC, symmetric_key_generate)(const char *algorithm,
                                                                  size_t algorithm_len,
                                                                  const opt_options_t *options,
                                                                  symmetric_key_t *key_out);
WASI_CRYPTO_IMPORT(WASI_CRYPTO_SYMMETRIC, symmetric_key_import)(const char *algorithm,
                                                                size_t algorithm_len,
                                                                const uint8_t *raw,
                                                                size_t raw_len,
                                                                symmetric_key_t *key_out);
WASI_CRYPTO_IMPORT(WASI_CRYPTO_SYMMETRIC, symmetric_key_export)(symmetric_key_t key,
                                                                array_output_t *raw_out);
WASI_CRYPTO_IMPORT(WASI_CRYPTO_SYMMETRIC, symmetric_key_close)(symmetric_key_t key);
WASI_CRYPTO_IMPORT(WASI_CRYPTO_SYMMETRIC, symmetric_key_generate_managed)(
    secrets_manager_t manager, const char *algorithm, size_t algorithm_len,
    const opt_options_t *options, symmetric_key_t *key_out);
WASI_CRYPTO_IMPORT(WASI_CRYPTO_SYMMETRIC, symmetric_key_store_managed)(
    secrets_manager_t manager, symmetric_key_t key, uint8_t *key_id, size_t key_id_max_len);
WASI_CRYPTO_IMPORT(WASI_CRYPTO_SYMMETRIC, symmetric_key_replace_managed)(
    secrets_manager_t manager, symmetric_key_t key_old, symmetric_key_t key_new,
    version_t *version_out);
WASI_CRYPTO_IMPORT(WASI_CRYPTO_SYMMETRIC, symmetric_key_id)(symmetric_key_t key,
                                                            uint8_t *key_id,
                                                            size_t key_id_max_len,
                                                            size_t *key_id_len_out,
                                                            version_t *version_out);
WASI_CRYPTO_IMPORT(WASI_CRYPTO_SYMMETRIC, symmetric_key_from_id)(secrets_manager_t manager,
                                                                 const uint8_t *key_id,
                                                                 size_t key_id_len,
                                                                 version_t key_version,
                                                                 symmetric_key_t *key_out);
WASI_CRYPTO_IMPORT(WASI_CRYPTO_SYMMETRIC, symmetric_state_open)(const char *algorithm,
                                                                size_t algorithm_len,
                                                                const opt_symmetric_key_t *key,
                                                                const opt_options_t *options,
                                                                symmetric_state_t *state_out);
/* Writes the value into a guest buffer (not an array_output) and returns its length. */
WASI_CRYPTO_IMPORT(WASI_CRYPTO_SYMMETRIC, symmetric_state_options_get)(
    symmetric_state_t state, const char *name, size_t name_len, uint8_t *value,
    size_t value_max_len, size_t *value_len_out);
WASI_CRYPTO_IMPORT(WASI_CRYPTO_SYMMETRIC, symmetric_state_options_get_u64)(
    symmetric_state_t state, const char *name, size_t name_len, uint64_t *value_out);
/* A deep copy: the two states evolve independently. */
WASI_CRYPTO_IMPORT(WASI_CRYPTO_SYMMETRIC, symmetric_state_clone)(symmetric_state_t state,
                                                                 symmetric_state_t *clone_out);
WASI_CRYPTO_IMPORT(WASI_CRYPTO_SYMMETRIC, symmetric_state_close)(symmetric_state_t state);
WASI_CRYPTO_IMPORT(WASI_CRYPTO_SYMMETRIC, symmetric_state_absorb)(symmetric_state_t state,
                                                                  const uint8_t *data,
                                                                  size_t data_len);
WASI_CRYPTO_IMPORT(WASI_CRYPTO_SYMMETRIC, symmetric_state_squeeze)(symmetric_state_t state,
                                                                   uint8_t *out, size_t out_len);
WASI_CRYPTO_IMPORT(WASI_CRYPTO_SYMMETRIC, symmetric_state_squeeze_tag)(
    symmetric_state_t state, symmetric_tag_t *tag_out);
WASI_CRYPTO_IMPORT(WASI_CRYPTO_SYMMETRIC, symmetric_state_squeeze_key)(
    symmetric_state_t state, const char *algorithm, size_t algorithm_len,
    symmetric_key_t *key_out);
WASI_CRYPTO_IMPORT(WASI_CRYPTO_SYMMETRIC, symmetric_state_max_tag_len)(symmetric_state_t state,
                                                                       size_t *len_out);
/* out may alias data (in-place); out_len must be data_len + max_tag_len. */
WASI_CRYPTO_IMPORT(WASI_CRYPTO_SYMMETRIC, symmetric_state_encrypt)(symmetric_state_t state,
                                                                   uint8_t *out, size_t out_len,
                                                                   const uint8_t *data,
                                                                   size_t data_len,
                                                                   size_t *written_out);
/* out_len must be data_len. */
WASI_CRYPTO_IMPORT(WASI_CRYPTO_SYMMETRIC, symmetric_state_encrypt_detached)(
    symmetric_state_t state, uint8_t *out, size_t out_len, const uint8_t *data, size_t data_len,
    symmetric_tag_t *tag_out);
/* out_len must be data_len - max_tag_len; on invalid_tag the output is zeroed. */
WASI_CRYPTO_IMPORT(WASI_CRYPTO_SYMMETRIC, symmetric_state_decrypt)(symmetric_state_t state,
                                                                   uint8_t *out, size_t out_len,
                                                                   const uint8_t *data,
                                                                   size_t data_len,
                                                                   size_t *written_out);
WASI_CRYPTO_IMPORT(WASI_CRYPTO_SYMMETRIC, symmetric_state_decrypt_detached)(
    symmetric_state_t state, uint8_t *out, size_t out_len, const uint8_t *data, size_t data_len,
    const uint8_t *raw_tag, size_t raw_tag_len, size_t *written_out);
WASI_CRYPTO_IMPORT(WASI_CRYPTO_SYMMETRIC, symmetric_state_ratchet)(symmetric_state_t state);
WASI_CRYPTO_IMPORT(WASI_CRYPTO_SYMMETRIC, symmetric_tag_len)(symmetric_tag_t tag,
                                                             size_t *len_out);
/* buf_len must equal the tag length; success closes the tag handle. */
WASI_CRYPTO_IMPORT(WASI_CRYPTO_SYMMETRIC, symmetric_tag_pull)(symmetric_tag_t tag, uint8_t *buf,
                                                              size_t buf_len,
                                                              size_t *copied_out);
/* Constant-time comparison; invalid_tag on mismatch. */
WASI_CRYPTO_IMPORT(WASI_CRYPTO_SYMMETRIC, symmetric_tag_verify)(symmetric_tag_t tag,
                                                                const uint8_t *expected,
                                                                size_t expected_len);
WASI_CRYPTO_IMPORT(WASI_CRYPTO_SYMMETRIC, symmetric_tag_close)(symmetric_tag_t tag);

/* ------------------------------------------------------------------------ */
/* wasi_ephemeral_crypto_kx (3 functions)                                   */
/* ------------------------------------------------------------------------ */

#define WASI_CRYPTO_KX "wasi_ephemeral_crypto_kx"

WASI_CRYPTO_IMPORT(WASI_CRYPTO_KX, kx_dh)(kx_publickey_t publickey, kx_secretkey_t secretkey,
                                          array_output_t *shared_secret_out);
/* Writes the secret first, then the encapsulated secret. */
WASI_CRYPTO_IMPORT(WASI_CRYPTO_KX, kx_encapsulate)(kx_publickey_t publickey,
                                                   array_output_t *secret_out,
                                                   array_output_t *encapsulated_out);
WASI_CRYPTO_IMPORT(WASI_CRYPTO_KX, kx_decapsulate)(kx_secretkey_t secretkey,
                                                   const uint8_t *encapsulated,
                                                   size_t encapsulated_len,
                                                   array_output_t *secret_out);

/* ------------------------------------------------------------------------ */
/* wasi_ephemeral_crypto_external_secrets (6 functions, optional)           */
/* ------------------------------------------------------------------------ */

#define WASI_CRYPTO_EXTERNAL_SECRETS "wasi_ephemeral_crypto_external_secrets"

/* Writes the id into secret_id; no length is returned. */
WASI_CRYPTO_IMPORT(WASI_CRYPTO_EXTERNAL_SECRETS, external_secret_store)(
    secrets_manager_t manager, const uint8_t *secret, size_t secret_len, timestamp_t expiration,
    uint8_t *secret_id, size_t secret_id_max_len);
WASI_CRYPTO_IMPORT(WASI_CRYPTO_EXTERNAL_SECRETS, external_secret_replace)(
    secrets_manager_t manager, const uint8_t *secret, size_t secret_len, timestamp_t expiration,
    const uint8_t *secret_id, size_t secret_id_len, version_t *version_out);
WASI_CRYPTO_IMPORT(WASI_CRYPTO_EXTERNAL_SECRETS, external_secret_from_id)(
    secrets_manager_t manager, const uint8_t *secret_id, size_t secret_id_len,
    version_t secret_version, array_output_t *secret_out);
WASI_CRYPTO_IMPORT(WASI_CRYPTO_EXTERNAL_SECRETS, external_secret_invalidate)(
    secrets_manager_t manager, const uint8_t *secret_id, size_t secret_id_len,
    version_t secret_version);
WASI_CRYPTO_IMPORT(WASI_CRYPTO_EXTERNAL_SECRETS, external_secret_encapsulate)(
    secrets_manager_t manager, const uint8_t *secret, size_t secret_len, timestamp_t expiration,
    array_output_t *encapsulated_out);
WASI_CRYPTO_IMPORT(WASI_CRYPTO_EXTERNAL_SECRETS, external_secret_decapsulate)(
    secrets_manager_t manager, const uint8_t *encapsulated, size_t encapsulated_len,
    array_output_t *secret_out);

#undef WASI_CRYPTO_IMPORT

#ifdef __cplusplus
}
#endif

#endif /* CRYPTOBRIDGE_WASI_CRYPTO_H */
