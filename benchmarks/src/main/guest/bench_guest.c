/*
 * The benchmark guest: a WASI reactor whose exports run one wasi-crypto operation on a buffer in
 * its own memory, exactly as a real guest would (fresh nonce and state per message).
 *
 *   setup_aes()      generates an AES-256-GCM key and an options set; returns an errno
 *   seal(len)        seals `len` bytes (<= 1 MiB): options_set(nonce) + state_open + encrypt +
 *                    state_close; returns an errno
 *   sha256(len)      hashes `len` bytes: state_open + absorb + squeeze + state_close; returns an errno
 *   setup_signature(alg, len)
 *                    generates a key pair of SIG_ALGS[alg], takes its public key, and signs `len`
 *                    bytes once so that verify has a signature; returns an errno
 *   sign(alg, len)   signs `len` bytes and copies the raw signature out, as a guest that sends it
 *                    would: signature_state_open + update + sign + signature_export +
 *                    array_output_len + array_output_pull + signature_close + state_close
 *   verify(alg, len) verifies the setup's signature bytes over `len` bytes, as a guest that
 *                    received them would: signature_import + verification_state_open + update +
 *                    verify + verification_state_close + signature_close
 *
 * Build: see build.sh next to this file.
 */
#include <stdint.h>
#include <string.h>

#define CRYPTO(mod, name) __attribute__((import_module("wasi_ephemeral_crypto_" mod), import_name(name)))
#define EXPORT(name) __attribute__((export_name(name)))

typedef struct {
    uint8_t tag; /* 0 = some, 1 = none */
    uint32_t handle;
} opt_handle;

CRYPTO("common", "options_open") int32_t options_open(int32_t type, int32_t *out);
CRYPTO("common", "options_set")
int32_t options_set(int32_t opts, const char *name, size_t name_len, const uint8_t *v, size_t v_len);
CRYPTO("symmetric", "symmetric_key_generate")
int32_t symmetric_key_generate(const char *alg, size_t alg_len, const opt_handle *opts, int32_t *out);
CRYPTO("symmetric", "symmetric_state_open")
int32_t symmetric_state_open(const char *alg, size_t alg_len, const opt_handle *key,
                             const opt_handle *opts, int32_t *out);
CRYPTO("symmetric", "symmetric_state_absorb")
int32_t symmetric_state_absorb(int32_t state, const uint8_t *data, size_t len);
CRYPTO("symmetric", "symmetric_state_squeeze")
int32_t symmetric_state_squeeze(int32_t state, uint8_t *out, size_t len);
CRYPTO("symmetric", "symmetric_state_encrypt")
int32_t symmetric_state_encrypt(int32_t state, uint8_t *out, size_t out_len, const uint8_t *data,
                                size_t data_len, size_t *written);
CRYPTO("symmetric", "symmetric_state_close") int32_t symmetric_state_close(int32_t state);
CRYPTO("common", "array_output_len") int32_t array_output_len(int32_t output, size_t *len);
CRYPTO("common", "array_output_pull")
int32_t array_output_pull(int32_t output, uint8_t *buf, size_t buf_len, size_t *copied);
CRYPTO("asymmetric_common", "keypair_generate")
int32_t keypair_generate(int32_t type, const char *alg, size_t alg_len, const opt_handle *opts,
                         int32_t *out);
CRYPTO("asymmetric_common", "keypair_publickey") int32_t keypair_publickey(int32_t kp, int32_t *out);
CRYPTO("signatures", "signature_state_open") int32_t signature_state_open(int32_t kp, int32_t *out);
CRYPTO("signatures", "signature_state_update")
int32_t signature_state_update(int32_t state, const uint8_t *data, size_t len);
CRYPTO("signatures", "signature_state_sign") int32_t signature_state_sign(int32_t state, int32_t *out);
CRYPTO("signatures", "signature_state_close") int32_t signature_state_close(int32_t state);
CRYPTO("signatures", "signature_export")
int32_t signature_export(int32_t signature, int32_t encoding, int32_t *out);
CRYPTO("signatures", "signature_import")
int32_t signature_import(const char *alg, size_t alg_len, const uint8_t *encoded, size_t len,
                         int32_t encoding, int32_t *out);
CRYPTO("signatures", "signature_close") int32_t signature_close(int32_t signature);
CRYPTO("signatures", "signature_verification_state_open")
int32_t signature_verification_state_open(int32_t pk, int32_t *out);
CRYPTO("signatures", "signature_verification_state_update")
int32_t signature_verification_state_update(int32_t state, const uint8_t *data, size_t len);
CRYPTO("signatures", "signature_verification_state_verify")
int32_t signature_verification_state_verify(int32_t state, int32_t signature);
CRYPTO("signatures", "signature_verification_state_close")
int32_t signature_verification_state_close(int32_t state);

#define MAX_LEN (1024 * 1024)
#define TAG_LEN 16

static const char AES[] = "AES-256-GCM";
static const char SHA[] = "SHA-256";
static uint8_t input[MAX_LEN];
static uint8_t output[MAX_LEN + TAG_LEN];
static uint8_t nonce[12];
static uint64_t counter;
static opt_handle key = {1, 0};
static opt_handle options = {1, 0};

