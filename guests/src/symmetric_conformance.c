/*
 * symmetric_conformance.c - calls every function of wasi_ephemeral_crypto_common and
 * wasi_ephemeral_crypto_symmetric, checks known answers, and provokes every error the
 * spec (and cryptobridge's documented decisions) name for them.
 *
 * One line per check ("ok - name" / "FAIL - name: expected X got Y"), a "1..N" plan
 * line at the end, exit status 1 if anything failed.
 */
#include <stdlib.h>

#include "check.h"
#include "wasi_crypto.h"

/* Handles that no host ever issues for the named type. */
#define BOGUS_HANDLE 0x7f00beefu

static const opt_options_t NO_OPTIONS = {OPT_NONE, 0};
static const opt_symmetric_key_t NO_KEY = {OPT_NONE, 0};

/* Large enough for the longest HKDF-EXPAND/SHA-512 output (255 * 64 bytes) plus one. */
static uint8_t scratch[255 * 64 + 1];

/* ------------------------------------------------------------------------ */
/* Setup helpers: silent on success, a FAIL line when setup itself breaks.  */
/* ------------------------------------------------------------------------ */

static int setup_ok(const char *what, crypto_errno_t rc) {
    if (rc != CRYPTO_ERRNO_SUCCESS) {
        check_fail(what, "setup failed with %s", crypto_errno_name(rc));
        return 0;
    }
    return 1;
}

static symmetric_key_t import_key(const char *alg, const uint8_t *raw, size_t raw_len) {
    symmetric_key_t key = BOGUS_HANDLE;
    setup_ok(alg, symmetric_key_import(alg, strlen(alg), raw, raw_len, &key));
    return key;
}

static symmetric_key_t import_key_hex(const char *alg, const char *hex) {
    uint8_t raw[128];
    return import_key(alg, raw, hex_decode(hex, raw));
}

static symmetric_key_t generate_key(const char *alg) {
    symmetric_key_t key = BOGUS_HANDLE;
    setup_ok(alg, symmetric_key_generate(alg, strlen(alg), &NO_OPTIONS, &key));
    return key;
}

static options_t symmetric_options(void) {
    options_t options = BOGUS_HANDLE;
    setup_ok("options_open", options_open(ALGORITHM_TYPE_SYMMETRIC, &options));
    return options;
}

static options_t nonce_options(const uint8_t *nonce, size_t nonce_len) {
    options_t options = symmetric_options();
    setup_ok("options_set nonce", options_set(options, STR("nonce"), nonce, nonce_len));
    return options;
}

static symmetric_state_t open_state(const char *alg, symmetric_key_t key, options_t options) {
    symmetric_state_t state = BOGUS_HANDLE;
    opt_symmetric_key_t k = opt_symmetric_key_some(key);
    opt_options_t o = opt_options_some(options);
    setup_ok(alg, symmetric_state_open(alg, strlen(alg), key == 0 ? &NO_KEY : &k,
                                       options == 0 ? &NO_OPTIONS : &o, &state));
    return state;
}

static crypto_errno_t try_open(const char *alg, symmetric_key_t key, options_t options) {
    symmetric_state_t state = BOGUS_HANDLE;
    opt_symmetric_key_t k = opt_symmetric_key_some(key);
    opt_options_t o = opt_options_some(options);
    crypto_errno_t rc = symmetric_state_open(alg, strlen(alg), key == 0 ? &NO_KEY : &k,
                                             options == 0 ? &NO_OPTIONS : &o, &state);
    if (rc == CRYPTO_ERRNO_SUCCESS) symmetric_state_close(state);
    return rc;
}

/* Pulls a whole array_output into out; returns its length (0 on failure). */
static size_t pull_all(array_output_t output, uint8_t *out, size_t max) {
    size_t len = 0, copied = 0;
    if (!setup_ok("array_output_len", array_output_len(output, &len))) return 0;
    if (len > max) {
        check_fail("pull_all", "array output of %zu bytes exceeds %zu", len, max);
        return 0;
    }
    if (!setup_ok("array_output_pull", array_output_pull(output, out, len, &copied))) return 0;
    return copied;
}

static size_t export_key(symmetric_key_t key, uint8_t *out, size_t max) {
    array_output_t output;
    if (!setup_ok("symmetric_key_export", symmetric_key_export(key, &output))) return 0;
    return pull_all(output, out, max);
}

/* Squeezes a tag and pulls it into out; returns its length. */
static size_t squeeze_tag_bytes(symmetric_state_t state, uint8_t *out, size_t max) {
    symmetric_tag_t tag;
    size_t len = 0, copied = 0;
    if (!setup_ok("squeeze_tag", symmetric_state_squeeze_tag(state, &tag))) return 0;
    if (!setup_ok("symmetric_tag_len", symmetric_tag_len(tag, &len))) return 0;
    if (len > max) return 0;
    if (!setup_ok("symmetric_tag_pull", symmetric_tag_pull(tag, out, len, &copied))) return 0;
    return copied;
}

/* ------------------------------------------------------------------------ */
/* wasi_ephemeral_crypto_common: options                                    */
/* ------------------------------------------------------------------------ */

static void test_options(void) {
    options_t options, signature_options, scratch_options;
    uint8_t nonce[12] = {0};

    check_errno("options_open symmetric", CRYPTO_ERRNO_SUCCESS,
                options_open(ALGORITHM_TYPE_SYMMETRIC, &options));
    check_errno("options_open signatures", CRYPTO_ERRNO_SUCCESS,
                options_open(ALGORITHM_TYPE_SIGNATURES, &signature_options));
    check_errno("options_open key_exchange", CRYPTO_ERRNO_SUCCESS,
                options_open(ALGORITHM_TYPE_KEY_EXCHANGE, &scratch_options));
    check_errno("options_close key_exchange options", CRYPTO_ERRNO_SUCCESS,
                options_close(scratch_options));
    check_errno("options_open unknown algorithm_type -> guest_error", CRYPTO_ERRNO_GUEST_ERROR,
                options_open(3, &scratch_options));

    check_errno("options_set nonce", CRYPTO_ERRNO_SUCCESS,
                options_set(options, STR("nonce"), nonce, sizeof nonce));
    check_errno("options_set name is case-insensitive", CRYPTO_ERRNO_SUCCESS,
                options_set(options, STR("NoNcE"), nonce, sizeof nonce));
    check_errno("options_set context", CRYPTO_ERRNO_SUCCESS,
                options_set(options, STR("context"), (const uint8_t *)"ctx", 3));
    check_errno("options_set salt", CRYPTO_ERRNO_SUCCESS,
                options_set(options, STR("salt"), (const uint8_t *)"salt", 4));
    check_errno("options_set unknown name -> unsupported_option", CRYPTO_ERRNO_UNSUPPORTED_OPTION,
                options_set(options, STR("frobnicate"), nonce, sizeof nonce));
    check_errno("options_set_u64 memory_limit", CRYPTO_ERRNO_SUCCESS,
                options_set_u64(options, STR("memory_limit"), 1u << 20));
    check_errno("options_set_u64 ops_limit", CRYPTO_ERRNO_SUCCESS,
                options_set_u64(options, STR("ops_limit"), 3));
    check_errno("options_set_u64 parallelism", CRYPTO_ERRNO_SUCCESS,
                options_set_u64(options, STR("parallelism"), 1));
    check_errno("options_set_u64 unknown name -> unsupported_option",
                CRYPTO_ERRNO_UNSUPPORTED_OPTION,
                options_set_u64(options, STR("frobnicate"), 1));
    check_errno("options_set_u64 on a byte-string name -> unsupported_option",
                CRYPTO_ERRNO_UNSUPPORTED_OPTION, options_set_u64(options, STR("nonce"), 1));
    check_errno("options_set_guest_buffer buffer", CRYPTO_ERRNO_SUCCESS,
                options_set_guest_buffer(options, STR("buffer"), scratch, 64));
    check_errno("options_set_guest_buffer unknown name -> unsupported_option",
                CRYPTO_ERRNO_UNSUPPORTED_OPTION,
                options_set_guest_buffer(options, STR("nonce"), scratch, 64));

    check_errno("options_set invalid handle -> invalid_handle", CRYPTO_ERRNO_INVALID_HANDLE,
                options_set(BOGUS_HANDLE, STR("nonce"), nonce, sizeof nonce));
    check_errno("options_set_u64 invalid handle -> invalid_handle", CRYPTO_ERRNO_INVALID_HANDLE,
                options_set_u64(BOGUS_HANDLE, STR("ops_limit"), 1));
    check_errno("options_set_guest_buffer invalid handle -> invalid_handle",
                CRYPTO_ERRNO_INVALID_HANDLE,
                options_set_guest_buffer(BOGUS_HANDLE, STR("buffer"), scratch, 64));

    check_errno("options_close", CRYPTO_ERRNO_SUCCESS, options_close(options));
    check_errno("options_close twice -> closed", CRYPTO_ERRNO_CLOSED, options_close(options));
    check_errno("options_set after close -> invalid_handle", CRYPTO_ERRNO_INVALID_HANDLE,
                options_set(options, STR("nonce"), nonce, sizeof nonce));
    check_errno("options_close never-issued handle -> invalid_handle",
                CRYPTO_ERRNO_INVALID_HANDLE, options_close(BOGUS_HANDLE));
    check_errno("options_close signatures", CRYPTO_ERRNO_SUCCESS,
                options_close(signature_options));
}

/* ------------------------------------------------------------------------ */
/* wasi_ephemeral_crypto_common: array_output                                */
/* ------------------------------------------------------------------------ */

