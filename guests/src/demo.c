/*
 * demo.c - the README's "main job": a guest that hashes, authenticates, derives a key and
 * encrypts through wasi-crypto, printing each result in hex. Exits 0 on success.
 *
 * Each step is one function returning 0 on success; to show more of the API (signatures,
 * key exchange), add a step function and a line in STEPS below.
 */
#include <stdio.h>
#include <string.h>

#include "wasi_crypto.h"

#define STR(literal) (literal), (sizeof(literal) - 1)
#define BYTES(literal) (const uint8_t *)(literal), (sizeof(literal) - 1)

static const opt_options_t NO_OPTIONS = {OPT_NONE, 0};
static const opt_symmetric_key_t NO_KEY = {OPT_NONE, 0};

/* Reports a failed call and returns non-zero, so a step can `return failed(...)`. */
static int failed(const char *what, crypto_errno_t rc) {
    fprintf(stderr, "%s failed: %s\n", what, crypto_errno_name(rc));
    return 1;
}

#define TRY(what, call)                                 \
    do {                                                \
        crypto_errno_t rc_ = (call);                    \
        if (rc_ != CRYPTO_ERRNO_SUCCESS) return failed(what, rc_); \
    } while (0)

static void print_hex(const char *label, const uint8_t *bytes, size_t len) {
    printf("%-24s ", label);
    for (size_t i = 0; i < len; i++) printf("%02x", bytes[i]);
    putchar('\n');
}

static int sha256(void) {
    symmetric_state_t state;
    uint8_t digest[32];
    TRY("open SHA-256", symmetric_state_open(STR("SHA-256"), &NO_KEY, &NO_OPTIONS, &state));
    TRY("absorb", symmetric_state_absorb(state, BYTES("hello wasi-crypto")));
    TRY("squeeze", symmetric_state_squeeze(state, digest, sizeof digest));
    TRY("close", symmetric_state_close(state));
    print_hex("SHA-256:", digest, sizeof digest);
    return 0;
}

static int hmac_sha256(void) {
    symmetric_key_t key;
    symmetric_state_t state;
    symmetric_tag_t tag;
    uint8_t tag_bytes[32];
    size_t len;
    TRY("import HMAC key",
        symmetric_key_import(STR("HMAC/SHA-256"), BYTES("a secret shared key"), &key));
    opt_symmetric_key_t some_key = opt_symmetric_key_some(key);
    TRY("open HMAC/SHA-256",
        symmetric_state_open(STR("HMAC/SHA-256"), &some_key, &NO_OPTIONS, &state));
    TRY("absorb", symmetric_state_absorb(state, BYTES("hello wasi-crypto")));
    TRY("squeeze_tag", symmetric_state_squeeze_tag(state, &tag));
    TRY("tag_pull", symmetric_tag_pull(tag, tag_bytes, sizeof tag_bytes, &len));
    TRY("close", symmetric_state_close(state));
    TRY("close key", symmetric_key_close(key));
    print_hex("HMAC-SHA-256:", tag_bytes, len);
    return 0;
}

/* HKDF: extract a PRK from input keying material and a salt, expand it with an info string. */
static int hkdf(uint8_t *okm, size_t okm_len) {
    symmetric_key_t ikm, prk;
    symmetric_state_t state;
    TRY("import IKM", symmetric_key_import(STR("HKDF-EXTRACT/SHA-256"),
                                           BYTES("input keying material"), &ikm));
    opt_symmetric_key_t some_ikm = opt_symmetric_key_some(ikm);
    TRY("open HKDF-EXTRACT",
        symmetric_state_open(STR("HKDF-EXTRACT/SHA-256"), &some_ikm, &NO_OPTIONS, &state));
    TRY("absorb salt", symmetric_state_absorb(state, BYTES("salt")));
    TRY("squeeze_key", symmetric_state_squeeze_key(state, STR("HKDF-EXPAND/SHA-256"), &prk));
    TRY("close", symmetric_state_close(state));
    opt_symmetric_key_t some_prk = opt_symmetric_key_some(prk);
    TRY("open HKDF-EXPAND",
        symmetric_state_open(STR("HKDF-EXPAND/SHA-256"), &some_prk, &NO_OPTIONS, &state));
    TRY("absorb info", symmetric_state_absorb(state, BYTES("demo encryption key")));
    TRY("squeeze", symmetric_state_squeeze(state, okm, okm_len));
    TRY("close", symmetric_state_close(state));
    TRY("close PRK", symmetric_key_close(prk));
    TRY("close IKM", symmetric_key_close(ikm));
    print_hex("HKDF-SHA-256 (32 bytes):", okm, okm_len);
    return 0;
}

/* Opens an AES-256-GCM state for a key and a 12-byte nonce, with associated data. */
static int open_aead(symmetric_key_t key, const uint8_t nonce[12], symmetric_state_t *state) {
    options_t options;
    TRY("options_open", options_open(ALGORITHM_TYPE_SYMMETRIC, &options));
    TRY("set nonce", options_set(options, STR("nonce"), nonce, 12));
    opt_symmetric_key_t some_key = opt_symmetric_key_some(key);
    opt_options_t some_options = opt_options_some(options);
    TRY("open AES-256-GCM",
        symmetric_state_open(STR("AES-256-GCM"), &some_key, &some_options, state));
    TRY("options_close", options_close(options));
    TRY("absorb AD", symmetric_state_absorb(*state, BYTES("demo header")));
    return 0;
}

/* AES-256-GCM round trip with the HKDF output as the key. */
static int aes_gcm_round_trip(const uint8_t *key_bytes) {
    static const char message[] = "attack at dawn";
    const uint8_t nonce[12] = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
    uint8_t sealed[sizeof message - 1 + 16], opened[sizeof message - 1];
    symmetric_key_t key;
    symmetric_state_t state;
    size_t len;

    TRY("import AES key", symmetric_key_import(STR("AES-256-GCM"), key_bytes, 32, &key));
    if (open_aead(key, nonce, &state)) return 1;
    TRY("encrypt", symmetric_state_encrypt(state, sealed, sizeof sealed,
                                           (const uint8_t *)message, sizeof message - 1, &len));
    TRY("close", symmetric_state_close(state));
    print_hex("AES-256-GCM sealed:", sealed, len);

    if (open_aead(key, nonce, &state)) return 1;
    TRY("decrypt",
        symmetric_state_decrypt(state, opened, sizeof opened, sealed, sizeof sealed, &len));
    TRY("close", symmetric_state_close(state));
    TRY("close key", symmetric_key_close(key));
    printf("%-24s %.*s\n", "AES-256-GCM opened:", (int)len, (const char *)opened);
    if (len != sizeof message - 1 || memcmp(opened, message, len) != 0) {
        fprintf(stderr, "round trip changed the message\n");
        return 1;
    }
    return 0;
}

static uint8_t derived_key[32];

static int derive_key(void) {
    return hkdf(derived_key, sizeof derived_key);
}

static int encrypt_with_derived_key(void) {
    return aes_gcm_round_trip(derived_key);
}

static const struct {
    const char *name;
    int (*run)(void);
} STEPS[] = {
    {"sha256", sha256},
    {"hmac", hmac_sha256},
    {"hkdf", derive_key},
    {"aes-256-gcm", encrypt_with_derived_key},
};

int main(void) {
    for (size_t i = 0; i < sizeof STEPS / sizeof STEPS[0]; i++) {
        if (STEPS[i].run() != 0) {
            fprintf(stderr, "demo step %s failed\n", STEPS[i].name);
            return 1;
        }
    }
    printf("demo: all steps succeeded\n");
    return 0;
}