static void fill_input(void) {
    for (size_t i = 0; i < MAX_LEN; i++) input[i] = (uint8_t) i;
}

EXPORT("setup_aes") int32_t setup_aes(void) {
    opt_handle none = {1, 0};
    int32_t handle;
    int32_t rc = symmetric_key_generate(AES, sizeof AES - 1, &none, &handle);
    if (rc != 0) return rc;
    key = (opt_handle){0, (uint32_t) handle};
    rc = options_open(1 /* symmetric */, &handle);
    if (rc != 0) return rc;
    options = (opt_handle){0, (uint32_t) handle};
    fill_input();
    return 0;
}

EXPORT("seal") int32_t seal(uint32_t len) {
    int32_t state;
    size_t written;
    if (len > MAX_LEN) return 9; /* invalid_length */
    counter++;
    memcpy(nonce, &counter, sizeof counter); /* a fresh nonce for every message */
    int32_t rc = options_set((int32_t) options.handle, "nonce", 5, nonce, sizeof nonce);
    if (rc != 0) return rc;
    rc = symmetric_state_open(AES, sizeof AES - 1, &key, &options, &state);
    if (rc != 0) return rc;
    rc = symmetric_state_encrypt(state, output, len + TAG_LEN, input, len, &written);
    symmetric_state_close(state);
    return rc;
}

EXPORT("sha256") int32_t sha256(uint32_t len) {
    opt_handle none = {1, 0};
    int32_t state;
    if (len > MAX_LEN) return 9;
    int32_t rc = symmetric_state_open(SHA, sizeof SHA - 1, &none, &none, &state);
    if (rc != 0) return rc;
    rc = symmetric_state_absorb(state, input, len);
    if (rc == 0) rc = symmetric_state_squeeze(state, output, 32);
    symmetric_state_close(state);
    return rc;
}

#define SIGNATURES 0 /* algorithm_type */
#define ENCODING_RAW 0 /* signature_encoding */
#define MAX_SIGNATURE 512
#define SIG_COUNT 3

static const char *const SIG_ALGS[SIG_COUNT] = {"Ed25519", "ECDSA_P256_SHA256",
                                                "RSA_PKCS1_2048_SHA256"};
static int32_t sig_keypair[SIG_COUNT];
static int32_t sig_publickey[SIG_COUNT];
static uint8_t sig_bytes[SIG_COUNT][MAX_SIGNATURE];
static size_t sig_len[SIG_COUNT];

/* Signs `len` input bytes with the key pair of `alg` and copies the raw signature to `out`. */
static int32_t sign_into(uint32_t alg, uint32_t len, uint8_t *out, size_t *out_len) {
    int32_t state, signature, exported;
    int32_t rc = signature_state_open(sig_keypair[alg], &state);
    if (rc != 0) return rc;
    rc = signature_state_update(state, input, len);
    if (rc == 0) rc = signature_state_sign(state, &signature);
    signature_state_close(state);
    if (rc != 0) return rc;
    rc = signature_export(signature, ENCODING_RAW, &exported);
    signature_close(signature);
    if (rc != 0) return rc;
    rc = array_output_len(exported, out_len);
    if (rc != 0) return rc;
    if (*out_len > MAX_SIGNATURE) return 16; /* overflow */
    size_t copied;
    return array_output_pull(exported, out, *out_len, &copied); /* closes the output */
}

EXPORT("setup_signature") int32_t setup_signature(uint32_t alg, uint32_t len) {
    opt_handle none = {1, 0};
    if (alg >= SIG_COUNT || len > MAX_LEN) return 9;
    fill_input();
    const char *name = SIG_ALGS[alg];
    int32_t rc = keypair_generate(SIGNATURES, name, strlen(name), &none, &sig_keypair[alg]);
    if (rc == 0) rc = keypair_publickey(sig_keypair[alg], &sig_publickey[alg]);
    if (rc == 0) rc = sign_into(alg, len, sig_bytes[alg], &sig_len[alg]);
    return rc;
}

EXPORT("sign") int32_t sign(uint32_t alg, uint32_t len) {
    size_t written;
    if (alg >= SIG_COUNT || len > MAX_LEN) return 9;
    return sign_into(alg, len, output, &written);
}

EXPORT("verify") int32_t verify(uint32_t alg, uint32_t len) {
    int32_t signature, state;
    if (alg >= SIG_COUNT || len > MAX_LEN) return 9;
    const char *name = SIG_ALGS[alg];
    int32_t rc = signature_import(name, strlen(name), sig_bytes[alg], sig_len[alg], ENCODING_RAW,
                                  &signature);
    if (rc != 0) return rc;
    rc = signature_verification_state_open(sig_publickey[alg], &state);
    if (rc == 0) {
        rc = signature_verification_state_update(state, input, len);
        if (rc == 0) rc = signature_verification_state_verify(state, signature);
        signature_verification_state_close(state);
    }
    signature_close(signature);
    return rc;
}