static void test_array_output(void) {
    uint8_t raw[40], pulled[40];
    array_output_t output;
    size_t len = 0, copied = 0, total = 0;
    unsigned pulls = 0;
    int chunk_sizes_ok = 1;

    for (size_t i = 0; i < sizeof raw; i++) raw[i] = (uint8_t)(i * 3 + 1);
    symmetric_key_t key = import_key("HMAC/SHA-256", raw, sizeof raw);

    check_errno("symmetric_key_export", CRYPTO_ERRNO_SUCCESS, symmetric_key_export(key, &output));
    check_errno("array_output_len", CRYPTO_ERRNO_SUCCESS, array_output_len(output, &len));
    check_size("array_output_len is the key length", 40, len);
    check_errno("array_output_pull of 0 bytes", CRYPTO_ERRNO_SUCCESS,
                array_output_pull(output, pulled, 0, &copied));
    check_size("array_output_pull of 0 bytes copies nothing", 0, copied);
    check_errno("array_output_len after an empty pull (handle still open)", CRYPTO_ERRNO_SUCCESS,
                array_output_len(output, &len));

    /* Stream the 40 bytes in 7-byte chunks: 7,7,7,7,7,5. */
    while (total < sizeof pulled && pulls < 10) {
        crypto_errno_t rc = array_output_pull(output, pulled + total, 7, &copied);
        if (rc != CRYPTO_ERRNO_SUCCESS) {
            check_errno("array_output_pull in 7-byte chunks", CRYPTO_ERRNO_SUCCESS, rc);
            break;
        }
        size_t expected = sizeof pulled - total < 7 ? sizeof pulled - total : 7;
        if (copied != expected) chunk_sizes_ok = 0;
        total += copied;
        pulls++;
    }
    check_true("array_output_pull streams 7,7,7,7,7,5", chunk_sizes_ok && pulls == 6,
               "six pulls of min(7, remaining)");
    check_true("streamed bytes equal the key", total == 40 && memcmp(raw, pulled, 40) == 0,
               "the imported key bytes");
    check_errno("array_output_len after the last byte -> invalid_handle (closed)",
                CRYPTO_ERRNO_INVALID_HANDLE, array_output_len(output, &len));
    check_errno("array_output_pull after the last byte -> invalid_handle",
                CRYPTO_ERRNO_INVALID_HANDLE, array_output_pull(output, pulled, 7, &copied));

    /* A buffer larger than the rest takes everything and closes the handle. */
    check_errno("symmetric_key_export again", CRYPTO_ERRNO_SUCCESS,
                symmetric_key_export(key, &output));
    check_errno("array_output_pull into a larger buffer", CRYPTO_ERRNO_SUCCESS,
                array_output_pull(output, scratch, 100, &copied));
    check_size("array_output_pull into a larger buffer copies everything", 40, copied);
    check_errno("array_output_len after a full pull -> invalid_handle",
                CRYPTO_ERRNO_INVALID_HANDLE, array_output_len(output, &len));

    check_errno("array_output_len never-issued handle -> invalid_handle",
                CRYPTO_ERRNO_INVALID_HANDLE, array_output_len(BOGUS_HANDLE, &len));
    check_errno("array_output_len with a key handle -> invalid_handle",
                CRYPTO_ERRNO_INVALID_HANDLE, array_output_len(key, &len));
    check_errno("array_output_pull with a key handle -> invalid_handle",
                CRYPTO_ERRNO_INVALID_HANDLE, array_output_pull(key, scratch, 8, &copied));
    symmetric_key_close(key);
}

/* ------------------------------------------------------------------------ */
/* Secrets manager and managed keys. A host without a secrets manager must  */
/* answer unsupported_feature to every managed function; on a host with one */
/* they are checked by managed_keys.c, and only what holds on both kinds of */
/* host is checked here.                                                    */
/* ------------------------------------------------------------------------ */

static void test_secrets_manager(void) {
    secrets_manager_t manager = 0;
    symmetric_key_t key = generate_key("AES-128-GCM"), out_key;
    uint8_t id[64];
    size_t id_len;
    version_t version;

    crypto_errno_t opened = secrets_manager_open(&NO_OPTIONS, &manager);
    check_errno("symmetric_key_id of an unmanaged key -> unsupported_feature",
                CRYPTO_ERRNO_UNSUPPORTED_FEATURE,
                symmetric_key_id(key, id, sizeof id, &id_len, &version));
    if (opened == CRYPTO_ERRNO_SUCCESS) {
        printf("# the host has a secrets manager: managed_keys.c checks its functions\n");
        check_pass("secrets_manager_open (the host has a secrets manager)");
        check_errno("secrets_manager_close", CRYPTO_ERRNO_SUCCESS, secrets_manager_close(manager));
        symmetric_key_close(key);
        return;
    }
    check_errno("secrets_manager_open -> unsupported_feature", CRYPTO_ERRNO_UNSUPPORTED_FEATURE,
                opened);
    check_errno("secrets_manager_close -> unsupported_feature", CRYPTO_ERRNO_UNSUPPORTED_FEATURE,
                secrets_manager_close(manager));
    check_errno("secrets_manager_invalidate -> unsupported_feature",
                CRYPTO_ERRNO_UNSUPPORTED_FEATURE,
                secrets_manager_invalidate(manager, (const uint8_t *)"id", 2, VERSION_LATEST));
    check_errno("symmetric_key_generate_managed -> unsupported_feature",
                CRYPTO_ERRNO_UNSUPPORTED_FEATURE,
                symmetric_key_generate_managed(manager, STR("AES-128-GCM"), &NO_OPTIONS,
                                               &out_key));
    check_errno("symmetric_key_store_managed -> unsupported_feature",
                CRYPTO_ERRNO_UNSUPPORTED_FEATURE,
                symmetric_key_store_managed(manager, key, id, sizeof id));
    check_errno("symmetric_key_replace_managed -> unsupported_feature",
                CRYPTO_ERRNO_UNSUPPORTED_FEATURE,
                symmetric_key_replace_managed(manager, key, key, &version));
    check_errno("symmetric_key_from_id -> unsupported_feature", CRYPTO_ERRNO_UNSUPPORTED_FEATURE,
                symmetric_key_from_id(manager, id, 16, VERSION_LATEST, &out_key));
    symmetric_key_close(key);
}

/* ------------------------------------------------------------------------ */
/* Keys                                                                     */
/* ------------------------------------------------------------------------ */

static void test_key_generation(void) {
    static const struct {
        const char *alg;
        size_t len;
    } keyed[] = {
        {"HMAC/SHA-256", 32},         {"HMAC/SHA-512", 64},
        {"HKDF-EXTRACT/SHA-256", 32}, {"HKDF-EXTRACT/SHA-512", 64},
        {"AES-128-GCM", 16},          {"AES-256-GCM", 32},
        {"CHACHA20-POLY1305", 32},    {"XCHACHA20-POLY1305", 32},
    };
    static const char *const not_symmetric[] = {
        "Ed25519", "X25519", "ECDSA_P256_SHA256", "RSA_PKCS1_2048_SHA256",
        "ML-KEM-768", "AES-192-GCM", "SHA3-256", "",
    };
    char name[96];
    uint8_t a[64], b[64];

    for (size_t i = 0; i < sizeof keyed / sizeof keyed[0]; i++) {
        symmetric_key_t key = BOGUS_HANDLE;
        snprintf(name, sizeof name, "symmetric_key_generate %s", keyed[i].alg);
        check_errno(name, CRYPTO_ERRNO_SUCCESS,
                    symmetric_key_generate(keyed[i].alg, strlen(keyed[i].alg), &NO_OPTIONS, &key));
        snprintf(name, sizeof name, "generated %s key is %zu bytes", keyed[i].alg, keyed[i].len);
        check_size(name, keyed[i].len, export_key(key, a, sizeof a));
        symmetric_key_close(key);
    }

    symmetric_key_t k1 = generate_key("AES-256-GCM"), k2 = generate_key("AES-256-GCM");
    export_key(k1, a, sizeof a);
    export_key(k2, b, sizeof b);
    check_true("two generated keys differ", memcmp(a, b, 32) != 0, "different random keys");
    check_true("two generated keys have different handles", k1 != k2, "distinct handles");
    symmetric_key_close(k1);
    symmetric_key_close(k2);

    symmetric_key_t key;
    check_errno("symmetric_key_generate lower-case name", CRYPTO_ERRNO_SUCCESS,
                symmetric_key_generate(STR("aes-256-gcm"), &NO_OPTIONS, &key));
    symmetric_key_close(key);

    options_t options = symmetric_options();
    opt_options_t some = opt_options_some(options);
    check_errno("symmetric_key_generate with symmetric options", CRYPTO_ERRNO_SUCCESS,
                symmetric_key_generate(STR("AES-128-GCM"), &some, &key));
    symmetric_key_close(key);
    options_close(options);

    options_t signature_options;
    options_open(ALGORITHM_TYPE_SIGNATURES, &signature_options);
    some = opt_options_some(signature_options);
    check_errno("symmetric_key_generate with signatures options -> invalid_handle",
                CRYPTO_ERRNO_INVALID_HANDLE,
                symmetric_key_generate(STR("AES-128-GCM"), &some, &key));
    options_close(signature_options);
    some = opt_options_some(BOGUS_HANDLE);
    check_errno("symmetric_key_generate with an invalid options handle -> invalid_handle",
                CRYPTO_ERRNO_INVALID_HANDLE,
                symmetric_key_generate(STR("AES-128-GCM"), &some, &key));

    check_errno("symmetric_key_generate SHA-256 -> key_not_supported",
                CRYPTO_ERRNO_KEY_NOT_SUPPORTED,
                symmetric_key_generate(STR("SHA-256"), &NO_OPTIONS, &key));
    check_errno("symmetric_key_generate SHA-512/256 -> key_not_supported",
                CRYPTO_ERRNO_KEY_NOT_SUPPORTED,
                symmetric_key_generate(STR("SHA-512/256"), &NO_OPTIONS, &key));
    for (size_t i = 0; i < sizeof not_symmetric / sizeof not_symmetric[0]; i++) {
        snprintf(name, sizeof name, "symmetric_key_generate \"%s\" -> unsupported_algorithm",
                 not_symmetric[i]);
        check_errno(name, CRYPTO_ERRNO_UNSUPPORTED_ALGORITHM,
                    symmetric_key_generate(not_symmetric[i], strlen(not_symmetric[i]),
                                           &NO_OPTIONS, &key));
    }
}

