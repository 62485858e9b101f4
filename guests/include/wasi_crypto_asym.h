/*
 * wasi-crypto WITX 0.10 core imports used by the asymmetric guests: common (options, array_output,
 * secrets manager), asymmetric_common, signatures and kx. Lowering per shared/spec §1.1: strings and
 * buffers are (ptr, len), opt_options is a pointer to an 8-byte {u8 tag; u32 handle} with tag
 * 0 = some, results are trailing out-pointers, every function returns the crypto_errno.
 *
 * Self-contained on purpose: the asymmetric guests do not depend on wasi_crypto.h so that the two
 * headers can evolve separately. Do not include both in one translation unit.
 */
#ifndef WASI_CRYPTO_ASYM_H
#define WASI_CRYPTO_ASYM_H

#include <stddef.h>
#include <stdint.h>

#define WC_IMPORT(mod, name) __attribute__((import_module(mod), import_name(name)))
#define WC_COMMON "wasi_ephemeral_crypto_common"
#define WC_ASYM "wasi_ephemeral_crypto_asymmetric_common"
#define WC_SIG "wasi_ephemeral_crypto_signatures"
#define WC_KX "wasi_ephemeral_crypto_kx"

typedef uint32_t wc_handle;
typedef uint64_t wc_version;

/* crypto_errno */
enum {
    WC_SUCCESS = 0, WC_GUEST_ERROR = 1, WC_NOT_IMPLEMENTED = 2, WC_UNSUPPORTED_FEATURE = 3,
    WC_PROHIBITED_OPERATION = 4, WC_UNSUPPORTED_ENCODING = 5, WC_UNSUPPORTED_ALGORITHM = 6,
    WC_UNSUPPORTED_OPTION = 7, WC_INVALID_KEY = 8, WC_INVALID_LENGTH = 9,
    WC_VERIFICATION_FAILED = 10, WC_RNG_ERROR = 11, WC_ALGORITHM_FAILURE = 12,
    WC_INVALID_SIGNATURE = 13, WC_CLOSED = 14, WC_INVALID_HANDLE = 15, WC_OVERFLOW = 16,
    WC_INTERNAL_ERROR = 17, WC_TOO_MANY_HANDLES = 18, WC_KEY_NOT_SUPPORTED = 19,
    WC_KEY_REQUIRED = 20, WC_INVALID_TAG = 21, WC_INVALID_OPERATION = 22, WC_NONCE_REQUIRED = 23,
    WC_INVALID_NONCE = 24, WC_OPTION_NOT_SET = 25, WC_NOT_FOUND = 26, WC_PARAMETERS_MISSING = 27,
    WC_IN_PROGRESS = 28, WC_INCOMPATIBLE_KEYS = 29, WC_EXPIRED = 30
};

/* algorithm_type */
enum { WC_ALG_SIGNATURES = 0, WC_ALG_SYMMETRIC = 1, WC_ALG_KEY_EXCHANGE = 2 };
/* keypair_encoding */
enum { WC_KP_RAW = 0, WC_KP_PKCS8 = 1, WC_KP_PEM = 2, WC_KP_LOCAL = 3 };
/* publickey_encoding and secretkey_encoding share their values */
enum { WC_K_RAW = 0, WC_K_PKCS8 = 1, WC_K_PEM = 2, WC_K_SEC = 3, WC_K_LOCAL = 4 };
/* signature_encoding */
enum { WC_SIG_RAW = 0, WC_SIG_DER = 1 };

#define WC_VERSION_LATEST 0xff00000000000001ULL

typedef struct {
    uint8_t tag; /* 0 = some, 1 = none */
    wc_handle handle;
} wc_opt_handle;

/* common */
WC_IMPORT(WC_COMMON, "options_open") int32_t options_open(int32_t alg_type, wc_handle *out);
WC_IMPORT(WC_COMMON, "options_close") int32_t options_close(wc_handle options);
WC_IMPORT(WC_COMMON, "array_output_len") int32_t array_output_len(wc_handle ao, size_t *len);
WC_IMPORT(WC_COMMON, "array_output_pull")
int32_t array_output_pull(wc_handle ao, uint8_t *buf, size_t buf_len, size_t *nread);
WC_IMPORT(WC_COMMON, "secrets_manager_open")
int32_t secrets_manager_open(const wc_opt_handle *options, wc_handle *out);

/* asymmetric_common */
WC_IMPORT(WC_ASYM, "keypair_generate")
int32_t keypair_generate(int32_t alg_type, const char *alg, size_t alg_len,
                         const wc_opt_handle *options, wc_handle *out);
WC_IMPORT(WC_ASYM, "keypair_import")
int32_t keypair_import(int32_t alg_type, const char *alg, size_t alg_len, const uint8_t *enc,
                       size_t enc_len, int32_t encoding, wc_handle *out);
WC_IMPORT(WC_ASYM, "keypair_generate_managed")
int32_t keypair_generate_managed(wc_handle sm, int32_t alg_type, const char *alg, size_t alg_len,
                                 const wc_opt_handle *options, wc_handle *out);
