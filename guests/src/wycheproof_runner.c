/*
 * wycheproof_runner.c - a reactor guest with one entry point per primitive, so that JUnit can
 * drive Wycheproof vectors through the real wasi-crypto ABI.
 *
 * Every entry point takes (pointer, length) pairs in this guest's memory (use the exported
 * alloc/dealloc), returns the first crypto_errno that was not success, and closes every
 * handle it opened on every path, so a long run never leaks handles.
 */
#include <stdlib.h>
#include <string.h>

#include "wasi_crypto.h"

#define EXPORT(name) __attribute__((export_name(#name)))

static const opt_options_t NO_OPTIONS = {OPT_NONE, 0};

/* The handles one entry point may hold; 0 means "not open" (no key/state/options handle is 0). */
struct handles {
    symmetric_key_t key;
    options_t options;
    symmetric_state_t state;
    symmetric_tag_t tag;
};

static void close_all(struct handles *h) {
    if (h->tag) symmetric_tag_close(h->tag);
    if (h->state) symmetric_state_close(h->state);
    if (h->options) options_close(h->options);
    if (h->key) symmetric_key_close(h->key);
}

EXPORT(alloc) uint8_t *guest_alloc(size_t size) {
    return malloc(size == 0 ? 1 : size);
}

EXPORT(dealloc) void guest_dealloc(uint8_t *pointer) {
    free(pointer);
}

#define CHECK(call)                               \
    do {                                          \
        rc = (call);                              \
        if (rc != CRYPTO_ERRNO_SUCCESS) goto done; \
    } while (0)

/* Imports the key, sets the nonce, opens the state and absorbs the associated data. */
static crypto_errno_t open_aead(struct handles *h, const char *alg, size_t alg_len,
                                const uint8_t *key, size_t key_len, const uint8_t *nonce,
                                size_t nonce_len, const uint8_t *aad, size_t aad_len) {
    crypto_errno_t rc;
    CHECK(symmetric_key_import(alg, alg_len, key, key_len, &h->key));
    CHECK(options_open(ALGORITHM_TYPE_SYMMETRIC, &h->options));
    CHECK(options_set(h->options, "nonce", 5, nonce, nonce_len));
    opt_symmetric_key_t some_key = opt_symmetric_key_some(h->key);
    opt_options_t some_options = opt_options_some(h->options);
    CHECK(symmetric_state_open(alg, alg_len, &some_key, &some_options, &h->state));
    CHECK(symmetric_state_absorb(h->state, aad, aad_len));
done:
    return rc;
}

/* Seals msg into out (msg_len + tag length bytes): ciphertext || tag. */
EXPORT(aead_encrypt)
crypto_errno_t aead_encrypt(const char *alg, size_t alg_len, const uint8_t *key, size_t key_len,
                            const uint8_t *nonce, size_t nonce_len, const uint8_t *aad,
                            size_t aad_len, const uint8_t *msg, size_t msg_len, uint8_t *out) {
    struct handles h = {0};
    size_t tag_len = 0, written = 0;
    crypto_errno_t rc;
    CHECK(open_aead(&h, alg, alg_len, key, key_len, nonce, nonce_len, aad, aad_len));
    CHECK(symmetric_state_max_tag_len(h.state, &tag_len));
    CHECK(symmetric_state_encrypt(h.state, out, msg_len + tag_len, msg, msg_len, &written));
done:
    close_all(&h);
    return rc;
}

/* Seals msg into out_ct (msg_len bytes) and pulls the tag into out_tag (tag_len bytes). */
EXPORT(aead_encrypt_detached)
crypto_errno_t aead_encrypt_detached(const char *alg, size_t alg_len, const uint8_t *key,
                                     size_t key_len, const uint8_t *nonce, size_t nonce_len,
                                     const uint8_t *aad, size_t aad_len, const uint8_t *msg,
                                     size_t msg_len, uint8_t *out_ct, uint8_t *out_tag,
                                     size_t tag_len) {
    struct handles h = {0};
    size_t copied = 0;
    crypto_errno_t rc;
    CHECK(open_aead(&h, alg, alg_len, key, key_len, nonce, nonce_len, aad, aad_len));
    CHECK(symmetric_state_encrypt_detached(h.state, out_ct, msg_len, msg, msg_len, &h.tag));
    rc = symmetric_tag_pull(h.tag, out_tag, tag_len, &copied);
    if (rc == CRYPTO_ERRNO_SUCCESS) h.tag = 0; /* pulling closed it */
done:
    close_all(&h);
    return rc;
}