static void test_key_import(void) {
    static const struct {
        const char *alg;
        size_t len;
        crypto_errno_t expected;
    } sizes[] = {
        {"AES-128-GCM", 16, CRYPTO_ERRNO_SUCCESS},
        {"AES-128-GCM", 15, CRYPTO_ERRNO_INVALID_KEY},
        {"AES-128-GCM", 17, CRYPTO_ERRNO_INVALID_KEY},
        {"AES-128-GCM", 32, CRYPTO_ERRNO_INVALID_KEY},
        {"AES-256-GCM", 32, CRYPTO_ERRNO_SUCCESS},
        {"AES-256-GCM", 16, CRYPTO_ERRNO_INVALID_KEY},
        {"AES-256-GCM", 24, CRYPTO_ERRNO_INVALID_KEY},
        {"CHACHA20-POLY1305", 32, CRYPTO_ERRNO_SUCCESS},
        {"CHACHA20-POLY1305", 31, CRYPTO_ERRNO_INVALID_KEY},
        {"XCHACHA20-POLY1305", 32, CRYPTO_ERRNO_SUCCESS},
        {"XCHACHA20-POLY1305", 33, CRYPTO_ERRNO_INVALID_KEY},
        {"HMAC/SHA-256", 1, CRYPTO_ERRNO_SUCCESS},
        {"HMAC/SHA-256", 200, CRYPTO_ERRNO_SUCCESS},
        {"HMAC/SHA-256", 0, CRYPTO_ERRNO_INVALID_KEY},
        {"HMAC/SHA-512", 0, CRYPTO_ERRNO_INVALID_KEY},
        {"HKDF-EXTRACT/SHA-256", 1, CRYPTO_ERRNO_SUCCESS},
        {"HKDF-EXTRACT/SHA-256", 0, CRYPTO_ERRNO_INVALID_KEY},
        {"HKDF-EXPAND/SHA-256", 32, CRYPTO_ERRNO_SUCCESS},
        {"HKDF-EXPAND/SHA-256", 31, CRYPTO_ERRNO_INVALID_KEY},
        {"HKDF-EXPAND/SHA-512", 64, CRYPTO_ERRNO_SUCCESS},
        {"HKDF-EXPAND/SHA-512", 63, CRYPTO_ERRNO_INVALID_KEY},
        {"SHA-256", 32, CRYPTO_ERRNO_KEY_NOT_SUPPORTED},
        {"SHA-512", 32, CRYPTO_ERRNO_KEY_NOT_SUPPORTED},
        {"X25519", 32, CRYPTO_ERRNO_UNSUPPORTED_ALGORITHM},
        {"Ed25519", 32, CRYPTO_ERRNO_UNSUPPORTED_ALGORITHM},
    };
    char name[112];
    uint8_t raw[200], exported[200];
    symmetric_key_t key;

    for (size_t i = 0; i < sizeof raw; i++) raw[i] = (uint8_t)(0xa0 ^ i);
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        snprintf(name, sizeof name, "symmetric_key_import %s with %zu bytes -> %s", sizes[i].alg,
                 sizes[i].len, crypto_errno_name(sizes[i].expected));
        crypto_errno_t rc =
            symmetric_key_import(sizes[i].alg, strlen(sizes[i].alg), raw, sizes[i].len, &key);
        check_errno(name, sizes[i].expected, rc);
        if (rc == CRYPTO_ERRNO_SUCCESS) symmetric_key_close(key);
    }

    key = import_key("AES-256-GCM", raw, 32);
    check_true("symmetric_key_export returns the imported bytes",
               export_key(key, exported, sizeof exported) == 32 && memcmp(raw, exported, 32) == 0,
               "the 32 imported bytes");
    check_errno("symmetric_key_close", CRYPTO_ERRNO_SUCCESS, symmetric_key_close(key));
    check_errno("symmetric_key_close twice -> closed", CRYPTO_ERRNO_CLOSED,
                symmetric_key_close(key));
    array_output_t output;
    check_errno("symmetric_key_export after close -> invalid_handle", CRYPTO_ERRNO_INVALID_HANDLE,
                symmetric_key_export(key, &output));
    check_errno("symmetric_key_close never-issued handle -> invalid_handle",
                CRYPTO_ERRNO_INVALID_HANDLE, symmetric_key_close(BOGUS_HANDLE));

    symmetric_key_t again = import_key("AES-256-GCM", raw, 32);
    check_true("a closed key's handle is not reused", again != key, "a fresh handle");
    symmetric_key_close(again);
}

/* ------------------------------------------------------------------------ */
/* symmetric_state_open errors                                              */
/* ------------------------------------------------------------------------ */

static void test_state_open_errors(void) {
    static const char *const not_symmetric[] = {"Ed25519", "X25519", "RSA_PKCS1_2048_SHA256",
                                                "ECDSA_P256_SHA256", "SHA-1", ""};
    char name[96];
    uint8_t nonce[32] = {0};
    symmetric_key_t hmac256 = generate_key("HMAC/SHA-256");
    symmetric_key_t hmac512 = generate_key("HMAC/SHA-512");
    symmetric_key_t aes128 = generate_key("AES-128-GCM");
    symmetric_key_t aes256 = generate_key("AES-256-GCM");
    symmetric_key_t chacha = generate_key("CHACHA20-POLY1305");
    symmetric_key_t xchacha = generate_key("XCHACHA20-POLY1305");
    symmetric_key_t extract = generate_key("HKDF-EXTRACT/SHA-256");
    options_t nonce12 = nonce_options(nonce, 12);

    check_errno("symmetric_state_open SHA-256 with a key -> key_not_supported",
                CRYPTO_ERRNO_KEY_NOT_SUPPORTED, try_open("SHA-256", hmac256, 0));
    check_errno("symmetric_state_open HMAC/SHA-256 without a key -> key_required",
                CRYPTO_ERRNO_KEY_REQUIRED, try_open("HMAC/SHA-256", 0, 0));
    check_errno("symmetric_state_open HKDF-EXPAND/SHA-256 without a key -> key_required",
                CRYPTO_ERRNO_KEY_REQUIRED, try_open("HKDF-EXPAND/SHA-256", 0, 0));
    check_errno("symmetric_state_open AES-128-GCM without a key -> key_required",
                CRYPTO_ERRNO_KEY_REQUIRED, try_open("AES-128-GCM", 0, nonce12));
    check_errno("symmetric_state_open HMAC/SHA-256 with an HMAC/SHA-512 key -> invalid_key",
                CRYPTO_ERRNO_INVALID_KEY, try_open("HMAC/SHA-256", hmac512, 0));
    check_errno("symmetric_state_open HMAC/SHA-256 with an AES key -> invalid_key",
                CRYPTO_ERRNO_INVALID_KEY, try_open("HMAC/SHA-256", aes256, 0));
    check_errno("symmetric_state_open AES-128-GCM with an AES-256-GCM key -> invalid_key",
                CRYPTO_ERRNO_INVALID_KEY, try_open("AES-128-GCM", aes256, nonce12));
    check_errno("symmetric_state_open HKDF-EXPAND/SHA-256 with an EXTRACT key -> invalid_key",
                CRYPTO_ERRNO_INVALID_KEY, try_open("HKDF-EXPAND/SHA-256", extract, 0));
    check_errno("symmetric_state_open HMAC with an invalid key handle -> invalid_handle",
                CRYPTO_ERRNO_INVALID_HANDLE, try_open("HMAC/SHA-256", BOGUS_HANDLE, 0));
    check_errno("symmetric_state_open HMAC with an options handle as key -> invalid_handle",
                CRYPTO_ERRNO_INVALID_HANDLE, try_open("HMAC/SHA-256", nonce12, 0));

    options_t signature_options;
    options_open(ALGORITHM_TYPE_SIGNATURES, &signature_options);
    check_errno("symmetric_state_open with signatures options -> invalid_handle",
                CRYPTO_ERRNO_INVALID_HANDLE, try_open("SHA-256", 0, signature_options));
    options_close(signature_options);
    check_errno("symmetric_state_open with an invalid options handle -> invalid_handle",
                CRYPTO_ERRNO_INVALID_HANDLE, try_open("SHA-256", 0, BOGUS_HANDLE));

    for (size_t i = 0; i < sizeof not_symmetric / sizeof not_symmetric[0]; i++) {
        snprintf(name, sizeof name, "symmetric_state_open \"%s\" -> unsupported_algorithm",
                 not_symmetric[i]);
        check_errno(name, CRYPTO_ERRNO_UNSUPPORTED_ALGORITHM, try_open(not_symmetric[i], 0, 0));
    }

    /* Nonces: AES-GCM and ChaCha never invent one; sizes are exact. */
    options_t empty = symmetric_options();
    check_errno("AES-128-GCM without options -> nonce_required", CRYPTO_ERRNO_NONCE_REQUIRED,
                try_open("AES-128-GCM", aes128, 0));
    check_errno("AES-128-GCM with options but no nonce -> nonce_required",
                CRYPTO_ERRNO_NONCE_REQUIRED, try_open("AES-128-GCM", aes128, empty));
    check_errno("AES-256-GCM without options -> nonce_required", CRYPTO_ERRNO_NONCE_REQUIRED,
                try_open("AES-256-GCM", aes256, 0));
    check_errno("CHACHA20-POLY1305 without options -> nonce_required",
                CRYPTO_ERRNO_NONCE_REQUIRED, try_open("CHACHA20-POLY1305", chacha, 0));
    static const struct {
        const char *alg;
        size_t nonce_len;
        crypto_errno_t expected;
    } nonce_sizes[] = {
        {"AES-128-GCM", 12, CRYPTO_ERRNO_SUCCESS},
        {"AES-128-GCM", 11, CRYPTO_ERRNO_INVALID_NONCE},
        {"AES-128-GCM", 13, CRYPTO_ERRNO_INVALID_NONCE},
        {"AES-128-GCM", 16, CRYPTO_ERRNO_INVALID_NONCE},
        {"AES-128-GCM", 0, CRYPTO_ERRNO_INVALID_NONCE},
        {"CHACHA20-POLY1305", 12, CRYPTO_ERRNO_SUCCESS},
        {"CHACHA20-POLY1305", 24, CRYPTO_ERRNO_INVALID_NONCE},
        {"CHACHA20-POLY1305", 8, CRYPTO_ERRNO_INVALID_NONCE},
        {"XCHACHA20-POLY1305", 24, CRYPTO_ERRNO_SUCCESS},
        {"XCHACHA20-POLY1305", 12, CRYPTO_ERRNO_INVALID_NONCE},
        {"XCHACHA20-POLY1305", 32, CRYPTO_ERRNO_INVALID_NONCE},
    };
    for (size_t i = 0; i < sizeof nonce_sizes / sizeof nonce_sizes[0]; i++) {
        options_t options = nonce_options(nonce, nonce_sizes[i].nonce_len);
        symmetric_key_t key = strcmp(nonce_sizes[i].alg, "AES-128-GCM") == 0 ? aes128
                              : strcmp(nonce_sizes[i].alg, "CHACHA20-POLY1305") == 0
                                  ? chacha
                                  : xchacha;
        snprintf(name, sizeof name, "%s with a %zu-byte nonce -> %s", nonce_sizes[i].alg,
                 nonce_sizes[i].nonce_len, crypto_errno_name(nonce_sizes[i].expected));
        check_errno(name, nonce_sizes[i].expected, try_open(nonce_sizes[i].alg, key, options));
        options_close(options);
    }

    /* A malformed opt_symmetric_key tag is a guest conversion error. */
    opt_symmetric_key_t bad_key = {7, hmac256};
    symmetric_state_t state;
    check_errno("symmetric_state_open with opt_symmetric_key tag 7 -> guest_error",
                CRYPTO_ERRNO_GUEST_ERROR,
                symmetric_state_open(STR("HMAC/SHA-256"), &bad_key, &NO_OPTIONS, &state));
    opt_options_t bad_options = {2, empty};
    check_errno("symmetric_state_open with opt_options tag 2 -> guest_error",
                CRYPTO_ERRNO_GUEST_ERROR,
                symmetric_state_open(STR("SHA-256"), &NO_KEY, &bad_options, &state));

    options_close(empty);
    options_close(nonce12);
    symmetric_key_close(hmac256);
    symmetric_key_close(hmac512);
    symmetric_key_close(aes128);
    symmetric_key_close(aes256);
    symmetric_key_close(chacha);
    symmetric_key_close(xchacha);
    symmetric_key_close(extract);
}

