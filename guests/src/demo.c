/*
 * demo.c - the README's "main job": a guest that hashes, authenticates, derives a key,
 * encrypts, signs and verifies, and agrees on a key through wasi-crypto, printing each result.
 * Exits 0 on success.
 *
 * Each step is one function returning 0 on success; to show more of the API, add a step
 * function and a line in STEPS below.
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

/* Reads an array_output into buf (at most max bytes); the host closes the handle once read. */
static int pull_all(array_output_t output, uint8_t *buf, size_t max, size_t *len) {
    size_t copied;
    TRY("array_output_len", array_output_len(output, len));
    if (*len > max) {
        fprintf(stderr, "array_output of %zu bytes does not fit %zu\n", *len, max);
        return 1;
    }
    TRY("array_output_pull", array_output_pull(output, buf, *len, &copied));
    if (copied != *len) {
        fprintf(stderr, "array_output_pull copied %zu of %zu bytes\n", copied, *len);
        return 1;
    }
    return 0;
}

/*
 * The RFC 8032 section 7.1 TEST 1 key pair (seed || public key): a fixed key makes the demo's
 * Ed25519 signature a known answer. A real guest would call keypair_generate instead.
 */
static const uint8_t ED25519_KEYPAIR[64] = {
    0x9d, 0x61, 0xb1, 0x9d, 0xef, 0xfd, 0x5a, 0x60, 0xba, 0x84, 0x4a, 0xf4, 0x92, 0xec, 0x2c, 0xc4,
    0x44, 0x49, 0xc5, 0x69, 0x7b, 0x32, 0x69, 0x19, 0x70, 0x3b, 0xac, 0x03, 0x1c, 0xae, 0x7f, 0x60,
    0xd7, 0x5a, 0x98, 0x01, 0x82, 0xb1, 0x0a, 0xb7, 0xd5, 0x4b, 0xfe, 0xd3, 0xc9, 0x64, 0x07, 0x3a,
    0x0e, 0xe1, 0x72, 0xf3, 0xda, 0xa6, 0x23, 0x25, 0xaf, 0x02, 0x1a, 0x68, 0xf7, 0x07, 0x51, 0x1a,
};

/* Verifies `signature` over `message` with `publickey`; returns the errno of verify. */
static crypto_errno_t verify_message(publickey_t publickey, signature_t signature,
                                     const uint8_t *message, size_t message_len) {
    signature_verification_state_t state;
    crypto_errno_t rc = signature_verification_state_open(publickey, &state);
    if (rc != CRYPTO_ERRNO_SUCCESS) return rc;
    rc = signature_verification_state_update(state, message, message_len);
    if (rc == CRYPTO_ERRNO_SUCCESS) rc = signature_verification_state_verify(state, signature);
    crypto_errno_t closed = signature_verification_state_close(state);
    return rc != CRYPTO_ERRNO_SUCCESS ? rc : closed;
}

/* Ed25519: sign a message, export the signature, verify it, and see a changed message fail. */
static int ed25519_sign_verify(void) {
    static const char message[] = "hello wasi-crypto";
    static const char tampered[] = "hello wasi-crypt0";
    keypair_t keypair;
    publickey_t publickey;
    signature_state_t state;
    signature_t signature;
    array_output_t exported;
    uint8_t signature_bytes[64];
    size_t len;

    TRY("import Ed25519 key pair",
        keypair_import(ALGORITHM_TYPE_SIGNATURES, STR("Ed25519"), ED25519_KEYPAIR,
                       sizeof ED25519_KEYPAIR, KEYPAIR_ENCODING_RAW, &keypair));
    TRY("signature_state_open", signature_state_open(keypair, &state));
    TRY("signature_state_update", signature_state_update(state, BYTES(message)));
    TRY("signature_state_sign", signature_state_sign(state, &signature));
    TRY("signature_state_close", signature_state_close(state));
    TRY("signature_export", signature_export(signature, SIGNATURE_ENCODING_RAW, &exported));
    if (pull_all(exported, signature_bytes, sizeof signature_bytes, &len)) return 1;
    print_hex("Ed25519 signature:", signature_bytes, len);

    TRY("keypair_publickey", keypair_publickey(keypair, &publickey));
    TRY("verify", verify_message(publickey, signature, BYTES(message)));
    printf("%-24s %s\n", "Ed25519 verify:", "valid");
    crypto_errno_t rc = verify_message(publickey, signature, BYTES(tampered));
    if (rc != CRYPTO_ERRNO_INVALID_SIGNATURE) {
        fprintf(stderr, "a changed message verified with %s\n", crypto_errno_name(rc));
        return 1;
    }
    printf("%-24s %s\n", "Ed25519 changed message:", crypto_errno_name(rc));

    TRY("signature_close", signature_close(signature));
    TRY("publickey_close", publickey_close(publickey));
    TRY("keypair_close", keypair_close(keypair));
    return 0;
}

/* One side of a key exchange: its secret key with the peer's public key. */
static int x25519_dh(keypair_t own, keypair_t peer, uint8_t secret[32]) {
    publickey_t peer_public;
    secretkey_t own_secret;
    array_output_t output;
    size_t len;
    TRY("keypair_publickey", keypair_publickey(peer, &peer_public));
    TRY("keypair_secretkey", keypair_secretkey(own, &own_secret));
    TRY("kx_dh", kx_dh(peer_public, own_secret, &output));
    TRY("publickey_close", publickey_close(peer_public));
    TRY("secretkey_close", secretkey_close(own_secret));
    if (pull_all(output, secret, 32, &len)) return 1;
    if (len != 32) {
        fprintf(stderr, "X25519 secret of %zu bytes\n", len);
        return 1;
    }
    return 0;
}

/* X25519: two generated key pairs; each side's kx_dh must give the same secret. */
static int x25519_key_exchange(void) {
    keypair_t alice, bob;
    uint8_t alice_secret[32], bob_secret[32];

    TRY("generate X25519 (alice)",
        keypair_generate(ALGORITHM_TYPE_KEY_EXCHANGE, STR("X25519"), &NO_OPTIONS, &alice));
    TRY("generate X25519 (bob)",
        keypair_generate(ALGORITHM_TYPE_KEY_EXCHANGE, STR("X25519"), &NO_OPTIONS, &bob));
    if (x25519_dh(alice, bob, alice_secret) || x25519_dh(bob, alice, bob_secret)) return 1;
    TRY("keypair_close", keypair_close(alice));
    TRY("keypair_close", keypair_close(bob));
    if (memcmp(alice_secret, bob_secret, sizeof alice_secret) != 0) {
        fprintf(stderr, "the two sides derived different secrets\n");
        return 1;
    }
    printf("%-24s %s\n", "X25519 kx_dh both ways:", "same 32-byte secret");
    return 0;
}

static const struct {
    const char *name;
    int (*run)(void);
} STEPS[] = {
    {"sha256", sha256},
    {"hmac", hmac_sha256},
    {"hkdf", derive_key},
    {"aes-256-gcm", encrypt_with_derived_key},
    {"ed25519", ed25519_sign_verify},
    {"x25519", x25519_key_exchange},
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