/* Opens ct (ciphertext || tag) into out, which holds ct_len - tag length bytes. */
EXPORT(aead_decrypt)
crypto_errno_t aead_decrypt(const char *alg, size_t alg_len, const uint8_t *key, size_t key_len,
                            const uint8_t *nonce, size_t nonce_len, const uint8_t *aad,
                            size_t aad_len, const uint8_t *ct, size_t ct_len, uint8_t *out) {
    struct handles h = {0};
    size_t tag_len = 0, written = 0;
    crypto_errno_t rc;
    CHECK(open_aead(&h, alg, alg_len, key, key_len, nonce, nonce_len, aad, aad_len));
    CHECK(symmetric_state_max_tag_len(h.state, &tag_len));
    CHECK(symmetric_state_decrypt(h.state, out, ct_len >= tag_len ? ct_len - tag_len : 0, ct,
                                  ct_len, &written));
done:
    close_all(&h);
    return rc;
}

/* Opens a ciphertext with a separate tag into out (ct_len bytes). */
EXPORT(aead_decrypt_detached)
crypto_errno_t aead_decrypt_detached(const char *alg, size_t alg_len, const uint8_t *key,
                                     size_t key_len, const uint8_t *nonce, size_t nonce_len,
                                     const uint8_t *aad, size_t aad_len, const uint8_t *ct,
                                     size_t ct_len, const uint8_t *tag, size_t tag_len,
                                     uint8_t *out) {
    struct handles h = {0};
    size_t written = 0;
    crypto_errno_t rc;
    CHECK(open_aead(&h, alg, alg_len, key, key_len, nonce, nonce_len, aad, aad_len));
    CHECK(symmetric_state_decrypt_detached(h.state, out, ct_len, ct, ct_len, tag, tag_len,
                                           &written));
done:
    close_all(&h);
    return rc;
}

static crypto_errno_t open_mac(struct handles *h, const char *alg, size_t alg_len,
                               const uint8_t *key, size_t key_len, const uint8_t *msg,
                               size_t msg_len) {
    crypto_errno_t rc;
    CHECK(symmetric_key_import(alg, alg_len, key, key_len, &h->key));
    opt_symmetric_key_t some_key = opt_symmetric_key_some(h->key);
    CHECK(symmetric_state_open(alg, alg_len, &some_key, &NO_OPTIONS, &h->state));
    CHECK(symmetric_state_absorb(h->state, msg, msg_len));
    CHECK(symmetric_state_squeeze_tag(h->state, &h->tag));
done:
    return rc;
}

/* Computes the MAC of msg and pulls the tag into out (out_len must be the tag length). */
EXPORT(mac_compute)
crypto_errno_t mac_compute(const char *alg, size_t alg_len, const uint8_t *key, size_t key_len,
                           const uint8_t *msg, size_t msg_len, uint8_t *out, size_t out_len) {
    struct handles h = {0};
    size_t copied = 0;
    crypto_errno_t rc;
    CHECK(open_mac(&h, alg, alg_len, key, key_len, msg, msg_len));
    rc = symmetric_tag_pull(h.tag, out, out_len, &copied);
    if (rc == CRYPTO_ERRNO_SUCCESS) h.tag = 0; /* pulling closed it */
done:
    close_all(&h);
    return rc;
}

/* Verifies a MAC tag with symmetric_tag_verify (success or invalid_tag). */
EXPORT(mac_verify)
crypto_errno_t mac_verify(const char *alg, size_t alg_len, const uint8_t *key, size_t key_len,
                          const uint8_t *msg, size_t msg_len, const uint8_t *expected,
                          size_t expected_len) {
    struct handles h = {0};
    crypto_errno_t rc;
    CHECK(open_mac(&h, alg, alg_len, key, key_len, msg, msg_len));
    rc = symmetric_tag_verify(h.tag, expected, expected_len);
done:
    close_all(&h);
    return rc;
}

/* HKDF: EXTRACT(ikm, salt) -> PRK key -> EXPAND(PRK, info) into out (out_len bytes). */
EXPORT(hkdf)
crypto_errno_t hkdf(const char *extract_alg, size_t extract_alg_len, const char *expand_alg,
                    size_t expand_alg_len, const uint8_t *ikm, size_t ikm_len,
                    const uint8_t *salt, size_t salt_len, const uint8_t *info, size_t info_len,
                    uint8_t *out, size_t out_len) {
    struct handles extract = {0}, expand = {0};
    crypto_errno_t rc;
    CHECK(symmetric_key_import(extract_alg, extract_alg_len, ikm, ikm_len, &extract.key));
    opt_symmetric_key_t some_ikm = opt_symmetric_key_some(extract.key);
    CHECK(symmetric_state_open(extract_alg, extract_alg_len, &some_ikm, &NO_OPTIONS,
                               &extract.state));
    CHECK(symmetric_state_absorb(extract.state, salt, salt_len));
    CHECK(symmetric_state_squeeze_key(extract.state, expand_alg, expand_alg_len, &expand.key));
    opt_symmetric_key_t some_prk = opt_symmetric_key_some(expand.key);
    CHECK(symmetric_state_open(expand_alg, expand_alg_len, &some_prk, &NO_OPTIONS,
                               &expand.state));
    CHECK(symmetric_state_absorb(expand.state, info, info_len));
    CHECK(symmetric_state_squeeze(expand.state, out, out_len));
done:
    close_all(&expand);
    close_all(&extract);
    return rc;
}