/* ------------------------------------------------------------------------ */
/* Hashes                                                                   */
/* ------------------------------------------------------------------------ */

#define SHA256_ABC "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
#define SHA256_ABCD "88d4266fd4e6338d13b845fcf289579d209c897823b9217da3e161936f031589"

static void hash_kat(const char *alg, size_t len, const char *expected) {
    char name[64];
    uint8_t digest[64];
    symmetric_state_t state = open_state(alg, 0, 0);
    snprintf(name, sizeof name, "%s(\"abc\") absorb", alg);
    check_errno(name, CRYPTO_ERRNO_SUCCESS, symmetric_state_absorb(state, BYTES("abc")));
    snprintf(name, sizeof name, "%s(\"abc\") squeeze", alg);
    check_errno(name, CRYPTO_ERRNO_SUCCESS, symmetric_state_squeeze(state, digest, len));
    snprintf(name, sizeof name, "%s(\"abc\") known answer", alg);
    check_hex(name, expected, digest, len);
    snprintf(name, sizeof name, "%s squeeze of %zu bytes -> invalid_length", alg, len + 1);
    check_errno(name, CRYPTO_ERRNO_INVALID_LENGTH,
                symmetric_state_squeeze(state, scratch, len + 1));
    symmetric_state_close(state);
}

static void test_hash(void) {
    uint8_t digest[32], copy[32];

    hash_kat("SHA-256", 32, SHA256_ABC);
    hash_kat("SHA-512", 64,
             "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
             "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f");
    /* FIPS 180-4 IV: not a truncated SHA-512 (which would start ddaf35a1). */
    hash_kat("SHA-512/256", 32, "53048e2681941ef99b2e29b76b4c7dabe4c2d0c634fc6d46e0e2f13107e7af23");
    hash_kat("SHA-384", 48,
             "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded163"
             "1a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7");

    symmetric_state_t state = open_state("sha-256", 0, 0);
    symmetric_state_absorb(state, BYTES("a"));
    symmetric_state_absorb(state, BYTES("bc"));
    symmetric_state_absorb(state, BYTES(""));
    symmetric_state_squeeze(state, digest, 32);
    check_hex("SHA-256 absorbed in pieces (lower-case name)", SHA256_ABC, digest, 32);
    check_errno("SHA-256 squeeze truncated to 16 bytes", CRYPTO_ERRNO_SUCCESS,
                symmetric_state_squeeze(state, copy, 16));
    check_hex("SHA-256 truncation keeps the prefix", "ba7816bf8f01cfea414140de5dae2223", copy, 16);
    symmetric_state_squeeze(state, copy, 32);
    check_true("a second squeeze gives the same digest", memcmp(copy, digest, 32) == 0,
               "squeeze to finalize a copy of the state");
    symmetric_state_absorb(state, BYTES("d"));
    symmetric_state_squeeze(state, digest, 32);
    check_hex("absorb after squeeze continues the hash", SHA256_ABCD, digest, 32);
    check_errno("symmetric_state_close", CRYPTO_ERRNO_SUCCESS, symmetric_state_close(state));
    check_errno("symmetric_state_close twice -> closed", CRYPTO_ERRNO_CLOSED,
                symmetric_state_close(state));
    check_errno("absorb after close -> invalid_handle", CRYPTO_ERRNO_INVALID_HANDLE,
                symmetric_state_absorb(state, BYTES("x")));
    check_errno("squeeze after close -> invalid_handle", CRYPTO_ERRNO_INVALID_HANDLE,
                symmetric_state_squeeze(state, digest, 32));
}

static void test_hash_clone(void) {
    uint8_t a[32], b[32];
    symmetric_state_t original = open_state("SHA-256", 0, 0), clone = BOGUS_HANDLE;

    symmetric_state_absorb(original, BYTES("abc"));
    check_errno("symmetric_state_clone", CRYPTO_ERRNO_SUCCESS,
                symmetric_state_clone(original, &clone));
    check_true("the clone has its own handle", clone != original, "a new handle");
    symmetric_state_absorb(clone, BYTES("d"));
    symmetric_state_squeeze(original, a, 32);
    symmetric_state_squeeze(clone, b, 32);
    check_hex("absorbing into the clone leaves the original alone", SHA256_ABC, a, 32);
    check_hex("the clone carries the absorbed prefix", SHA256_ABCD, b, 32);
    check_true("clone and original digests differ", memcmp(a, b, 32) != 0, "different digests");

    symmetric_state_absorb(original, BYTES("d"));
    symmetric_state_absorb(clone, BYTES("e"));
    symmetric_state_squeeze(original, a, 32);
    check_hex("the original continues on its own", SHA256_ABCD, a, 32);
    symmetric_state_close(original);
    check_errno("the clone survives closing the original", CRYPTO_ERRNO_SUCCESS,
                symmetric_state_squeeze(clone, b, 32));
    check_true("the clone continued independently (abcde)", memcmp(a, b, 32) != 0,
               "a digest other than abcd");
    symmetric_state_close(clone);
}

static void test_state_options(void) {
    uint8_t value[16];
    size_t len = 0;
    uint64_t number = 0;
    options_t options = symmetric_options();
    options_set(options, STR("context"), (const uint8_t *)"ctx-1", 5);
    options_set_u64(options, STR("memory_limit"), 4096);
    symmetric_state_t state = open_state("SHA-256", 0, options);
    /* Later changes to the options set must not reach an open state. */
    options_set(options, STR("context"), (const uint8_t *)"changed", 7);
    options_close(options);

    check_errno("symmetric_state_options_get context", CRYPTO_ERRNO_SUCCESS,
                symmetric_state_options_get(state, STR("context"), value, sizeof value, &len));
    check_true("options_get returns the value at open time", len == 5 && memcmp(value, "ctx-1", 5) == 0,
               "ctx-1");
    check_errno("symmetric_state_options_get is case-insensitive", CRYPTO_ERRNO_SUCCESS,
                symmetric_state_options_get(state, STR("CONTEXT"), value, sizeof value, &len));
    check_errno("symmetric_state_options_get into a 4-byte buffer -> overflow",
                CRYPTO_ERRNO_OVERFLOW,
                symmetric_state_options_get(state, STR("context"), value, 4, &len));
    check_errno("symmetric_state_options_get unset salt -> option_not_set",
                CRYPTO_ERRNO_OPTION_NOT_SET,
                symmetric_state_options_get(state, STR("salt"), value, sizeof value, &len));
    check_errno("symmetric_state_options_get unknown name -> unsupported_option",
                CRYPTO_ERRNO_UNSUPPORTED_OPTION,
                symmetric_state_options_get(state, STR("frobnicate"), value, sizeof value, &len));
    check_errno("symmetric_state_options_get_u64 memory_limit", CRYPTO_ERRNO_SUCCESS,
                symmetric_state_options_get_u64(state, STR("memory_limit"), &number));
    check_true("options_get_u64 returns 4096", number == 4096, "4096");
    check_errno("symmetric_state_options_get_u64 unset ops_limit -> option_not_set",
                CRYPTO_ERRNO_OPTION_NOT_SET,
                symmetric_state_options_get_u64(state, STR("ops_limit"), &number));
    check_errno("symmetric_state_options_get_u64 unknown name -> unsupported_option",
                CRYPTO_ERRNO_UNSUPPORTED_OPTION,
                symmetric_state_options_get_u64(state, STR("frobnicate"), &number));

    symmetric_state_t clone;
    symmetric_state_clone(state, &clone);
    len = 0;
    symmetric_state_options_get(clone, STR("context"), value, sizeof value, &len);
    check_true("a clone keeps the options", len == 5 && memcmp(value, "ctx-1", 5) == 0, "ctx-1");
    symmetric_state_close(clone);

    symmetric_state_t bare = open_state("SHA-256", 0, 0);
    check_errno("options_get on a state opened without options -> option_not_set",
                CRYPTO_ERRNO_OPTION_NOT_SET,
                symmetric_state_options_get(bare, STR("context"), value, sizeof value, &len));
    symmetric_state_close(bare);
    symmetric_state_close(state);
}

/* ------------------------------------------------------------------------ */
/* HMAC and tags                                                            */
/* ------------------------------------------------------------------------ */

#define HMAC256_CASE2 "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
#define HMAC512_CASE2                                                  \
    "164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea250554" \
    "9758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737"