WC_IMPORT(WC_ASYM, "keypair_store_managed")
int32_t keypair_store_managed(wc_handle sm, wc_handle kp, uint8_t *id, size_t id_max_len);
WC_IMPORT(WC_ASYM, "keypair_replace_managed")
int32_t keypair_replace_managed(wc_handle sm, wc_handle kp_old, wc_handle kp_new,
                                wc_version *version);
WC_IMPORT(WC_ASYM, "keypair_id")
int32_t keypair_id(wc_handle kp, uint8_t *id, size_t id_max_len, size_t *id_len,
                   wc_version *version);
WC_IMPORT(WC_ASYM, "keypair_from_id")
int32_t keypair_from_id(wc_handle sm, const uint8_t *id, size_t id_len, wc_version version,
                        wc_handle *out);
WC_IMPORT(WC_ASYM, "keypair_from_pk_and_sk")
int32_t keypair_from_pk_and_sk(wc_handle pk, wc_handle sk, wc_handle *out);
WC_IMPORT(WC_ASYM, "keypair_export")
int32_t keypair_export(wc_handle kp, int32_t encoding, wc_handle *out);
WC_IMPORT(WC_ASYM, "keypair_publickey") int32_t keypair_publickey(wc_handle kp, wc_handle *out);
WC_IMPORT(WC_ASYM, "keypair_secretkey") int32_t keypair_secretkey(wc_handle kp, wc_handle *out);
WC_IMPORT(WC_ASYM, "keypair_close") int32_t keypair_close(wc_handle kp);
WC_IMPORT(WC_ASYM, "publickey_import")
int32_t publickey_import(int32_t alg_type, const char *alg, size_t alg_len, const uint8_t *enc,
                         size_t enc_len, int32_t encoding, wc_handle *out);
WC_IMPORT(WC_ASYM, "publickey_export")
int32_t publickey_export(wc_handle pk, int32_t encoding, wc_handle *out);
WC_IMPORT(WC_ASYM, "publickey_verify") int32_t publickey_verify(wc_handle pk);
WC_IMPORT(WC_ASYM, "publickey_from_secretkey")
int32_t publickey_from_secretkey(wc_handle sk, wc_handle *out);
WC_IMPORT(WC_ASYM, "publickey_close") int32_t publickey_close(wc_handle pk);
WC_IMPORT(WC_ASYM, "secretkey_import")
int32_t secretkey_import(int32_t alg_type, const char *alg, size_t alg_len, const uint8_t *enc,
                         size_t enc_len, int32_t encoding, wc_handle *out);
WC_IMPORT(WC_ASYM, "secretkey_export")
int32_t secretkey_export(wc_handle sk, int32_t encoding, wc_handle *out);
WC_IMPORT(WC_ASYM, "secretkey_close") int32_t secretkey_close(wc_handle sk);

/* signatures */
WC_IMPORT(WC_SIG, "signature_export")
int32_t signature_export(wc_handle sig, int32_t encoding, wc_handle *out);
WC_IMPORT(WC_SIG, "signature_import")
int32_t signature_import(const char *alg, size_t alg_len, const uint8_t *enc, size_t enc_len,
                         int32_t encoding, wc_handle *out);
WC_IMPORT(WC_SIG, "signature_state_open")
int32_t signature_state_open(wc_handle kp, wc_handle *out);
WC_IMPORT(WC_SIG, "signature_state_update")
int32_t signature_state_update(wc_handle state, const uint8_t *data, size_t len);
WC_IMPORT(WC_SIG, "signature_state_sign")
int32_t signature_state_sign(wc_handle state, wc_handle *sig_out);
WC_IMPORT(WC_SIG, "signature_state_close") int32_t signature_state_close(wc_handle state);
WC_IMPORT(WC_SIG, "signature_verification_state_open")
int32_t signature_verification_state_open(wc_handle pk, wc_handle *out);
WC_IMPORT(WC_SIG, "signature_verification_state_update")
int32_t signature_verification_state_update(wc_handle state, const uint8_t *data, size_t len);
WC_IMPORT(WC_SIG, "signature_verification_state_verify")
int32_t signature_verification_state_verify(wc_handle state, wc_handle sig);
WC_IMPORT(WC_SIG, "signature_verification_state_close")
int32_t signature_verification_state_close(wc_handle state);
WC_IMPORT(WC_SIG, "signature_close") int32_t signature_close(wc_handle sig);

/* kx */
WC_IMPORT(WC_KX, "kx_dh") int32_t kx_dh(wc_handle pk, wc_handle sk, wc_handle *out);
WC_IMPORT(WC_KX, "kx_encapsulate")
int32_t kx_encapsulate(wc_handle pk, wc_handle *secret_out, wc_handle *encapsulated_out);
WC_IMPORT(WC_KX, "kx_decapsulate")
int32_t kx_decapsulate(wc_handle sk, const uint8_t *enc, size_t enc_len, wc_handle *out);

#endif
