/*
 * The benchmark guest: a WASI reactor whose exports run one wasi-crypto operation on a buffer in
 * its own memory, exactly as a real guest would (fresh nonce and state per message).
 *
 *   setup_aes()      generates an AES-256-GCM key and an options set; returns an errno
 *   seal(len)        seals `len` bytes (<= 1 MiB): options_set(nonce) + state_open + encrypt +
 *                    state_close; returns an errno
 *   sha256(len)      hashes `len` bytes: state_open + absorb + squeeze + state_close; returns an errno
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

EXPORT("setup_aes") int32_t setup_aes(void) {
    opt_handle none = {1, 0};
    int32_t handle;
    int32_t rc = symmetric_key_generate(AES, sizeof AES - 1, &none, &handle);
    if (rc != 0) return rc;
    key = (opt_handle){0, (uint32_t) handle};
    rc = options_open(1 /* symmetric */, &handle);
    if (rc != 0) return rc;
    options = (opt_handle){0, (uint32_t) handle};
    for (size_t i = 0; i < MAX_LEN; i++) input[i] = (uint8_t) i;
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