static void test_hmac(void) {
    uint8_t tag_bytes[64], other[64];
    symmetric_tag_t tag;
    size_t len = 0, copied = 0;

    /* RFC 4231 test case 2. */
    symmetric_key_t key256 = import_key("HMAC/SHA-256", (const uint8_t *)"Jefe", 4);
    symmetric_key_t key512 = import_key("HMAC/SHA-512", (const uint8_t *)"Jefe", 4);
    symmetric_state_t state = open_state("HMAC/SHA-256", key256, 0);
    symmetric_state_absorb(state, BYTES("what do ya "));
    symmetric_state_absorb(state, BYTES("want for nothing?"));
    check_errno("HMAC/SHA-256 squeeze_tag", CRYPTO_ERRNO_SUCCESS,
                symmetric_state_squeeze_tag(state, &tag));
    check_errno("symmetric_tag_len", CRYPTO_ERRNO_SUCCESS, symmetric_tag_len(tag, &len));
    check_size("HMAC/SHA-256 tag is 32 bytes", 32, len);
    hex_decode(HMAC256_CASE2, other);
    check_errno("symmetric_tag_verify with the right tag", CRYPTO_ERRNO_SUCCESS,
                symmetric_tag_verify(tag, other, 32));
    check_errno("symmetric_tag_verify with an empty tag -> invalid_tag", CRYPTO_ERRNO_INVALID_TAG,
                symmetric_tag_verify(tag, other, 0));
    other[5] ^= 0x01;
    check_errno("symmetric_tag_verify with one flipped bit -> invalid_tag",
                CRYPTO_ERRNO_INVALID_TAG, symmetric_tag_verify(tag, other, 32));
    other[5] ^= 0x01;
    check_errno("symmetric_tag_verify with a truncated tag -> invalid_tag",
                CRYPTO_ERRNO_INVALID_TAG, symmetric_tag_verify(tag, other, 31));
    check_errno("symmetric_tag_verify with a longer tag -> invalid_tag",
                CRYPTO_ERRNO_INVALID_TAG, symmetric_tag_verify(tag, other, 33));
    check_errno("symmetric_tag_pull into 31 bytes -> overflow", CRYPTO_ERRNO_OVERFLOW,
                symmetric_tag_pull(tag, tag_bytes, 31, &copied));
    check_errno("symmetric_tag_pull into 33 bytes -> invalid_length", CRYPTO_ERRNO_INVALID_LENGTH,
                symmetric_tag_pull(tag, tag_bytes, 33, &copied));
    check_errno("symmetric_tag_pull into 32 bytes", CRYPTO_ERRNO_SUCCESS,
                symmetric_tag_pull(tag, tag_bytes, 32, &copied));
    check_size("symmetric_tag_pull copies 32 bytes", 32, copied);
    check_hex("HMAC/SHA-256 RFC 4231 case 2", HMAC256_CASE2, tag_bytes, 32);
    check_errno("symmetric_tag_len after pull -> invalid_handle (pull closed it)",
                CRYPTO_ERRNO_INVALID_HANDLE, symmetric_tag_len(tag, &len));
    check_errno("symmetric_tag_close after pull -> closed", CRYPTO_ERRNO_CLOSED,
                symmetric_tag_close(tag));

    /* The state goes on after a tag: squeeze again, absorb more. */
    check_size("a second squeeze_tag gives the same tag", 32,
               squeeze_tag_bytes(state, other, sizeof other));
    check_true("a second squeeze_tag equals the first", memcmp(other, tag_bytes, 32) == 0,
               "the same tag");

    symmetric_state_t clone;
    check_errno("HMAC symmetric_state_clone", CRYPTO_ERRNO_SUCCESS,
                symmetric_state_clone(state, &clone));
    symmetric_state_absorb(clone, BYTES("!"));
    squeeze_tag_bytes(state, tag_bytes, sizeof tag_bytes);
    squeeze_tag_bytes(clone, other, sizeof other);
    check_hex("HMAC original unaffected by absorbing into the clone", HMAC256_CASE2, tag_bytes,
              32);
    check_true("HMAC clone tag differs", memcmp(tag_bytes, other, 32) != 0, "a different tag");
    symmetric_state_close(clone);

    check_errno("symmetric_state_squeeze_tag again", CRYPTO_ERRNO_SUCCESS,
                symmetric_state_squeeze_tag(state, &tag));
    check_errno("symmetric_tag_close", CRYPTO_ERRNO_SUCCESS, symmetric_tag_close(tag));
    check_errno("symmetric_tag_close twice -> closed", CRYPTO_ERRNO_CLOSED,
                symmetric_tag_close(tag));
    check_errno("symmetric_tag_verify after close -> invalid_handle", CRYPTO_ERRNO_INVALID_HANDLE,
                symmetric_tag_verify(tag, tag_bytes, 32));
    symmetric_state_close(state);

    state = open_state("HMAC/SHA-512", key512, 0);
    symmetric_state_absorb(state, BYTES("what do ya want for nothing?"));
    check_size("HMAC/SHA-512 tag is 64 bytes", 64, squeeze_tag_bytes(state, tag_bytes, 64));
    check_hex("HMAC/SHA-512 RFC 4231 case 2", HMAC512_CASE2, tag_bytes, 64);
    symmetric_state_close(state);
    symmetric_key_close(key256);
    symmetric_key_close(key512);
}

/* ------------------------------------------------------------------------ */
/* HKDF (RFC 5869 A.1)                                                      */
/* ------------------------------------------------------------------------ */

#define HKDF_A1_IKM "0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b"
#define HKDF_A1_SALT "000102030405060708090a0b0c"
#define HKDF_A1_INFO "f0f1f2f3f4f5f6f7f8f9"
#define HKDF_A1_PRK "077709362c2e32df0ddc3f0dc47bba6390b6c73bb50f9c3122ec844ad7c2b3e5"
#define HKDF_A1_OKM \
    "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865"

static void test_hkdf(void) {
    uint8_t salt[16], info[16], prk_bytes[64];
    size_t salt_len = hex_decode(HKDF_A1_SALT, salt), info_len = hex_decode(HKDF_A1_INFO, info);
    symmetric_key_t ikm = import_key_hex("HKDF-EXTRACT/SHA-256", HKDF_A1_IKM);
    symmetric_key_t prk = BOGUS_HANDLE, other;
    symmetric_tag_t tag;

    symmetric_state_t extract = open_state("HKDF-EXTRACT/SHA-256", ikm, 0);
    check_errno("HKDF-EXTRACT absorb salt", CRYPTO_ERRNO_SUCCESS,
                symmetric_state_absorb(extract, salt, salt_len));
    check_errno("HKDF-EXTRACT squeeze_key for another hash -> invalid_operation",
                CRYPTO_ERRNO_INVALID_OPERATION,
                symmetric_state_squeeze_key(extract, STR("HKDF-EXPAND/SHA-512"), &other));
    check_errno("HKDF-EXTRACT squeeze_key \"Ed25519\" -> unsupported_algorithm",
                CRYPTO_ERRNO_UNSUPPORTED_ALGORITHM,
                symmetric_state_squeeze_key(extract, STR("Ed25519"), &other));
    check_errno("HKDF-EXTRACT squeeze -> invalid_operation", CRYPTO_ERRNO_INVALID_OPERATION,
                symmetric_state_squeeze(extract, scratch, 32));
    check_errno("HKDF-EXTRACT squeeze_tag -> invalid_operation", CRYPTO_ERRNO_INVALID_OPERATION,
                symmetric_state_squeeze_tag(extract, &tag));
    check_errno("HKDF-EXTRACT squeeze_key HKDF-EXPAND/SHA-256", CRYPTO_ERRNO_SUCCESS,
                symmetric_state_squeeze_key(extract, STR("HKDF-EXPAND/SHA-256"), &prk));
    check_size("PRK is 32 bytes", 32, export_key(prk, prk_bytes, sizeof prk_bytes));
    check_hex("HKDF-SHA-256 RFC 5869 A.1 PRK", HKDF_A1_PRK, prk_bytes, 32);
    symmetric_state_close(extract);

    symmetric_state_t expand = open_state("HKDF-EXPAND/SHA-256", prk, 0);
    check_errno("HKDF-EXPAND absorb info", CRYPTO_ERRNO_SUCCESS,
                symmetric_state_absorb(expand, info, info_len));
    check_errno("HKDF-EXPAND squeeze 42 bytes", CRYPTO_ERRNO_SUCCESS,
                symmetric_state_squeeze(expand, scratch, 42));
    check_hex("HKDF-SHA-256 RFC 5869 A.1 OKM", HKDF_A1_OKM, scratch, 42);
    check_errno("HKDF-EXPAND squeeze 255*32 bytes (the maximum)", CRYPTO_ERRNO_SUCCESS,
                symmetric_state_squeeze(expand, scratch, 255 * 32));
    check_hex("HKDF-EXPAND longer output starts with the shorter one", HKDF_A1_OKM, scratch, 42);
    check_errno("HKDF-EXPAND squeeze 255*32+1 bytes -> invalid_length",
                CRYPTO_ERRNO_INVALID_LENGTH,
                symmetric_state_squeeze(expand, scratch, 255 * 32 + 1));
    check_errno("HKDF-EXPAND squeeze_key -> invalid_operation", CRYPTO_ERRNO_INVALID_OPERATION,
                symmetric_state_squeeze_key(expand, STR("HKDF-EXPAND/SHA-256"), &other));
    check_errno("HKDF-EXPAND squeeze_tag -> invalid_operation", CRYPTO_ERRNO_INVALID_OPERATION,
                symmetric_state_squeeze_tag(expand, &tag));
    symmetric_state_close(expand);

    check_errno("an HKDF-EXPAND key in an HMAC state -> invalid_key", CRYPTO_ERRNO_INVALID_KEY,
                try_open("HMAC/SHA-256", prk, 0));
    symmetric_key_close(prk);
    symmetric_key_close(ikm);

    /* SHA-512 variant: the PRK is 64 bytes. */
    ikm = import_key_hex("HKDF-EXTRACT/SHA-512", HKDF_A1_IKM);
    extract = open_state("HKDF-EXTRACT/SHA-512", ikm, 0);
    symmetric_state_absorb(extract, salt, salt_len);
    check_errno("HKDF-EXTRACT/SHA-512 squeeze_key HKDF-EXPAND/SHA-512", CRYPTO_ERRNO_SUCCESS,
                symmetric_state_squeeze_key(extract, STR("HKDF-EXPAND/SHA-512"), &prk));
    check_size("HKDF-SHA-512 PRK is 64 bytes", 64, export_key(prk, prk_bytes, sizeof prk_bytes));
    expand = open_state("HKDF-EXPAND/SHA-512", prk, 0);
    check_errno("HKDF-EXPAND/SHA-512 squeeze 255*64 bytes (the maximum)", CRYPTO_ERRNO_SUCCESS,
                symmetric_state_squeeze(expand, scratch, 255 * 64));
    check_errno("HKDF-EXPAND/SHA-512 squeeze 255*64+1 bytes -> invalid_length",
                CRYPTO_ERRNO_INVALID_LENGTH,
                symmetric_state_squeeze(expand, scratch, 255 * 64 + 1));
    symmetric_state_close(expand);
    symmetric_state_close(extract);
    symmetric_key_close(prk);
    symmetric_key_close(ikm);
}

/* ------------------------------------------------------------------------ */
/* AEAD known answers, detached mode and in-place operation                 */
/* ------------------------------------------------------------------------ */

struct aead_vector {
    const char *alg;
    const char *key;
    const char *nonce;
    const char *aad;
    const char *plaintext;
    const char *sealed; /* ciphertext || tag */
};

static const struct aead_vector AEAD_VECTORS[] = {
    /* GCM spec (McGrew & Viega) test case 4. */
    {"AES-128-GCM", "feffe9928665731c6d6a8f9467308308", "cafebabefacedbaddecaf888",
     "feedfacedeadbeeffeedfacedeadbeefabaddad2",
     "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72"
     "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39",
     "42831ec2217774244b7221b784d0d49ce3aa212f2c02a4e035c17e2329aca12e"
     "21d514b25466931c7d8f6a5aac84aa051ba30b396a0aac973d58e091"
     "5bc94fbc3221a5db94fae95ae7121a47"},
    /* GCM spec test case 16. */
    {"AES-256-GCM", "feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308",
     "cafebabefacedbaddecaf888", "feedfacedeadbeeffeedfacedeadbeefabaddad2",
     "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72"
     "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39",
     "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa"
     "8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662"
     "76fc6ece0f4e1768cddf8853bb2d551b"},
    /* RFC 8439 section 2.8.2. */
    {"CHACHA20-POLY1305", "808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f",
     "070000004041424344454647", "50515253c0c1c2c3c4c5c6c7",
     "4c616469657320616e642047656e746c656d656e206f662074686520636c6173"
     "73206f66202739393a204966204920636f756c64206f6666657220796f75206f"
     "6e6c79206f6e652074697020666f7220746865206675747572652c2073756e73"
     "637265656e20776f756c642062652069742e",
     "d31a8d34648e60db7b86afbc53ef7ec2a4aded51296e08fea9e2b5a736ee62d6"
     "3dbea45e8ca9671282fafb69da92728b1a71de0a9e060b2905d6a5b67ecd3b36"
     "92ddbd7f2d778b8c9803aee328091b58fab324e4fad675945585808b4831d7bc"
     "3ff4def08e4b7a9de576d26586cec64b6116"
     "1ae10b594f09e26a7e902ecbd0600691"},
};

struct aead_inputs {
    symmetric_key_t key;
    options_t options;
    uint8_t aad[64], plaintext[160], sealed[176];
    size_t aad_len, plaintext_len, sealed_len;
};

static void aead_load(const struct aead_vector *v, struct aead_inputs *in) {
    uint8_t nonce[24];
    size_t nonce_len = hex_decode(v->nonce, nonce);
    in->key = import_key_hex(v->alg, v->key);
    in->options = nonce_options(nonce, nonce_len);
    in->aad_len = hex_decode(v->aad, in->aad);
    in->plaintext_len = hex_decode(v->plaintext, in->plaintext);
    in->sealed_len = hex_decode(v->sealed, in->sealed);
}

static symmetric_state_t aead_open(const struct aead_vector *v, const struct aead_inputs *in) {
    symmetric_state_t state = open_state(v->alg, in->key, in->options);
    symmetric_state_absorb(state, in->aad, in->aad_len);
    return state;
}

static void test_aead_vector(const struct aead_vector *v) {
    static struct aead_inputs in;
    char name[112];
    uint8_t out[176], tag_bytes[16];
    size_t written = 0, max_tag = 0, copied = 0;
    symmetric_tag_t tag;
    char sealed_hex[2 * 176 + 1];

    aead_load(v, &in);
    size_t ct_len = in.plaintext_len;
    hex_encode(in.sealed, in.sealed_len, sealed_hex);

    /* encrypt */
    symmetric_state_t state = aead_open(v, &in);
    snprintf(name, sizeof name, "%s max_tag_len is 16", v->alg);
    symmetric_state_max_tag_len(state, &max_tag);
    check_size(name, 16, max_tag);
    snprintf(name, sizeof name, "%s encrypt", v->alg);
    check_errno(name, CRYPTO_ERRNO_SUCCESS,
                symmetric_state_encrypt(state, out, ct_len + 16, in.plaintext, ct_len, &written));
    snprintf(name, sizeof name, "%s encrypt returns ciphertext+tag length", v->alg);
    check_size(name, ct_len + 16, written);
    snprintf(name, sizeof name, "%s encrypt known answer", v->alg);
    check_hex(name, sealed_hex, out, in.sealed_len);
    snprintf(name, sizeof name, "%s second encrypt with the same nonce -> nonce_required", v->alg);
    check_errno(name, CRYPTO_ERRNO_NONCE_REQUIRED,
                symmetric_state_encrypt(state, out, ct_len + 16, in.plaintext, ct_len, &written));
    symmetric_state_close(state);

    /* decrypt */
    state = aead_open(v, &in);
    snprintf(name, sizeof name, "%s decrypt", v->alg);
    check_errno(name, CRYPTO_ERRNO_SUCCESS,
                symmetric_state_decrypt(state, out, ct_len, in.sealed, in.sealed_len, &written));
    snprintf(name, sizeof name, "%s decrypt returns the plaintext", v->alg);
    check_true(name, written == ct_len && memcmp(out, in.plaintext, ct_len) == 0,
               "the known plaintext");
    snprintf(name, sizeof name, "%s encrypt after a decrypt with that nonce -> nonce_required",
             v->alg);
    check_errno(name, CRYPTO_ERRNO_NONCE_REQUIRED,
                symmetric_state_encrypt(state, out, ct_len + 16, in.plaintext, ct_len, &written));
    symmetric_state_close(state);

    /* detached */
    state = aead_open(v, &in);
    snprintf(name, sizeof name, "%s encrypt_detached", v->alg);
    check_errno(name, CRYPTO_ERRNO_SUCCESS,
                symmetric_state_encrypt_detached(state, out, ct_len, in.plaintext, ct_len, &tag));
    symmetric_tag_pull(tag, tag_bytes, 16, &copied);
    snprintf(name, sizeof name, "%s encrypt_detached ciphertext and tag", v->alg);
    check_true(name,
               copied == 16 && memcmp(out, in.sealed, ct_len) == 0 &&
                   memcmp(tag_bytes, in.sealed + ct_len, 16) == 0,
               "the known ciphertext and tag");
    symmetric_state_close(state);
    state = aead_open(v, &in);
    snprintf(name, sizeof name, "%s decrypt_detached", v->alg);
    check_errno(name, CRYPTO_ERRNO_SUCCESS,
                symmetric_state_decrypt_detached(state, out, ct_len, in.sealed, ct_len,
                                                 in.sealed + ct_len, 16, &written));
    snprintf(name, sizeof name, "%s decrypt_detached returns the plaintext", v->alg);
    check_true(name, written == ct_len && memcmp(out, in.plaintext, ct_len) == 0,
               "the known plaintext");
    symmetric_state_close(state);

    /* in place: out == data */
    memcpy(out, in.plaintext, ct_len);
    state = aead_open(v, &in);
    snprintf(name, sizeof name, "%s encrypt in place", v->alg);
    check_errno(name, CRYPTO_ERRNO_SUCCESS,
                symmetric_state_encrypt(state, out, ct_len + 16, out, ct_len, &written));
    snprintf(name, sizeof name, "%s encrypt in place known answer", v->alg);
    check_hex(name, sealed_hex, out, in.sealed_len);
    symmetric_state_close(state);
    state = aead_open(v, &in);
    snprintf(name, sizeof name, "%s decrypt in place", v->alg);
    check_errno(name, CRYPTO_ERRNO_SUCCESS,
                symmetric_state_decrypt(state, out, ct_len, out, in.sealed_len, &written));
    snprintf(name, sizeof name, "%s decrypt in place returns the plaintext", v->alg);
    check_true(name, memcmp(out, in.plaintext, ct_len) == 0, "the known plaintext");
    symmetric_state_close(state);

    symmetric_key_close(in.key);
    options_close(in.options);
}

/* ------------------------------------------------------------------------ */
/* AEAD rules: buffer sizes, nonce reuse, failed decryption                 */
/* ------------------------------------------------------------------------ */

static void test_aead_rules(void) {
    static const uint8_t message[20] = "twenty byte message";
    uint8_t nonce[12] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
    uint8_t sealed[36], out[64], tag_bytes[16], value[32];
    size_t written = 0, len = 0;
    symmetric_tag_t tag;
    symmetric_key_t other_key;
    symmetric_key_t key = generate_key("AES-256-GCM");
    options_t options = nonce_options(nonce, sizeof nonce);

    symmetric_state_t state = open_state("AES-256-GCM", key, options);
    symmetric_state_absorb(state, BYTES("header"));
    check_errno("encrypt into a buffer one byte short -> overflow", CRYPTO_ERRNO_OVERFLOW,
                symmetric_state_encrypt(state, out, 35, message, 20, &written));
    check_errno("encrypt into a buffer one byte long -> invalid_length",
                CRYPTO_ERRNO_INVALID_LENGTH,
                symmetric_state_encrypt(state, out, 37, message, 20, &written));
    check_errno("encrypt_detached into a short buffer -> overflow", CRYPTO_ERRNO_OVERFLOW,
                symmetric_state_encrypt_detached(state, out, 19, message, 20, &tag));
    check_errno("options_get nonce on an AEAD state", CRYPTO_ERRNO_SUCCESS,
                symmetric_state_options_get(state, STR("nonce"), value, sizeof value, &len));
    check_true("options_get nonce returns the nonce", len == 12 && memcmp(value, nonce, 12) == 0,
               "the 12-byte nonce");

    symmetric_state_t clone;
    check_errno("AEAD symmetric_state_clone", CRYPTO_ERRNO_SUCCESS,
                symmetric_state_clone(state, &clone));
    check_errno("encrypt after rejected buffer sizes (the nonce was not spent)",
                CRYPTO_ERRNO_SUCCESS,
                symmetric_state_encrypt(state, sealed, 36, message, 20, &written));
    check_errno("encrypt on a clone after the original sealed -> nonce_required",
                CRYPTO_ERRNO_NONCE_REQUIRED,
                symmetric_state_encrypt(clone, out, 36, message, 20, &written));
    check_errno("encrypt_detached with a spent nonce -> nonce_required",
                CRYPTO_ERRNO_NONCE_REQUIRED,
                symmetric_state_encrypt_detached(state, out, 20, message, 20, &tag));
    symmetric_state_close(clone);

    check_errno("AEAD squeeze -> invalid_operation", CRYPTO_ERRNO_INVALID_OPERATION,
                symmetric_state_squeeze(state, out, 16));
    check_errno("AEAD squeeze_tag -> invalid_operation", CRYPTO_ERRNO_INVALID_OPERATION,
                symmetric_state_squeeze_tag(state, &tag));
    check_errno("AEAD squeeze_key -> invalid_operation", CRYPTO_ERRNO_INVALID_OPERATION,
                symmetric_state_squeeze_key(state, STR("AES-256-GCM"), &other_key));
    check_errno("AEAD ratchet -> invalid_operation", CRYPTO_ERRNO_INVALID_OPERATION,
                symmetric_state_ratchet(state));
    symmetric_state_close(state);

    /* decrypt with wrong sizes, then a tampered ciphertext, AAD and tag */
    state = open_state("AES-256-GCM", key, options);
    symmetric_state_absorb(state, BYTES("header"));
    check_errno("decrypt into a buffer one byte short -> overflow", CRYPTO_ERRNO_OVERFLOW,
                symmetric_state_decrypt(state, out, 19, sealed, 36, &written));
    check_errno("decrypt into a buffer one byte long -> invalid_length",
                CRYPTO_ERRNO_INVALID_LENGTH,
                symmetric_state_decrypt(state, out, 21, sealed, 36, &written));
    check_errno("decrypt of data shorter than the tag -> invalid_tag", CRYPTO_ERRNO_INVALID_TAG,
                symmetric_state_decrypt(state, out, 0, sealed, 10, &written));
    sealed[3] ^= 0x80;
    memset(out, 0xaa, sizeof out);
    check_errno("decrypt of a tampered ciphertext -> invalid_tag", CRYPTO_ERRNO_INVALID_TAG,
                symmetric_state_decrypt(state, out, 20, sealed, 36, &written));
    check_true("a failed decryption zeroes the output", all_bytes_are(out, 20, 0),
               "20 zero bytes");
    check_true("a failed decryption writes nothing past the output", all_bytes_are(out + 20, 44, 0xaa),
               "the bytes after the output untouched");
    sealed[3] ^= 0x80;
    check_errno("decrypt of the intact ciphertext", CRYPTO_ERRNO_SUCCESS,
                symmetric_state_decrypt(state, out, 20, sealed, 36, &written));
    check_true("decrypt returns the message", memcmp(out, message, 20) == 0, "the message");
    symmetric_state_close(state);

    state = open_state("AES-256-GCM", key, options);
    symmetric_state_absorb(state, BYTES("HEADER"));
    check_errno("decrypt with different associated data -> invalid_tag", CRYPTO_ERRNO_INVALID_TAG,
                symmetric_state_decrypt(state, out, 20, sealed, 36, &written));
    symmetric_state_close(state);

    state = open_state("AES-256-GCM", key, options);
    symmetric_state_absorb(state, BYTES("header"));
    memcpy(tag_bytes, sealed + 20, 16);
    tag_bytes[15] ^= 1;
    memset(out, 0xaa, sizeof out);
    check_errno("decrypt_detached with a wrong tag -> invalid_tag", CRYPTO_ERRNO_INVALID_TAG,
                symmetric_state_decrypt_detached(state, out, 20, sealed, 20, tag_bytes, 16,
                                                 &written));
    check_true("a failed detached decryption zeroes the output", all_bytes_are(out, 20, 0),
               "20 zero bytes");
    check_errno("decrypt_detached with a 15-byte tag -> invalid_tag", CRYPTO_ERRNO_INVALID_TAG,
                symmetric_state_decrypt_detached(state, out, 20, sealed, 20, sealed + 20, 15,
                                                 &written));
    check_errno("decrypt_detached into a short buffer -> overflow", CRYPTO_ERRNO_OVERFLOW,
                symmetric_state_decrypt_detached(state, out, 19, sealed, 20, sealed + 20, 16,
                                                 &written));
    symmetric_state_close(state);

    /* An empty message seals to the tag alone. */
    uint8_t nonce2[12] = {9};
    options_t options2 = nonce_options(nonce2, sizeof nonce2);
    state = open_state("AES-256-GCM", key, options2);
    check_errno("encrypt an empty message", CRYPTO_ERRNO_SUCCESS,
                symmetric_state_encrypt(state, out, 16, message, 0, &written));
    check_size("an empty message seals to 16 bytes", 16, written);
    symmetric_state_close(state);
    state = open_state("AES-256-GCM", key, options2);
    check_errno("decrypt an empty message", CRYPTO_ERRNO_SUCCESS,
                symmetric_state_decrypt(state, out + 32, 0, out, 16, &written));
    check_size("an empty message decrypts to 0 bytes", 0, written);
    symmetric_state_close(state);

    options_close(options2);
    options_close(options);
    symmetric_key_close(key);
}

static void test_xchacha(void) {
    static const uint8_t message[5] = {'h', 'e', 'l', 'l', 'o'};
    uint8_t nonce_a[32], nonce_b[32], sealed[21], out[8];
    size_t len_a = 0, len_b = 0, written = 0;
    symmetric_key_t key = generate_key("XCHACHA20-POLY1305");

    symmetric_state_t state = open_state("XCHACHA20-POLY1305", key, 0);
    check_errno("XChaCha options_get nonce after the host generated one", CRYPTO_ERRNO_SUCCESS,
                symmetric_state_options_get(state, STR("nonce"), nonce_a, sizeof nonce_a, &len_a));
    check_size("the generated XChaCha nonce is 24 bytes", 24, len_a);
    check_errno("XChaCha encrypt with the generated nonce", CRYPTO_ERRNO_SUCCESS,
                symmetric_state_encrypt(state, sealed, sizeof sealed, message, 5, &written));
    check_errno("XChaCha second encrypt -> nonce_required", CRYPTO_ERRNO_NONCE_REQUIRED,
                symmetric_state_encrypt(state, sealed, sizeof sealed, message, 5, &written));
    symmetric_state_close(state);

    options_t options = nonce_options(nonce_a, len_a);
    state = open_state("XCHACHA20-POLY1305", key, options);
    check_errno("XChaCha decrypt with the nonce read back", CRYPTO_ERRNO_SUCCESS,
                symmetric_state_decrypt(state, out, 5, sealed, sizeof sealed, &written));
    check_true("XChaCha round trip", written == 5 && memcmp(out, message, 5) == 0, "hello");
    symmetric_state_close(state);
    options_close(options);

    options = symmetric_options();
    state = open_state("XCHACHA20-POLY1305", key, options);
    check_errno("XChaCha with options but no nonce generates one", CRYPTO_ERRNO_SUCCESS,
                symmetric_state_options_get(state, STR("nonce"), nonce_b, sizeof nonce_b, &len_b));
    check_true("two generated XChaCha nonces differ", len_b == 24 && memcmp(nonce_a, nonce_b, 24) != 0,
               "fresh random nonces");
    symmetric_state_close(state);
    options_close(options);
    symmetric_key_close(key);
}

/* ------------------------------------------------------------------------ */
/* A state keeps its key; clones of every family are deep                   */
/* ------------------------------------------------------------------------ */

static void test_state_outlives_key(void) {
    uint8_t tag_bytes[32], okm[42], prk_bytes[32], nonce[12] = {7}, sealed[21], out[5];
    size_t written = 0;
    uint8_t salt[16], info[16];
    size_t salt_len = hex_decode(HKDF_A1_SALT, salt), info_len = hex_decode(HKDF_A1_INFO, info);

    symmetric_key_t key = import_key("HMAC/SHA-256", (const uint8_t *)"Jefe", 4);
    symmetric_state_t state = open_state("HMAC/SHA-256", key, 0);
    check_errno("symmetric_key_close while an HMAC state uses the key", CRYPTO_ERRNO_SUCCESS,
                symmetric_key_close(key));
    symmetric_state_absorb(state, BYTES("what do ya want for nothing?"));
    squeeze_tag_bytes(state, tag_bytes, sizeof tag_bytes);
    check_hex("the HMAC state still works after its key handle closed", HMAC256_CASE2, tag_bytes,
              32);
    symmetric_state_close(state);

    symmetric_key_t ikm = import_key_hex("HKDF-EXTRACT/SHA-256", HKDF_A1_IKM), prk;
    state = open_state("HKDF-EXTRACT/SHA-256", ikm, 0);
    symmetric_key_close(ikm);
    symmetric_state_absorb(state, salt, salt_len);
    check_errno("HKDF-EXTRACT squeeze_key after its key handle closed", CRYPTO_ERRNO_SUCCESS,
                symmetric_state_squeeze_key(state, STR("HKDF-EXPAND/SHA-256"), &prk));
    symmetric_state_close(state);
    state = open_state("HKDF-EXPAND/SHA-256", prk, 0);
    export_key(prk, prk_bytes, sizeof prk_bytes);
    check_hex("the PRK is right after the IKM handle closed", HKDF_A1_PRK, prk_bytes, 32);
    symmetric_key_close(prk);
    symmetric_state_absorb(state, info, info_len);
    check_errno("HKDF-EXPAND squeeze after its key handle closed", CRYPTO_ERRNO_SUCCESS,
                symmetric_state_squeeze(state, okm, sizeof okm));
    check_hex("HKDF-EXPAND output after its key handle closed", HKDF_A1_OKM, okm, sizeof okm);
    symmetric_state_close(state);

    key = generate_key("CHACHA20-POLY1305");
    options_t options = nonce_options(nonce, sizeof nonce);
    state = open_state("CHACHA20-POLY1305", key, options);
    symmetric_state_t opener = open_state("CHACHA20-POLY1305", key, options);
    symmetric_key_close(key);
    options_close(options);
    check_errno("AEAD encrypt after its key and options handles closed", CRYPTO_ERRNO_SUCCESS,
                symmetric_state_encrypt(state, sealed, sizeof sealed, BYTES("hello"), &written));
    check_errno("AEAD decrypt after its key and options handles closed", CRYPTO_ERRNO_SUCCESS,
                symmetric_state_decrypt(opener, out, sizeof out, sealed, sizeof sealed, &written));
    check_true("AEAD round trip after the key handle closed", memcmp(out, "hello", 5) == 0,
               "hello");
    symmetric_state_close(state);
    symmetric_state_close(opener);
}

static void test_clone_other_families(void) {
    uint8_t nonce[12] = {3}, sealed[21], out[5], a[32], b[32];
    size_t written = 0;
    symmetric_state_t clone;
    symmetric_key_t prk_a, prk_b;

    /* AEAD: associated data absorbed into the clone only. */
    symmetric_key_t key = generate_key("AES-128-GCM");
    options_t options = nonce_options(nonce, sizeof nonce);
    symmetric_state_t sealer = open_state("AES-128-GCM", key, options);
    symmetric_state_absorb(sealer, BYTES("ad"));
    symmetric_state_encrypt(sealer, sealed, sizeof sealed, BYTES("hello"), &written);
    symmetric_state_close(sealer);
    symmetric_state_t opener = open_state("AES-128-GCM", key, options);
    symmetric_state_absorb(opener, BYTES("ad"));
    symmetric_state_clone(opener, &clone);
    symmetric_state_absorb(clone, BYTES("+more"));
    check_errno("AEAD clone with extra associated data -> invalid_tag", CRYPTO_ERRNO_INVALID_TAG,
                symmetric_state_decrypt(clone, out, sizeof out, sealed, sizeof sealed, &written));
    check_errno("AEAD original unaffected by the clone's associated data", CRYPTO_ERRNO_SUCCESS,
                symmetric_state_decrypt(opener, out, sizeof out, sealed, sizeof sealed, &written));
    symmetric_state_close(clone);
    symmetric_state_close(opener);
    options_close(options);
    symmetric_key_close(key);

    /* HKDF-EXTRACT: salt absorbed into the clone only. */
    symmetric_key_t ikm = import_key_hex("HKDF-EXTRACT/SHA-256", HKDF_A1_IKM);
    symmetric_state_t extract = open_state("HKDF-EXTRACT/SHA-256", ikm, 0);
    check_errno("HKDF-EXTRACT symmetric_state_clone", CRYPTO_ERRNO_SUCCESS,
                symmetric_state_clone(extract, &clone));
    symmetric_state_absorb(clone, BYTES("salt"));
    symmetric_state_squeeze_key(extract, STR("HKDF-EXPAND/SHA-256"), &prk_a);
    symmetric_state_squeeze_key(clone, STR("HKDF-EXPAND/SHA-256"), &prk_b);
    export_key(prk_a, a, sizeof a);
    export_key(prk_b, b, sizeof b);
    check_true("HKDF-EXTRACT clone and original derive different PRKs", memcmp(a, b, 32) != 0,
               "different PRKs");
    symmetric_key_close(prk_a);
    symmetric_key_close(prk_b);
    symmetric_state_close(clone);
    symmetric_state_close(extract);
    symmetric_key_close(ikm);
}

/* ------------------------------------------------------------------------ */
/* Operations a family does not define, wrong-type and invalid handles      */
/* ------------------------------------------------------------------------ */

static void test_invalid_operations(void) {
    uint8_t out[64];
    size_t n = 0;
    uint64_t number = 0;
    symmetric_tag_t tag;
    symmetric_key_t key;
    symmetric_state_t clone;
    array_output_t output;
    symmetric_state_t hash = open_state("SHA-256", 0, 0);
    symmetric_key_t mac_key = generate_key("HMAC/SHA-256");
    symmetric_state_t mac = open_state("HMAC/SHA-256", mac_key, 0);

    check_errno("hash squeeze_tag -> invalid_operation", CRYPTO_ERRNO_INVALID_OPERATION,
                symmetric_state_squeeze_tag(hash, &tag));
    check_errno("hash squeeze_key -> invalid_operation", CRYPTO_ERRNO_INVALID_OPERATION,
                symmetric_state_squeeze_key(hash, STR("HMAC/SHA-256"), &key));
    check_errno("hash max_tag_len -> invalid_operation", CRYPTO_ERRNO_INVALID_OPERATION,
                symmetric_state_max_tag_len(hash, &n));
    check_errno("hash encrypt -> invalid_operation", CRYPTO_ERRNO_INVALID_OPERATION,
                symmetric_state_encrypt(hash, out, 48, out, 32, &n));
    check_errno("hash encrypt_detached -> invalid_operation", CRYPTO_ERRNO_INVALID_OPERATION,
                symmetric_state_encrypt_detached(hash, out, 32, out, 32, &tag));
    check_errno("hash decrypt -> invalid_operation", CRYPTO_ERRNO_INVALID_OPERATION,
                symmetric_state_decrypt(hash, out, 16, out + 16, 32, &n));
    check_errno("hash decrypt_detached -> invalid_operation", CRYPTO_ERRNO_INVALID_OPERATION,
                symmetric_state_decrypt_detached(hash, out, 16, out + 16, 16, out + 32, 16, &n));
    check_errno("hash ratchet -> invalid_operation", CRYPTO_ERRNO_INVALID_OPERATION,
                symmetric_state_ratchet(hash));

    check_errno("MAC squeeze -> invalid_operation", CRYPTO_ERRNO_INVALID_OPERATION,
                symmetric_state_squeeze(mac, out, 32));
    check_errno("MAC squeeze_key -> invalid_operation", CRYPTO_ERRNO_INVALID_OPERATION,
                symmetric_state_squeeze_key(mac, STR("HMAC/SHA-256"), &key));
    check_errno("MAC max_tag_len -> invalid_operation", CRYPTO_ERRNO_INVALID_OPERATION,
                symmetric_state_max_tag_len(mac, &n));
    check_errno("MAC encrypt -> invalid_operation", CRYPTO_ERRNO_INVALID_OPERATION,
                symmetric_state_encrypt(mac, out, 48, out, 32, &n));
    check_errno("MAC decrypt -> invalid_operation", CRYPTO_ERRNO_INVALID_OPERATION,
                symmetric_state_decrypt(mac, out, 16, out + 16, 32, &n));
    check_errno("MAC ratchet -> invalid_operation", CRYPTO_ERRNO_INVALID_OPERATION,
                symmetric_state_ratchet(mac));

    /* Handles of the wrong type are invalid_handle everywhere. */
    check_errno("absorb with a key handle -> invalid_handle", CRYPTO_ERRNO_INVALID_HANDLE,
                symmetric_state_absorb(mac_key, BYTES("x")));
    check_errno("squeeze with a key handle -> invalid_handle", CRYPTO_ERRNO_INVALID_HANDLE,
                symmetric_state_squeeze(mac_key, out, 32));
    check_errno("squeeze_tag with a key handle -> invalid_handle", CRYPTO_ERRNO_INVALID_HANDLE,
                symmetric_state_squeeze_tag(mac_key, &tag));
    check_errno("clone with a key handle -> invalid_handle", CRYPTO_ERRNO_INVALID_HANDLE,
                symmetric_state_clone(mac_key, &clone));
    check_errno("options_get with a key handle -> invalid_handle", CRYPTO_ERRNO_INVALID_HANDLE,
                symmetric_state_options_get(mac_key, STR("nonce"), out, 32, &n));
    check_errno("options_get_u64 with a key handle -> invalid_handle",
                CRYPTO_ERRNO_INVALID_HANDLE,
                symmetric_state_options_get_u64(mac_key, STR("ops_limit"), &number));
    check_errno("state_close with a key handle -> invalid_handle", CRYPTO_ERRNO_INVALID_HANDLE,
                symmetric_state_close(mac_key));
    check_errno("key_export with a state handle -> invalid_handle", CRYPTO_ERRNO_INVALID_HANDLE,
                symmetric_key_export(mac, &output));
    check_errno("key_close with a state handle -> invalid_handle", CRYPTO_ERRNO_INVALID_HANDLE,
                symmetric_key_close(mac));
    check_errno("tag_len with a state handle -> invalid_handle", CRYPTO_ERRNO_INVALID_HANDLE,
                symmetric_tag_len(mac, &n));
    check_errno("tag_pull with a state handle -> invalid_handle", CRYPTO_ERRNO_INVALID_HANDLE,
                symmetric_tag_pull(mac, out, 32, &n));
    check_errno("tag_verify with a state handle -> invalid_handle", CRYPTO_ERRNO_INVALID_HANDLE,
                symmetric_tag_verify(mac, out, 32));
    check_errno("tag_close with a state handle -> invalid_handle", CRYPTO_ERRNO_INVALID_HANDLE,
                symmetric_tag_close(mac));
    check_errno("encrypt with an invalid handle -> invalid_handle", CRYPTO_ERRNO_INVALID_HANDLE,
                symmetric_state_encrypt(BOGUS_HANDLE, out, 48, out, 32, &n));
    check_errno("decrypt with an invalid handle -> invalid_handle", CRYPTO_ERRNO_INVALID_HANDLE,
                symmetric_state_decrypt(BOGUS_HANDLE, out, 16, out + 16, 32, &n));
    check_errno("max_tag_len with an invalid handle -> invalid_handle",
                CRYPTO_ERRNO_INVALID_HANDLE, symmetric_state_max_tag_len(BOGUS_HANDLE, &n));
    check_errno("ratchet with an invalid handle -> invalid_handle", CRYPTO_ERRNO_INVALID_HANDLE,
                symmetric_state_ratchet(BOGUS_HANDLE));
    check_errno("state_close never-issued handle -> invalid_handle", CRYPTO_ERRNO_INVALID_HANDLE,
                symmetric_state_close(BOGUS_HANDLE));

    symmetric_state_close(hash);
    symmetric_state_close(mac);
    symmetric_key_close(mac_key);
}

/* Pointers outside linear memory are guest errors, never traps. */
static void test_guest_pointers(void) {
    symmetric_key_t key;
    symmetric_state_t state = open_state("SHA-256", 0, 0);
    const uint8_t *far = (const uint8_t *)(uintptr_t)0xfffffff0u;

    check_errno("absorb from a range past the end of memory -> guest_error",
                CRYPTO_ERRNO_GUEST_ERROR, symmetric_state_absorb(state, far, 0x100));
    check_errno("squeeze into a range past the end of memory -> guest_error",
                CRYPTO_ERRNO_GUEST_ERROR, symmetric_state_squeeze(state, (uint8_t *)far, 16));
    check_errno("algorithm name of length 0xffffffff -> guest_error", CRYPTO_ERRNO_GUEST_ERROR,
                symmetric_key_generate("AES-128-GCM", 0xffffffffu, &NO_OPTIONS, &key));
    check_errno("key out-pointer past the end of memory -> guest_error", CRYPTO_ERRNO_GUEST_ERROR,
                symmetric_key_generate(STR("AES-128-GCM"), &NO_OPTIONS,
                                       (symmetric_key_t *)(uintptr_t)0xfffffffeu));
    check_errno("opt_options pointer past the end of memory -> guest_error",
                CRYPTO_ERRNO_GUEST_ERROR,
                symmetric_key_generate(STR("AES-128-GCM"),
                                       (const opt_options_t *)(uintptr_t)0xfffffffcu, &key));
    symmetric_state_close(state);
}

int main(void) {
    test_options();
    test_array_output();
    test_secrets_manager();
    test_key_generation();
    test_key_import();
    test_state_open_errors();
    test_hash();
    test_hash_clone();
    test_state_options();
    test_hmac();
    test_hkdf();
    for (size_t i = 0; i < sizeof AEAD_VECTORS / sizeof AEAD_VECTORS[0]; i++) {
        test_aead_vector(&AEAD_VECTORS[i]);
    }
    test_aead_rules();
    test_xchacha();
    test_state_outlives_key();
    test_clone_other_families();
    test_invalid_operations();
    test_guest_pointers();
    return check_summary();
}
