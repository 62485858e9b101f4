/*
 * managed_keys.c - conformance guest for the secrets manager: managed symmetric keys, managed key
 * pairs and external secrets (the rules of issue #6, docs/secrets-manager.md).
 *
 * One line per check ("ok - name" / "FAIL - name: expected X got Y"), a "1..N" plan line at the
 * end, exit status 1 if anything failed. Lines starting with '#' are comments for the reader and
 * the JUnit side:
 *   "# no secrets manager ..."      the host answered unsupported_feature to secrets_manager_open;
 *                                   then only the unsupported_feature checks run.
 *   "# SKIP ALG (N checks): ..."    the store cannot keep ALG (unsupported_algorithm): its N
 *                                   checks did not run (total + skipped = the full count).
 *   "# keep KIND ID-or-HEX"         an entry left live for a second run (namespace checks).
 *
 * Modes (argv):
 *   managed_keys                                  the whole suite
 *   managed_keys foreign           store_managed of keys of a backend that cannot export them
 *                                  (not the secrets manager's) -> prohibited_operation
 *   managed_keys extractable       on a store with managed-keys-extractable: true, managed keys
 *                                  export
 *   managed_keys namespace same|other|prohibited SYM KP SECRET ENVELOPE
 *                                  the kept entries of an earlier run: found (same namespace),
 *                                  not_found / verification_failed (another namespace), or
 *                                  prohibited_operation (same namespace, a profile that allows
 *                                  neither AES-256-GCM nor Ed25519)
 */
#define _POSIX_C_SOURCE 200809L /* clock_gettime, nanosleep under -std=c11 */

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "asym_check.h"

#define E_OK CRYPTO_ERRNO_SUCCESS
#define E_UNSUPPORTED_FEATURE CRYPTO_ERRNO_UNSUPPORTED_FEATURE
#define E_PROHIBITED CRYPTO_ERRNO_PROHIBITED_OPERATION
#define E_UNSUPPORTED_ALGORITHM CRYPTO_ERRNO_UNSUPPORTED_ALGORITHM
#define E_UNSUPPORTED_OPTION CRYPTO_ERRNO_UNSUPPORTED_OPTION
#define E_VERIFICATION_FAILED CRYPTO_ERRNO_VERIFICATION_FAILED
#define E_CLOSED CRYPTO_ERRNO_CLOSED
#define E_INVALID_HANDLE CRYPTO_ERRNO_INVALID_HANDLE
#define E_OVERFLOW CRYPTO_ERRNO_OVERFLOW
#define E_NOT_FOUND CRYPTO_ERRNO_NOT_FOUND
#define E_INCOMPATIBLE_KEYS CRYPTO_ERRNO_INCOMPATIBLE_KEYS
#define E_EXPIRED CRYPTO_ERRNO_EXPIRED

#define ID_LEN 32
#define MAX_SECRET (64 * 1024)
#define ONE_HOUR 3600

static const uint8_t MSG[] = "managed keys conformance message";
#define MSG_LEN (sizeof(MSG) - 1)
static const uint8_t NONCE[12] = {0x6d, 0x61, 0x6e, 0x61, 0x67, 0x65,
                                   0x64, 0x2d, 0x6b, 0x65, 0x79, 0x73}; /* "managed-keys" */

/* The raw key the store_managed checks import (and the namespace runs recognise). */
static const uint8_t KNOWN_KEY[32] = {
    0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f,
    0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19, 0x1a, 0x1b, 0x1c, 0x1d, 0x1e, 0x1f};

/* RFC 8032 section 7.1 TEST 1: seed, public key, and the signature of the empty message. */
static const char RFC8032_SEED[] =
    "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
static const char RFC8032_PK[] =
    "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
static const char RFC8032_SIG[] =
    "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155"
    "5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b";

static const uint8_t SECRET_1[] = "the first secret";
static const uint8_t SECRET_2[] = "the second secret";
static const uint8_t KEPT_SECRET[] = "a secret for the namespace checks";

/* An id of the right form that no host assigned (ids are random; this one is all f). */
static const uint8_t UNKNOWN_ID[ID_LEN + 1] = "ffffffffffffffffffffffffffffffff";

/* The guest's main manager, opened once. */
static wc_handle sm;

/* Checks not made because the store cannot keep an algorithm (each announced by "# SKIP"). */
static int g_skipped;

/* ---- small helpers ---------------------------------------------------------------------- */

typedef struct {
    uint8_t b[ID_LEN + 1]; /* NUL-terminated for printing */
} key_id;

/* Now, in UNIX seconds, from the WASI realtime clock. */
static uint64_t now_seconds(void) {
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (uint64_t)ts.tv_sec;
}

/* Waits until the WASI clock is past `when` (sleeping; busy-waiting if sleep is refused). */
static void wait_until_past(uint64_t when) {
    while (now_seconds() <= when) {
        struct timespec pause = {0, 200 * 1000 * 1000};
        nanosleep(&pause, NULL);
    }
}

/* Whether `len` bytes at `id` have the form of a host-assigned id: 32 lowercase hex digits. */
static int id_form_ok(const uint8_t *id, size_t len) {
    if (len != ID_LEN) return 0;
    for (size_t i = 0; i < len; i++) {
        uint8_t c = id[i];
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return 0;
    }
    return 1;
}

static int id_eq(const key_id *a, const key_id *b) {
    return memcmp(a->b, b->b, ID_LEN) == 0;
}

static char g_detail[160];

/* Describes an (errno, id, version) outcome for a failure line. */
static const char *describe_id(int32_t e, const uint8_t *id, size_t len, uint64_t version) {
    if (e) return errno_name(e);
    snprintf(g_detail, sizeof g_detail, "id '%.*s' (%zu bytes), version %llu",
             (int)(len < 64 ? len : 64), (const char *)id, len, (unsigned long long)version);
    return g_detail;
}

static void print_hex_line(const char *prefix, const uint8_t *p, size_t len) {
    printf("%s", prefix);
    for (size_t i = 0; i < len; i++) printf("%02x", p[i]);
    putchar('\n');
}

/* ---- symmetric keys ----------------------------------------------------------------------- */

typedef enum { AEAD, MAC } sym_kind;
typedef struct {
    const char *name;
    sym_kind kind;
} sym_alg;

static const sym_alg SYM_ALGS[] = {{"AES-256-GCM", AEAD}, {"HMAC/SHA-256", MAC}};
#define NSYM (sizeof(SYM_ALGS) / sizeof(SYM_ALGS[0]))

/* AEAD: MSG encrypted under NONCE (ciphertext || tag); MAC: the tag of MSG. */
static int32_t sym_seal(const sym_alg *a, wc_handle key, bytes *out) {
    wc_handle options = 0, state, tag;
    int have_options = 0;
    opt_symmetric_key_t k = opt_symmetric_key_some(key);
    opt_options_t o = NO_OPTIONS;
    int32_t e;
    out->p = NULL;
    out->len = 0;
    if (a->kind == AEAD) {
        e = options_open(WC_ALG_SYMMETRIC, &options);
        if (e) return e;
        have_options = 1;
        e = options_set(options, "nonce", 5, NONCE, sizeof NONCE);
        if (e) {
            options_close(options);
            return e;
        }
        o = opt_options_some(options);
    }
    e = symmetric_state_open(a->name, strlen(a->name), &k, &o, &state);
    if (have_options) options_close(options);
    if (e) return e;
    if (a->kind == AEAD) {
        size_t n = 0;
        out->len = MSG_LEN + 16;
        out->p = malloc(out->len);
        e = symmetric_state_encrypt(state, out->p, out->len, MSG, MSG_LEN, &n);
    } else {
        size_t n = 0;
        e = symmetric_state_absorb(state, MSG, MSG_LEN);
        if (!e) e = symmetric_state_squeeze_tag(state, &tag);
        if (!e) {
            out->len = 32;
            out->p = malloc(out->len);
            e = symmetric_tag_pull(tag, out->p, out->len, &n);
            if (e) symmetric_tag_close(tag);
        }
    }
    symmetric_state_close(state);
    if (e) bytes_free(out);
    return e;
}

/* Success when `key` opens (AEAD) or reproduces (MAC) what sym_seal made with the same key. */
static int32_t sym_open(const sym_alg *a, wc_handle key, bytes sealed) {
    if (!sealed.p) return WC_INTERNAL_ERROR;
    if (a->kind == MAC) {
        bytes tag = {0};
        int32_t e = sym_seal(a, key, &tag);
        if (!e && !bytes_eq(tag, sealed)) e = E_VERIFICATION_FAILED;
        bytes_free(&tag);
        return e;
    }
    wc_handle options, state;
    opt_symmetric_key_t k = opt_symmetric_key_some(key);
    int32_t e = options_open(WC_ALG_SYMMETRIC, &options);
    if (e) return e;
    e = options_set(options, "nonce", 5, NONCE, sizeof NONCE);
    opt_options_t o = opt_options_some(options);
    if (!e) e = symmetric_state_open(a->name, strlen(a->name), &k, &o, &state);
    options_close(options);
    if (e) return e;
    uint8_t plain[MSG_LEN];
    size_t n = 0;
    e = symmetric_state_decrypt(state, plain, sizeof plain, sealed.p, sealed.len, &n);
    symmetric_state_close(state);
    if (!e && (n != MSG_LEN || memcmp(plain, MSG, MSG_LEN) != 0)) e = E_VERIFICATION_FAILED;
    return e;
}

/* symmetric_key_id and keypair_id have one signature: the id helpers below serve both. */
typedef crypto_errno_t (*id_function)(wc_handle key, uint8_t *id, size_t id_max_len,
                                      size_t *len, version_t *version);

static int32_t managed_id(id_function get, wc_handle key, key_id *id, uint64_t *version) {
    size_t len = 0;
    memset(id, 0, sizeof *id);
    int32_t e = get(key, id->b, ID_LEN, &len, version);
    if (!e && len != ID_LEN) return WC_INTERNAL_ERROR;
    return e;
}

/* One check: `get` (symmetric_key_id or keypair_id) of `key` reports `want` (or any well-formed
 * id if NULL) and `version`. */
static void expect_managed_id(const char *name, id_function get, wc_handle key,
                              const key_id *want, uint64_t version) {
    uint8_t buf[64];
    size_t len = 0;
    uint64_t v = 0;
    int32_t e = get(key, buf, sizeof buf, &len, &v);
    int ok = !e && id_form_ok(buf, len) && v == version &&
             (want == NULL || memcmp(buf, want->b, ID_LEN) == 0);
    char expected[96];
    snprintf(expected, sizeof expected, "%s id, version %llu", want ? "the same" : "a 32-hex",
             (unsigned long long)version);
    expect_true(name, ok, expected, describe_id(e, buf, len, v));
}

static int32_t sym_id(wc_handle key, key_id *id, uint64_t *version) {
    return managed_id(symmetric_key_id, key, id, version);
}

static void expect_sym_id(const char *name, wc_handle key, const key_id *want, uint64_t version) {
    expect_managed_id(name, symmetric_key_id, key, want, version);
}

/* Closes a key a check made by accident or on purpose; a managed one is invalidated first. */
static void drop_sym(wc_handle key) {
    key_id id;
    uint64_t v;
    if (!sym_id(key, &id, &v)) secrets_manager_invalidate(sm, id.b, ID_LEN, VERSION_ALL);
    symmetric_key_close(key);
}

static int32_t sym_from_id(const key_id *id, uint64_t version, wc_handle *key) {
    return symmetric_key_from_id(sm, id->b, ID_LEN, version, key);
}

/* One check: from_id(id, version) loads a key that opens `sealed`. Closes the key. */
static void expect_sym_loads(const char *name, const sym_alg *a, const key_id *id,
                             uint64_t version, bytes sealed) {
    wc_handle key;
    int32_t e = sym_from_id(id, version, &key);
    if (!e) {
        e = sym_open(a, key, sealed);
        symmetric_key_close(key);
    }
    expect(name, e, E_OK);
}

static void expect_sym_absent(const char *name, const key_id *id, uint64_t version) {
    wc_handle key;
    int32_t e = sym_from_id(id, version, &key);
    if (!e) symmetric_key_close(key);
    expect(name, e, E_NOT_FOUND);
}

static int32_t export_key(wc_handle key) {
    wc_handle out;
    int32_t e = symmetric_key_export(key, &out);
    if (!e) {
        uint8_t *p;
        size_t len;
        if (take_output(out, &p, &len) == E_OK) free(p);
    }
    return e;
}

static int32_t sym_generate(const sym_alg *a, wc_handle *key) {
    return symmetric_key_generate(a->name, strlen(a->name), &NO_OPTIONS, key);
}

static int32_t sym_generate_managed(const sym_alg *a, wc_handle *key) {
    return symmetric_key_generate_managed(sm, a->name, strlen(a->name), &NO_OPTIONS, key);
}

/* generate_managed, lookups by id and version, export. */
static void sym_generate_and_load(const sym_alg *a) {
    const char *n = a->name;
    wc_handle key, other;
    key_id id, id2;
    uint64_t v;
    bytes sealed = {0};

    if (!expect(cname("%s symmetric_key_generate_managed", n), sym_generate_managed(a, &key),
                E_OK))
        return;
    uint8_t small[ID_LEN];
    size_t len;
    expect(cname("%s symmetric_key_id with a 31-byte buffer -> overflow", n),
           symmetric_key_id(key, small, ID_LEN - 1, &len, &v), E_OVERFLOW);
    expect_sym_id(cname("%s symmetric_key_id: 32 lowercase hex bytes, version 1", n), key, NULL,
                  1);
    int32_t e = sym_id(key, &id, &v);
    expect(cname("%s symmetric_key_export of a managed key -> prohibited_operation", n),
           export_key(key), E_PROHIBITED);
    expect(cname("%s the managed key works", n), sym_seal(a, key, &sealed), E_OK);
    if (e || !sealed.p) {
        symmetric_key_close(key);
        bytes_free(&sealed);
        return;
    }
    expect_sym_loads(cname("%s symmetric_key_from_id latest opens what the key sealed", n), a,
                     &id, VERSION_LATEST, sealed);
    expect_sym_loads(cname("%s symmetric_key_from_id version 1 opens what the key sealed", n), a,
                     &id, 1, sealed);
    if (!sym_from_id(&id, VERSION_LATEST, &other)) {
        expect_sym_id(cname("%s the loaded key has the same id, version 1", n), other, &id, 1);
        expect(cname("%s symmetric_key_export of a loaded managed key -> prohibited_operation",
                     n),
               export_key(other), E_PROHIBITED);
        symmetric_key_close(other);
    }
    {
        wc_handle kp, ao;
        e = keypair_from_id(sm, id.b, ID_LEN, VERSION_LATEST, &kp);
        if (!e) keypair_close(kp);
        expect(cname("%s a symmetric key's id in keypair_from_id -> not_found", n), e,
               E_NOT_FOUND);
        e = external_secret_from_id(sm, id.b, ID_LEN, VERSION_LATEST, &ao);
        if (!e) {
            uint8_t *p;
            size_t l;
            if (take_output(ao, &p, &l) == E_OK) free(p);
        }
        expect(cname("%s a symmetric key's id in external_secret_from_id -> not_found", n), e,
               E_NOT_FOUND);
    }
    expect_sym_absent(cname("%s symmetric_key_from_id version 2 (never made) -> not_found", n),
                      &id, 2);
    expect_sym_absent(cname("%s symmetric_key_from_id all -> not_found", n), &id, VERSION_ALL);
    expect_sym_absent(cname("%s symmetric_key_from_id unspecified -> not_found", n), &id,
                      VERSION_UNSPECIFIED);
    e = symmetric_key_from_id(sm, id.b, ID_LEN - 1, VERSION_LATEST, &other);
    if (!e) symmetric_key_close(other);
    expect(cname("%s symmetric_key_from_id with 31 of the 32 bytes -> not_found", n), e,
           E_NOT_FOUND);
    key_id upper = id;
    for (int i = 0; i < ID_LEN; i++) {
        if (upper.b[i] >= 'a' && upper.b[i] <= 'f') upper.b[i] = (uint8_t)(upper.b[i] - 32);
    }
    if (!id_eq(&upper, &id)) {
        expect_sym_absent(cname("%s symmetric_key_from_id with the id in upper case -> not_found",
                                n),
                          &upper, VERSION_LATEST);
    } else {
        pass(cname("%s symmetric_key_from_id with the id in upper case (all digits) -> not_found",
                   n));
    }
    if (!expect(cname("%s a second symmetric_key_generate_managed", n),
                sym_generate_managed(a, &other), E_OK)) {
        symmetric_key_close(key);
        bytes_free(&sealed);
        return;
    }
    e = sym_id(other, &id2, &v);
    expect_true(cname("%s a second managed key gets another id", n), !e && !id_eq(&id, &id2),
                "two ids", e ? errno_name(e) : "the same id twice");
    expect(cname("%s secrets_manager_invalidate all (clean-up)", n),
           secrets_manager_invalidate(sm, id2.b, ID_LEN, VERSION_ALL), E_OK);
    expect(cname("%s secrets_manager_invalidate all (clean-up of the first)", n),
           secrets_manager_invalidate(sm, id.b, ID_LEN, VERSION_ALL), E_OK);
    symmetric_key_close(other);
    symmetric_key_close(key);
    bytes_free(&sealed);
}

/* store_managed of an imported key: overflow, ids, a second store, the material kept. */
static void sym_store(const sym_alg *a) {
    const char *n = a->name;
    wc_handle key, copy, loaded;
    uint8_t small[ID_LEN];
    key_id id, again;
    uint64_t v;
    bytes sealed = {0};

    if (!expect(cname("%s symmetric_key_import for store_managed", n),
                symmetric_key_import(a->name, strlen(a->name), KNOWN_KEY, 32, &key), E_OK))
        return;
    expect(cname("%s symmetric_key_id of an unmanaged key -> unsupported_feature", n),
           symmetric_key_id(key, small, ID_LEN, &(size_t){0}, &v), E_UNSUPPORTED_FEATURE);
    expect(cname("%s symmetric_key_store_managed with a 31-byte buffer -> overflow", n),
           symmetric_key_store_managed(sm, key, small, ID_LEN - 1), E_OVERFLOW);
    expect(cname("%s after overflow the key is still unmanaged (symmetric_key_id ->"
                 " unsupported_feature)",
                 n),
           symmetric_key_id(key, small, ID_LEN, &(size_t){0}, &v), E_UNSUPPORTED_FEATURE);
    memset(&id, 0, sizeof id);
    int32_t e = symmetric_key_store_managed(sm, key, id.b, ID_LEN);
    expect_true(cname("%s symmetric_key_store_managed writes a 32-hex id", n),
                !e && id_form_ok(id.b, ID_LEN), "a 32-hex id", describe_id(e, id.b, ID_LEN, 0));
    if (e) {
        symmetric_key_close(key);
        return;
    }
    expect_sym_id(cname("%s the stored handle is managed: same id, version 1", n), key, &id, 1);
    memset(&again, 0, sizeof again);
    e = symmetric_key_store_managed(sm, key, again.b, ID_LEN);
    expect_true(cname("%s symmetric_key_store_managed of a managed key writes its id again", n),
                !e && id_eq(&id, &again), "the same id", describe_id(e, again.b, ID_LEN, 0));
    e = symmetric_key_import(a->name, strlen(a->name), KNOWN_KEY, 32, &copy);
    if (!e) {
        e = sym_seal(a, copy, &sealed);
        symmetric_key_close(copy);
    }
    if (!e) {
        expect_sym_loads(cname("%s symmetric_key_from_id latest has the stored material", n), a,
                         &id, VERSION_LATEST, sealed);
    }
    expect_sym_absent(cname("%s the second store stored nothing (version 2 -> not_found)", n),
                      &id, 2);
    if (!sym_from_id(&id, VERSION_LATEST, &loaded)) {
        expect(cname("%s export of the stored copy -> prohibited_operation", n),
               export_key(loaded), E_PROHIBITED);
        symmetric_key_close(loaded);
    }
    expect(cname("%s secrets_manager_invalidate all (clean-up)", n),
           secrets_manager_invalidate(sm, id.b, ID_LEN, VERSION_ALL), E_OK);
    symmetric_key_close(key);
    bytes_free(&sealed);
}

/* replace_managed, versions, latest, invalidate of one / latest / all. */
static void sym_replace_and_invalidate(const sym_alg *a) {
    const char *n = a->name;
    wc_handle k1, k2, k3, k4, loaded3, tmp;
    key_id id;
    uint64_t v = 0;
    bytes s1 = {0}, s2 = {0}, s3 = {0};

    int32_t e = sym_generate_managed(a, &k1);
    if (!e) e = sym_id(k1, &id, &v);
    if (!e) e = sym_seal(a, k1, &s1);
    if (!e) e = sym_generate(a, &k2);
    if (!e) e = sym_seal(a, k2, &s2);
    if (!expect(cname("%s keys for the replace checks", n), e, E_OK)) return;

    v = 0;
    e = symmetric_key_replace_managed(sm, k1, k2, &v);
    expect_true(cname("%s symmetric_key_replace_managed -> version 2", n), !e && v == 2,
                "version 2", describe_id(e, id.b, ID_LEN, v));
    {
        opt_symmetric_key_t old = opt_symmetric_key_some(k1);
        expect(cname("%s the replaced handle is closed: using it -> invalid_handle", n),
               symmetric_state_open(a->name, strlen(a->name), &old, &NO_OPTIONS, &tmp),
               E_INVALID_HANDLE);
        expect(cname("%s the replaced handle is closed: closing it -> closed", n),
               symmetric_key_close(k1), E_CLOSED);
    }
    expect_sym_id(cname("%s the new key took the id, version 2", n), k2, &id, 2);
    expect_sym_loads(cname("%s from_id latest is version 2", n), a, &id, VERSION_LATEST, s2);
    expect_sym_loads(cname("%s from_id 1 is still the first key", n), a, &id, 1, s1);

    e = sym_generate(a, &k3);
    if (!e) e = sym_seal(a, k3, &s3);
    v = 0;
    if (!e) e = symmetric_key_replace_managed(sm, k2, k3, &v);
    expect_true(cname("%s a second replace -> version 3", n), !e && v == 3, "version 3",
                describe_id(e, id.b, ID_LEN, v));
    e = sym_from_id(&id, 3, &loaded3);
    expect(cname("%s from_id 3 before any invalidation", n), e, E_OK);

    expect(cname("%s secrets_manager_invalidate version 2", n),
           secrets_manager_invalidate(sm, id.b, ID_LEN, 2), E_OK);
    expect_sym_absent(cname("%s from_id 2 after invalidating it -> not_found", n), &id, 2);
    expect_sym_loads(cname("%s from_id latest is still version 3", n), a, &id, VERSION_LATEST,
                     s3);
    expect(cname("%s secrets_manager_invalidate version 2 again -> not_found", n),
           secrets_manager_invalidate(sm, id.b, ID_LEN, 2), E_NOT_FOUND);
    expect(cname("%s secrets_manager_invalidate latest (version 3)", n),
           secrets_manager_invalidate(sm, id.b, ID_LEN, VERSION_LATEST), E_OK);
    expect_sym_absent(cname("%s from_id 3 after invalidating latest -> not_found", n), &id, 3);
    expect_sym_loads(cname("%s from_id latest is now the highest live version, 1", n), a, &id,
                     VERSION_LATEST, s1);
    if (!e) {
        expect(cname("%s a handle loaded before the invalidation keeps working", n),
               sym_open(a, loaded3, s3), E_OK);
        expect_sym_id(cname("%s ... and still reports version 3", n), loaded3, &id, 3);
        symmetric_key_close(loaded3);
    }
    expect(cname("%s the live handle of an invalidated version keeps working", n),
           sym_open(a, k3, s3), E_OK);

    v = 0;
    e = sym_generate(a, &k4);
    if (!e) e = symmetric_key_replace_managed(sm, k3, k4, &v);
    expect_true(cname("%s replace after invalidations -> version 4 (numbers are never reused)",
                      n),
                !e && v == 4, "version 4", describe_id(e, id.b, ID_LEN, v));

    expect(cname("%s secrets_manager_invalidate all", n),
           secrets_manager_invalidate(sm, id.b, ID_LEN, VERSION_ALL), E_OK);
    expect_sym_absent(cname("%s from_id latest after invalidating all -> not_found", n), &id,
                      VERSION_LATEST);
    expect_sym_absent(cname("%s from_id 1 after invalidating all -> not_found", n), &id, 1);
    expect_sym_absent(cname("%s from_id 4 after invalidating all -> not_found", n), &id, 4);
    expect(cname("%s secrets_manager_invalidate all again -> not_found", n),
           secrets_manager_invalidate(sm, id.b, ID_LEN, VERSION_ALL), E_NOT_FOUND);
    expect(cname("%s secrets_manager_invalidate latest with nothing live -> not_found", n),
           secrets_manager_invalidate(sm, id.b, ID_LEN, VERSION_LATEST), E_NOT_FOUND);
    expect(cname("%s secrets_manager_invalidate 1 (already invalidated) -> not_found", n),
           secrets_manager_invalidate(sm, id.b, ID_LEN, 1), E_NOT_FOUND);
    symmetric_key_close(k4);
    bytes_free(&s1);
    bytes_free(&s2);
    bytes_free(&s3);
}

/* Error cases of the symmetric managed functions that need one algorithm only. */
static void sym_errors(void) {
    const sym_alg *aes = &SYM_ALGS[0], *hmac = &SYM_ALGS[1];
    wc_handle managed, plain, plain2, hkey, closed, tmp;
    uint8_t buf[ID_LEN];
    uint64_t v;
    size_t len;

    int32_t e = sym_generate_managed(aes, &managed);
    if (!e) e = sym_generate(aes, &plain);
    if (!e) e = sym_generate(aes, &plain2);
    if (!e) e = sym_generate(hmac, &hkey);
    if (!e) e = sym_generate(aes, &closed);
    if (!e) e = symmetric_key_close(closed);
    if (!expect("symmetric error checks: keys", e, E_OK)) return;

    expect("symmetric_key_replace_managed with an unmanaged old key -> unsupported_feature",
           symmetric_key_replace_managed(sm, plain, plain2, &v), E_UNSUPPORTED_FEATURE);
    expect("symmetric_key_replace_managed with the same handle twice -> invalid_handle",
           symmetric_key_replace_managed(sm, managed, managed, &v), E_INVALID_HANDLE);
    expect("symmetric_key_replace_managed AES-256-GCM by HMAC/SHA-256 -> incompatible_keys",
           symmetric_key_replace_managed(sm, managed, hkey, &v), E_INCOMPATIBLE_KEYS);
    expect_sym_id("after incompatible_keys the old key is still open and managed, version 1",
                  managed, NULL, 1);
    expect("symmetric_key_replace_managed with a closed new key -> invalid_handle",
           symmetric_key_replace_managed(sm, managed, closed, &v), E_INVALID_HANDLE);
    expect("symmetric_key_replace_managed with a bogus manager -> invalid_handle",
           symmetric_key_replace_managed(BOGUS_HANDLE, managed, plain, &v), E_INVALID_HANDLE);
    expect("symmetric_key_id of a closed key -> invalid_handle",
           symmetric_key_id(closed, buf, ID_LEN, &len, &v), E_INVALID_HANDLE);
    expect("symmetric_key_id of a bogus handle -> invalid_handle",
           symmetric_key_id(BOGUS_HANDLE, buf, ID_LEN, &len, &v), E_INVALID_HANDLE);
    expect("symmetric_key_store_managed of a closed key -> invalid_handle",
           symmetric_key_store_managed(sm, closed, buf, ID_LEN), E_INVALID_HANDLE);
    expect("symmetric_key_store_managed with a bogus manager -> invalid_handle",
           symmetric_key_store_managed(BOGUS_HANDLE, plain, buf, ID_LEN), E_INVALID_HANDLE);
    expect("symmetric_key_generate_managed with a key handle as the manager -> invalid_handle",
           symmetric_key_generate_managed(plain, "AES-256-GCM", 11, &NO_OPTIONS, &tmp),
           E_INVALID_HANDLE);
    expect("symmetric_key_from_id with a bogus manager -> invalid_handle",
           symmetric_key_from_id(BOGUS_HANDLE, UNKNOWN_ID, ID_LEN, VERSION_LATEST, &tmp),
           E_INVALID_HANDLE);
    expect("symmetric_key_from_id of an id nobody assigned -> not_found",
           symmetric_key_from_id(sm, UNKNOWN_ID, ID_LEN, VERSION_LATEST, &tmp), E_NOT_FOUND);
    expect("symmetric_key_from_id of an empty id -> not_found",
           symmetric_key_from_id(sm, UNKNOWN_ID, 0, VERSION_LATEST, &tmp), E_NOT_FOUND);
    expect("symmetric_key_generate_managed of an unknown algorithm -> unsupported_algorithm",
           symmetric_key_generate_managed(sm, "AES-999-GCM", 11, &NO_OPTIONS, &tmp),
           E_UNSUPPORTED_ALGORITHM);

    /* The same algorithm and option rules as the unmanaged generate. */
    static const char *same_rules[] = {"SHA-256", "HKDF-EXPAND/SHA-256", "aes-256-gcm"};
    for (size_t i = 0; i < sizeof same_rules / sizeof same_rules[0]; i++) {
        const char *alg = same_rules[i];
        wc_handle k1 = 0, k2 = 0;
        int32_t plain_e = symmetric_key_generate(alg, strlen(alg), &NO_OPTIONS, &k1);
        int32_t managed_e = symmetric_key_generate_managed(sm, alg, strlen(alg), &NO_OPTIONS, &k2);
        if (plain_e == E_OK && managed_e == E_UNSUPPORTED_ALGORITHM) {
            printf("# SKIP %s (1 check): symmetric_key_generate_managed answered"
                   " unsupported_algorithm while symmetric_key_generate works: the store cannot"
                   " keep %s keys\n",
                   alg, alg);
            g_skipped += 1;
            symmetric_key_close(k1);
            continue;
        }
        expect(cname("symmetric_key_generate_managed %s answers as symmetric_key_generate (%s)",
                     alg, errno_name(plain_e)),
               managed_e, plain_e);
        if (!plain_e) symmetric_key_close(k1);
        if (!managed_e) drop_sym(k2);
    }
    {
        wc_handle options;
        opt_options_t bogus = {OPT_SOME, BOGUS_HANDLE};
        expect("symmetric_key_generate_managed with a bogus options handle -> invalid_handle",
               symmetric_key_generate_managed(sm, "AES-256-GCM", 11, &bogus, &tmp),
               E_INVALID_HANDLE);
        if (!options_open(WC_ALG_SIGNATURES, &options)) {
            opt_options_t wrong = opt_options_some(options);
            int32_t plain_e = symmetric_key_generate("AES-256-GCM", 11, &wrong, &tmp);
            if (!plain_e) symmetric_key_close(tmp);
            int32_t managed_e = symmetric_key_generate_managed(sm, "AES-256-GCM", 11, &wrong, &tmp);
            if (!managed_e) drop_sym(tmp);
            expect(cname("symmetric_key_generate_managed with signature options answers as"
                         " symmetric_key_generate (%s)",
                         errno_name(plain_e)),
                   managed_e, plain_e);
            options_close(options);
        }
    }

    key_id id;
    if (!sym_id(managed, &id, &v)) {
        expect("secrets_manager_invalidate unspecified -> not_found",
               secrets_manager_invalidate(sm, id.b, ID_LEN, VERSION_UNSPECIFIED), E_NOT_FOUND);
        expect("secrets_manager_invalidate a version never made -> not_found",
               secrets_manager_invalidate(sm, id.b, ID_LEN, 7), E_NOT_FOUND);
        expect("secrets_manager_invalidate with 31 of the 32 id bytes -> not_found",
               secrets_manager_invalidate(sm, id.b, ID_LEN - 1, VERSION_ALL), E_NOT_FOUND);
        expect("... and the key is still there", sym_from_id(&id, 1, &tmp), E_OK);
        symmetric_key_close(tmp);
        secrets_manager_invalidate(sm, id.b, ID_LEN, VERSION_ALL);
    }
    expect("secrets_manager_invalidate of an id nobody assigned -> not_found",
           secrets_manager_invalidate(sm, UNKNOWN_ID, ID_LEN, VERSION_ALL), E_NOT_FOUND);
    expect("secrets_manager_invalidate with a bogus manager -> invalid_handle",
           secrets_manager_invalidate(BOGUS_HANDLE, UNKNOWN_ID, ID_LEN, VERSION_ALL),
           E_INVALID_HANDLE);

    symmetric_key_close(managed);
    symmetric_key_close(plain);
    symmetric_key_close(plain2);
    symmetric_key_close(hkey);
}

/* ---- key pairs ------------------------------------------------------------------------------ */

typedef struct {
    const char *name;
    int32_t type;   /* algorithm_type */
    int32_t pk_enc; /* an encoding every public key of the algorithm has */
    int kx;
} kp_alg;

static const kp_alg KP_ALGS[] = {
    {"Ed25519", WC_ALG_SIGNATURES, WC_K_RAW, 0},
    {"ECDSA_P256_SHA256", WC_ALG_SIGNATURES, WC_K_SEC, 0},
    {"X25519", WC_ALG_KEY_EXCHANGE, WC_K_RAW, 1},
    {"P256-SHA256", WC_ALG_KEY_EXCHANGE, WC_K_SEC, 1},
};
#define NKP (sizeof(KP_ALGS) / sizeof(KP_ALGS[0]))

static int32_t kp_generate(const kp_alg *a, wc_handle *kp) {
    return keypair_generate(a->type, a->name, strlen(a->name), &NO_OPTIONS, kp);
}

static int32_t kp_generate_managed(const kp_alg *a, wc_handle *kp) {
    return keypair_generate_managed(sm, a->type, a->name, strlen(a->name), &NO_OPTIONS, kp);
}

static int32_t kp_id(wc_handle kp, key_id *id, uint64_t *version) {
    return managed_id(keypair_id, kp, id, version);
}

static void expect_kp_id(const char *name, wc_handle kp, const key_id *want, uint64_t version) {
    expect_managed_id(name, keypair_id, kp, want, version);
}

/* The public key of `kp`, exported in the algorithm's encoding. */
static int32_t kp_public_bytes(const kp_alg *a, wc_handle kp, bytes *out) {
    wc_handle pk, ao;
    out->p = NULL;
    out->len = 0;
    int32_t e = keypair_publickey(kp, &pk);
    if (e) return e;
    e = publickey_export(pk, a->pk_enc, &ao);
    publickey_close(pk);
    return e ? e : take_output(ao, &out->p, &out->len);
}

static int32_t dh_bytes(wc_handle pk, wc_handle sk, bytes *out) {
    wc_handle ao;
    out->p = NULL;
    out->len = 0;
    int32_t e = kx_dh(pk, sk, &ao);
    return e ? e : take_output(ao, &out->p, &out->len);
}

/*
 * What proves that a key pair is a given one: for signatures its public key `pk` (signatures
 * of the pair verify with it); for key exchange a peer pair and the secret the peer computes.
 */
typedef struct {
    wc_handle pk;     /* the original public key */
    wc_handle peer;   /* kx: a peer key pair */
    bytes secret;     /* kx: dh(original public key, peer secret key) */
} kp_proof;

static int32_t kp_proof_make(const kp_alg *a, wc_handle kp, kp_proof *proof) {
    memset(proof, 0, sizeof *proof);
    int32_t e = keypair_publickey(kp, &proof->pk);
    if (e || !a->kx) return e;
    wc_handle peer_sk;
    e = kp_generate(a, &proof->peer);
    if (!e) e = keypair_secretkey(proof->peer, &peer_sk);
    if (!e) {
        e = dh_bytes(proof->pk, peer_sk, &proof->secret);
        secretkey_close(peer_sk);
    }
    return e;
}

static void kp_proof_free(const kp_alg *a, kp_proof *proof) {
    publickey_close(proof->pk);
    if (a->kx) {
        keypair_close(proof->peer);
        bytes_free(&proof->secret);
    }
}

/* Success when `kp` is the pair the proof was made from (it signs / agrees as that pair). */
static int32_t kp_prove(const kp_alg *a, wc_handle kp, const kp_proof *proof) {
    if (!a->kx) {
        wc_handle sig;
        int32_t e = sign_msg(kp, MSG, MSG_LEN, &sig);
        if (e) return e;
        e = verify_msg(proof->pk, MSG, MSG_LEN, sig);
        signature_close(sig);
        return e;
    }
    wc_handle sk, peer_pk;
    bytes secret = {0};
    int32_t e = keypair_secretkey(kp, &sk);
    if (e) return e;
    e = keypair_publickey(proof->peer, &peer_pk);
    if (!e) {
        e = dh_bytes(peer_pk, sk, &secret);
        publickey_close(peer_pk);
    }
    secretkey_close(sk);
    if (!e && !bytes_eq(secret, proof->secret)) e = E_VERIFICATION_FAILED;
    bytes_free(&secret);
    return e;
}

static void drop_kp(wc_handle kp) {
    key_id id;
    uint64_t v;
    if (!kp_id(kp, &id, &v)) secrets_manager_invalidate(sm, id.b, ID_LEN, VERSION_ALL);
    keypair_close(kp);
}

static int32_t kp_from_id(const key_id *id, uint64_t version, wc_handle *kp) {
    return keypair_from_id(sm, id->b, ID_LEN, version, kp);
}

static void expect_kp_loads(const char *name, const kp_alg *a, const key_id *id,
                            uint64_t version, const kp_proof *proof) {
    wc_handle kp;
    int32_t e = kp_from_id(id, version, &kp);
    if (!e) {
        e = kp_prove(a, kp, proof);
        keypair_close(kp);
    }
    expect(name, e, E_OK);
}

static void expect_kp_absent(const char *name, const key_id *id, uint64_t version) {
    wc_handle kp;
    int32_t e = kp_from_id(id, version, &kp);
    if (!e) keypair_close(kp);
    expect(name, e, E_NOT_FOUND);
}

static int32_t export_keypair(wc_handle kp, int32_t enc) {
    wc_handle ao;
    int32_t e = keypair_export(kp, enc, &ao);
    if (!e) {
        uint8_t *p;
        size_t len;
        if (take_output(ao, &p, &len) == E_OK) free(p);
    }
    return e;
}

/* keypair_secretkey may hand out a handle, but its bytes never leave. */
static int32_t export_secret_half(wc_handle kp) {
    wc_handle sk, ao;
    int32_t e = keypair_secretkey(kp, &sk);
    if (e) return e == E_PROHIBITED ? E_PROHIBITED : e;
    e = secretkey_export(sk, WC_K_RAW, &ao);
    if (!e) {
        uint8_t *p;
        size_t len;
        if (take_output(ao, &p, &len) == E_OK) free(p);
    }
    secretkey_close(sk);
    return e;
}

/*
 * The checks kp_suite makes for one algorithm. A skipped algorithm reports this number in its
 * "# SKIP" line, so the JUnit side can account for it; kp_suite itself fails if it drifts.
 */
#define KP_SUITE_CHECKS 30

static void kp_suite_checks(const kp_alg *a);

static void kp_suite(const kp_alg *a) {
    int before = g_checks, failures_before = g_failures, skipped_before = g_skipped;
    kp_suite_checks(a);
    int made = g_checks - before + (g_skipped - skipped_before);
    if (g_failures == failures_before && made != KP_SUITE_CHECKS) {
        fail(cname("%s: KP_SUITE_CHECKS in managed_keys.c is stale", a->name),
             "30 checks per algorithm", "another number");
    }
}

/* Everything a managed key pair of one algorithm must do. */
static void kp_suite_checks(const kp_alg *a) {
    const char *n = a->name;
    wc_handle kp, loaded, fresh, other_alg;
    key_id id;
    uint64_t v = 0;
    kp_proof proof, proof2;
    bytes pub = {0};

    int32_t e = kp_generate_managed(a, &kp);
    if (e == E_UNSUPPORTED_ALGORITHM) {
        wc_handle probe;
        if (kp_generate(a, &probe) == E_OK) {
            keypair_close(probe);
            printf("# SKIP %s (%d checks): keypair_generate_managed answered unsupported_algorithm"
                   " while keypair_generate works: the store cannot keep %s keys\n",
                   n, KP_SUITE_CHECKS, n);
            g_skipped += KP_SUITE_CHECKS;
            return;
        }
    }
    if (!expect(cname("%s keypair_generate_managed", n), e, E_OK)) return;
    uint8_t small[ID_LEN];
    size_t len;
    expect(cname("%s keypair_id with a 31-byte buffer -> overflow", n),
           keypair_id(kp, small, ID_LEN - 1, &len, &v), E_OVERFLOW);
    expect_kp_id(cname("%s keypair_id: 32 lowercase hex bytes, version 1", n), kp, NULL, 1);
    e = kp_id(kp, &id, &v);
    expect(cname("%s keypair_export raw of a managed pair -> prohibited_operation", n),
           export_keypair(kp, WC_KP_RAW), E_PROHIBITED);
    expect(cname("%s keypair_export pkcs8 of a managed pair -> prohibited_operation", n),
           export_keypair(kp, WC_KP_PKCS8), E_PROHIBITED);
    expect(cname("%s the secret key of a managed pair does not export -> prohibited_operation",
                 n),
           export_secret_half(kp), E_PROHIBITED);
    expect(cname("%s the public key of a managed pair exports", n), kp_public_bytes(a, kp, &pub),
           E_OK);
    int32_t pe = kp_proof_make(a, kp, &proof);
    expect(cname("%s the managed pair works (%s)", n, a->kx ? "kx_dh" : "sign, verify"),
           pe ? pe : kp_prove(a, kp, &proof), E_OK);
    if (e || pe) {
        if (!pe) kp_proof_free(a, &proof);
        keypair_close(kp);
        bytes_free(&pub);
        return;
    }

    expect_kp_loads(cname("%s keypair_from_id latest is the same pair", n), a, &id,
                    VERSION_LATEST, &proof);
    expect_kp_loads(cname("%s keypair_from_id 1 is the same pair", n), a, &id, 1, &proof);
    if (!kp_from_id(&id, VERSION_LATEST, &loaded)) {
        bytes pub2 = {0};
        e = kp_public_bytes(a, loaded, &pub2);
        expect_true(cname("%s the loaded pair has the same public key", n),
                    !e && bytes_eq(pub, pub2), "the same bytes", e ? errno_name(e) : "others");
        bytes_free(&pub2);
        expect_kp_id(cname("%s the loaded pair has the same id, version 1", n), loaded, &id, 1);
        expect(cname("%s keypair_export of a loaded managed pair -> prohibited_operation", n),
               export_keypair(loaded, WC_KP_PKCS8), E_PROHIBITED);
        keypair_close(loaded);
    }
    expect_kp_absent(cname("%s keypair_from_id 2 (never made) -> not_found", n), &id, 2);
    expect_kp_absent(cname("%s keypair_from_id all -> not_found", n), &id, VERSION_ALL);
    {
        wc_handle k;
        e = symmetric_key_from_id(sm, id.b, ID_LEN, VERSION_LATEST, &k);
        if (!e) symmetric_key_close(k);
        expect(cname("%s a key pair's id in symmetric_key_from_id -> not_found", n), e,
               E_NOT_FOUND);
        wc_handle ao;
        e = external_secret_from_id(sm, id.b, ID_LEN, VERSION_LATEST, &ao);
        if (!e) {
            uint8_t *p;
            size_t l;
            if (take_output(ao, &p, &l) == E_OK) free(p);
        }
        expect(cname("%s a key pair's id in external_secret_from_id -> not_found", n), e,
               E_NOT_FOUND);
        expect(cname("%s a key pair's id in external_secret_invalidate -> not_found", n),
               external_secret_invalidate(sm, id.b, ID_LEN, VERSION_ALL), E_NOT_FOUND);
    }

    /* replace */
    e = kp_generate(a, &fresh);
    if (!e) e = kp_proof_make(a, fresh, &proof2);
    if (!expect(cname("%s a second pair for replace", n), e, E_OK)) {
        kp_proof_free(a, &proof);
        keypair_close(kp);
        bytes_free(&pub);
        return;
    }
    int32_t le = kp_from_id(&id, 1, &loaded);
    v = 0;
    int32_t re = keypair_replace_managed(sm, kp, fresh, &v);
    expect_true(cname("%s keypair_replace_managed -> version 2", n), !re && v == 2, "version 2",
                describe_id(re, id.b, ID_LEN, v));
    {
        wc_handle pk;
        expect(cname("%s the replaced handle is closed: using it -> invalid_handle", n),
               keypair_publickey(kp, &pk), E_INVALID_HANDLE);
        expect(cname("%s the replaced handle is closed: closing it -> closed", n),
               keypair_close(kp), E_CLOSED);
    }
    expect_kp_id(cname("%s the new pair took the id, version 2", n), fresh, &id, 2);
    expect_kp_loads(cname("%s keypair_from_id latest is the new pair", n), a, &id,
                    VERSION_LATEST, &proof2);
    expect_kp_loads(cname("%s keypair_from_id 1 is still the first pair", n), a, &id, 1, &proof);

    e = kp_generate(&KP_ALGS[a->kx ? (strcmp(n, "X25519") == 0 ? 3 : 2)
                                   : (strcmp(n, "Ed25519") == 0 ? 1 : 0)],
                    &other_alg);
    if (!e) {
        expect(cname("%s keypair_replace_managed by a pair of another algorithm ->"
                     " incompatible_keys",
                     n),
               keypair_replace_managed(sm, fresh, other_alg, &v), E_INCOMPATIBLE_KEYS);
        keypair_close(other_alg);
    } else {
        printf("# SKIP %s (1 check): keypair_replace_managed by a pair of another algorithm:"
               " that algorithm is unavailable here (%s)\n",
               n, errno_name(e));
        g_skipped += 1;
    }

    expect(cname("%s secrets_manager_invalidate all", n),
           secrets_manager_invalidate(sm, id.b, ID_LEN, VERSION_ALL), E_OK);
    expect_kp_absent(cname("%s keypair_from_id latest after invalidating all -> not_found", n),
                     &id, VERSION_LATEST);
    expect_kp_absent(cname("%s keypair_from_id 1 after invalidating all -> not_found", n), &id, 1);
    if (!le) {
        expect(cname("%s a pair loaded before the invalidation keeps working", n),
               kp_prove(a, loaded, &proof), E_OK);
        keypair_close(loaded);
    }
    keypair_close(fresh);
    kp_proof_free(a, &proof);
    kp_proof_free(a, &proof2);
    bytes_free(&pub);
}

/* Signs the empty message with `kp`; success when it is RFC 8032 TEST 1's signature. */
static int32_t rfc8032_signature(wc_handle kp) {
    wc_handle sig, ao;
    bytes got = {0}, want = unhex(RFC8032_SIG);
    int32_t e = sign_msg(kp, (const uint8_t *)"", 0, &sig);
    if (!e) {
        e = signature_export(sig, WC_SIG_RAW, &ao);
        if (!e) e = take_output(ao, &got.p, &got.len);
        signature_close(sig);
    }
    if (!e && !bytes_eq(got, want)) e = E_VERIFICATION_FAILED;
    bytes_free(&got);
    bytes_free(&want);
    return e;
}

static int32_t import_rfc8032(wc_handle *kp) {
    bytes seed = unhex(RFC8032_SEED), pk = unhex(RFC8032_PK);
    uint8_t raw[64];
    memcpy(raw, seed.p, 32);
    memcpy(raw + 32, pk.p, 32);
    bytes_free(&seed);
    bytes_free(&pk);
    return keypair_import(WC_ALG_SIGNATURES, "Ed25519", 7, raw, sizeof raw, WC_KP_RAW, kp);
}

/* keypair_store_managed of an imported Ed25519 pair (kept live: printed as "# keep keypair"). */
static void kp_store(key_id *kept) {
    wc_handle kp, loaded;
    uint8_t small[ID_LEN];
    key_id id, again;
    uint64_t v;

    memset(kept, 0, sizeof *kept);
    if (!expect("Ed25519 keypair_import (RFC 8032 TEST 1) for store_managed", import_rfc8032(&kp),
                E_OK))
        return;
    expect("Ed25519 keypair_id of an unmanaged pair -> unsupported_feature",
           keypair_id(kp, small, ID_LEN, &(size_t){0}, &v), E_UNSUPPORTED_FEATURE);
    expect("Ed25519 keypair_store_managed with a 31-byte buffer -> overflow",
           keypair_store_managed(sm, kp, small, ID_LEN - 1), E_OVERFLOW);
    expect("Ed25519 after overflow the pair is still unmanaged (keypair_id ->"
           " unsupported_feature)",
           keypair_id(kp, small, ID_LEN, &(size_t){0}, &v), E_UNSUPPORTED_FEATURE);
    memset(&id, 0, sizeof id);
    int32_t e = keypair_store_managed(sm, kp, id.b, ID_LEN);
    expect_true("Ed25519 keypair_store_managed writes a 32-hex id", !e && id_form_ok(id.b, ID_LEN),
                "a 32-hex id", describe_id(e, id.b, ID_LEN, 0));
    if (e) {
        keypair_close(kp);
        return;
    }
    expect_kp_id("Ed25519 the stored handle is managed: same id, version 1", kp, &id, 1);
    memset(&again, 0, sizeof again);
    e = keypair_store_managed(sm, kp, again.b, ID_LEN);
    expect_true("Ed25519 keypair_store_managed of a managed pair writes its id again",
                !e && id_eq(&id, &again), "the same id", describe_id(e, again.b, ID_LEN, 0));
    expect_kp_absent("Ed25519 the second store stored nothing (version 2 -> not_found)", &id, 2);
    e = kp_from_id(&id, VERSION_LATEST, &loaded);
    if (!e) {
        e = rfc8032_signature(loaded);
        keypair_close(loaded);
    }
    expect("Ed25519 keypair_from_id of the stored pair signs RFC 8032 TEST 1 exactly", e, E_OK);
    expect("Ed25519 keypair_store_managed with a bogus manager -> invalid_handle",
           keypair_store_managed(BOGUS_HANDLE, kp, small, ID_LEN), E_INVALID_HANDLE);
    keypair_close(kp);
    expect("Ed25519 keypair_store_managed of a closed pair -> invalid_handle",
           keypair_store_managed(sm, kp, small, ID_LEN), E_INVALID_HANDLE);
    *kept = id;
}

static void kp_errors(void) {
    wc_handle a, b, m, tmp;
    uint64_t v;
    uint8_t buf[ID_LEN];
    size_t len;
    const kp_alg *ed = &KP_ALGS[0];
    int32_t e = kp_generate(ed, &a);
    if (!e) e = kp_generate(ed, &b);
    if (!e) e = kp_generate_managed(ed, &m);
    if (!expect("key pair error checks: pairs", e, E_OK)) return;
    expect("keypair_replace_managed with an unmanaged old pair -> unsupported_feature",
           keypair_replace_managed(sm, a, b, &v), E_UNSUPPORTED_FEATURE);
    expect("keypair_replace_managed with the same handle twice -> invalid_handle",
           keypair_replace_managed(sm, m, m, &v), E_INVALID_HANDLE);
    expect("keypair_replace_managed with a bogus manager -> invalid_handle",
           keypair_replace_managed(BOGUS_HANDLE, m, a, &v), E_INVALID_HANDLE);
    expect("keypair_id of a bogus handle -> invalid_handle",
           keypair_id(BOGUS_HANDLE, buf, ID_LEN, &len, &v), E_INVALID_HANDLE);
    expect("keypair_from_id with a bogus manager -> invalid_handle",
           keypair_from_id(BOGUS_HANDLE, UNKNOWN_ID, ID_LEN, VERSION_LATEST, &tmp),
           E_INVALID_HANDLE);
    expect("keypair_from_id of an id nobody assigned -> not_found",
           keypair_from_id(sm, UNKNOWN_ID, ID_LEN, VERSION_LATEST, &tmp), E_NOT_FOUND);
    expect("keypair_generate_managed of an unknown algorithm -> unsupported_algorithm",
           keypair_generate_managed(sm, WC_ALG_SIGNATURES, "Ed99999", 7, &NO_OPTIONS, &tmp),
           E_UNSUPPORTED_ALGORITHM);
    expect("keypair_generate_managed with a key pair as the manager -> invalid_handle",
           keypair_generate_managed(a, WC_ALG_SIGNATURES, "Ed25519", 7, &NO_OPTIONS, &tmp),
           E_INVALID_HANDLE);
    {
        int32_t plain_e = keypair_generate(WC_ALG_SIGNATURES, "X25519", 6, &NO_OPTIONS, &tmp);
        if (!plain_e) keypair_close(tmp);
        int32_t managed_e =
            keypair_generate_managed(sm, WC_ALG_SIGNATURES, "X25519", 6, &NO_OPTIONS, &tmp);
        if (!managed_e) drop_kp(tmp);
        expect(cname("keypair_generate_managed of a kx name as a signature algorithm answers as"
                     " keypair_generate (%s)",
                     errno_name(plain_e)),
               managed_e, plain_e);
    }
    {
        wc_handle options;
        if (!options_open(WC_ALG_SYMMETRIC, &options)) {
            opt_options_t wrong = opt_options_some(options);
            int32_t plain_e = keypair_generate(WC_ALG_SIGNATURES, "Ed25519", 7, &wrong, &tmp);
            if (!plain_e) keypair_close(tmp);
            int32_t managed_e =
                keypair_generate_managed(sm, WC_ALG_SIGNATURES, "Ed25519", 7, &wrong, &tmp);
            if (!managed_e) drop_kp(tmp);
            expect(cname("keypair_generate_managed with symmetric options answers as"
                         " keypair_generate (%s)",
                         errno_name(plain_e)),
                   managed_e, plain_e);
            options_close(options);
        }
    }
    keypair_close(a);
    keypair_close(b);
    drop_kp(m);
}

/* ---- the manager itself ------------------------------------------------------------------ */

static void manager(void) {
    wc_handle sm2, sm3, options, key, tmp;
    opt_options_t some;
    const sym_alg *aes = &SYM_ALGS[0];

    if (!options_open(WC_ALG_SYMMETRIC, &options)) {
        some = opt_options_some(options);
        int32_t e = secrets_manager_open(&some, &sm2);
        expect("secrets_manager_open with an options set that sets nothing", e, E_OK);
        if (!e) expect("secrets_manager_close of it", secrets_manager_close(sm2), E_OK);
        expect("options_set nonce (for the next check)",
               options_set(options, "nonce", 5, NONCE, sizeof NONCE), E_OK);
        e = secrets_manager_open(&some, &sm2);
        if (!e) secrets_manager_close(sm2);
        expect("secrets_manager_open with an option set -> unsupported_option", e,
               E_UNSUPPORTED_OPTION);
        options_close(options);
        e = secrets_manager_open(&some, &sm2);
        if (!e) secrets_manager_close(sm2);
        expect("secrets_manager_open with a closed options handle -> invalid_handle", e,
               E_INVALID_HANDLE);
    }
    some.tag = OPT_SOME;
    some.handle = BOGUS_HANDLE;
    int32_t e = secrets_manager_open(&some, &sm2);
    if (!e) secrets_manager_close(sm2);
    expect("secrets_manager_open with a bogus options handle -> invalid_handle", e,
           E_INVALID_HANDLE);

    /* Keys loaded through a manager outlive it; the store outlives every manager. */
    if (!expect("secrets_manager_open (a second manager)", secrets_manager_open(&NO_OPTIONS, &sm2),
                E_OK))
        return;
    e = symmetric_key_generate_managed(sm2, aes->name, strlen(aes->name), &NO_OPTIONS, &key);
    expect("symmetric_key_generate_managed through the second manager", e, E_OK);
    expect("secrets_manager_close", secrets_manager_close(sm2), E_OK);
    expect("secrets_manager_close twice -> closed", secrets_manager_close(sm2), E_CLOSED);
    expect("secrets_manager_close of a bogus handle -> invalid_handle",
           secrets_manager_close(BOGUS_HANDLE), E_INVALID_HANDLE);
    if (!e) {
        bytes sealed = {0};
        key_id id;
        uint64_t v;
        expect("a key generated through a closed manager keeps working",
               sym_seal(aes, key, &sealed), E_OK);
        if (!sym_id(key, &id, &v)) {
            expect_sym_loads("another manager finds it by id", aes, &id, VERSION_LATEST, sealed);
            if (!secrets_manager_open(&NO_OPTIONS, &sm3)) {
                e = symmetric_key_from_id(sm3, id.b, ID_LEN, VERSION_LATEST, &tmp);
                if (!e) symmetric_key_close(tmp);
                expect("a newly opened manager finds it by id", e, E_OK);
                secrets_manager_close(sm3);
            }
            secrets_manager_invalidate(sm, id.b, ID_LEN, VERSION_ALL);
        }
        bytes_free(&sealed);
        symmetric_key_close(key);
    }

    /* A closed manager is a closed handle for every function that takes one. */
    uint8_t buf[ID_LEN];
    uint64_t v;
    wc_handle plain, kp, ao;
    e = symmetric_key_generate(aes->name, strlen(aes->name), &NO_OPTIONS, &plain);
    if (!e) e = kp_generate(&KP_ALGS[0], &kp);
    if (!expect("keys for the closed-manager checks", e, E_OK)) return;
    expect("closed manager: secrets_manager_invalidate -> invalid_handle",
           secrets_manager_invalidate(sm2, UNKNOWN_ID, ID_LEN, VERSION_ALL), E_INVALID_HANDLE);
    expect("closed manager: symmetric_key_generate_managed -> invalid_handle",
           symmetric_key_generate_managed(sm2, aes->name, strlen(aes->name), &NO_OPTIONS, &tmp),
           E_INVALID_HANDLE);
    expect("closed manager: symmetric_key_store_managed -> invalid_handle",
           symmetric_key_store_managed(sm2, plain, buf, ID_LEN), E_INVALID_HANDLE);
    expect("closed manager: symmetric_key_from_id -> invalid_handle",
           symmetric_key_from_id(sm2, UNKNOWN_ID, ID_LEN, VERSION_LATEST, &tmp),
           E_INVALID_HANDLE);
    expect("closed manager: keypair_generate_managed -> invalid_handle",
           keypair_generate_managed(sm2, WC_ALG_SIGNATURES, "Ed25519", 7, &NO_OPTIONS, &tmp),
           E_INVALID_HANDLE);
    expect("closed manager: keypair_store_managed -> invalid_handle",
           keypair_store_managed(sm2, kp, buf, ID_LEN), E_INVALID_HANDLE);
    expect("closed manager: keypair_from_id -> invalid_handle",
           keypair_from_id(sm2, UNKNOWN_ID, ID_LEN, VERSION_LATEST, &tmp), E_INVALID_HANDLE);
    expect("closed manager: keypair_replace_managed -> invalid_handle",
           keypair_replace_managed(sm2, kp, kp, &v), E_INVALID_HANDLE);
    expect("closed manager: external_secret_store -> invalid_handle",
           external_secret_store(sm2, SECRET_1, 3, now_seconds() + ONE_HOUR, buf, ID_LEN),
           E_INVALID_HANDLE);
    expect("closed manager: external_secret_replace -> invalid_handle",
           external_secret_replace(sm2, SECRET_1, 3, now_seconds() + ONE_HOUR, UNKNOWN_ID, ID_LEN,
                                   &v),
           E_INVALID_HANDLE);
    expect("closed manager: external_secret_from_id -> invalid_handle",
           external_secret_from_id(sm2, UNKNOWN_ID, ID_LEN, VERSION_LATEST, &ao),
           E_INVALID_HANDLE);
    expect("closed manager: external_secret_invalidate -> invalid_handle",
           external_secret_invalidate(sm2, UNKNOWN_ID, ID_LEN, VERSION_ALL), E_INVALID_HANDLE);
    expect("closed manager: external_secret_encapsulate -> invalid_handle",
           external_secret_encapsulate(sm2, SECRET_1, 3, now_seconds() + ONE_HOUR, &ao),
           E_INVALID_HANDLE);
    expect("closed manager: external_secret_decapsulate -> invalid_handle",
           external_secret_decapsulate(sm2, SECRET_1, 3, &ao), E_INVALID_HANDLE);
    expect("a symmetric key as the manager of external_secret_store -> invalid_handle",
           external_secret_store(plain, SECRET_1, 3, now_seconds() + ONE_HOUR, buf, ID_LEN),
           E_INVALID_HANDLE);
    symmetric_key_close(plain);
    keypair_close(kp);
}

/* ---- external secrets ---------------------------------------------------------------------- */

static uint8_t big_secret[MAX_SECRET + 1];

static int32_t secret_from_id(const uint8_t *id, size_t id_len, uint64_t version, bytes *out) {
    wc_handle ao;
    out->p = NULL;
    out->len = 0;
    int32_t e = external_secret_from_id(sm, id, id_len, version, &ao);
    return e ? e : take_output(ao, &out->p, &out->len);
}

static void expect_secret(const char *name, const key_id *id, uint64_t version,
                          const uint8_t *want, size_t want_len) {
    bytes got = {0};
    int32_t e = secret_from_id(id->b, ID_LEN, version, &got);
    bytes w = {(uint8_t *)want, want_len};
    int ok = !e && got.p && got.len == want_len && (want_len == 0 || bytes_eq(got, w));
    expect_true(name, ok, "the secret", e ? errno_name(e) : "other bytes");
    bytes_free(&got);
}

static void expect_secret_errno(const char *name, const uint8_t *id, size_t id_len,
                                uint64_t version, int32_t want) {
    bytes got = {0};
    expect(name, secret_from_id(id, id_len, version, &got), want);
    bytes_free(&got);
}

static int32_t encapsulate(const uint8_t *secret, size_t len, uint64_t expiration, bytes *out) {
    wc_handle ao;
    out->p = NULL;
    out->len = 0;
    int32_t e = external_secret_encapsulate(sm, secret, len, expiration, &ao);
    return e ? e : take_output(ao, &out->p, &out->len);
}

static int32_t decapsulate(const uint8_t *env, size_t len, bytes *out) {
    wc_handle ao;
    out->p = NULL;
    out->len = 0;
    int32_t e = external_secret_decapsulate(sm, env, len, &ao);
    return e ? e : take_output(ao, &out->p, &out->len);
}

static void expect_decapsulate_errno(const char *name, const uint8_t *env, size_t len,
                                     int32_t want) {
    bytes got = {0};
    expect(name, decapsulate(env, len, &got), want);
    bytes_free(&got);
}

static void secrets_store(key_id *kept) {
    key_id id;
    uint8_t small[ID_LEN];
    uint64_t now = now_seconds(), v = 0;

    memset(kept, 0, sizeof *kept);
    expect("external_secret_store with a 31-byte buffer -> overflow",
           external_secret_store(sm, SECRET_1, sizeof SECRET_1 - 1, now + ONE_HOUR, small,
                                 ID_LEN - 1),
           E_OVERFLOW);
    expect("external_secret_store expiring now -> expired",
           external_secret_store(sm, SECRET_1, sizeof SECRET_1 - 1, now, small, ID_LEN),
           E_EXPIRED);
    expect("external_secret_store expiring at 0 -> expired",
           external_secret_store(sm, SECRET_1, sizeof SECRET_1 - 1, 0, small, ID_LEN), E_EXPIRED);
    expect("external_secret_store of 64 KiB + 1 -> overflow",
           external_secret_store(sm, big_secret, MAX_SECRET + 1, now + ONE_HOUR, small, ID_LEN),
           E_OVERFLOW);

    memset(&id, 0, sizeof id);
    int32_t e = external_secret_store(sm, SECRET_1, sizeof SECRET_1 - 1, now + ONE_HOUR, id.b,
                                      ID_LEN);
    expect_true("external_secret_store writes a 32-hex id", !e && id_form_ok(id.b, ID_LEN),
                "a 32-hex id", describe_id(e, id.b, ID_LEN, 0));
    if (e) return;
    expect_secret("external_secret_from_id latest", &id, VERSION_LATEST, SECRET_1,
                  sizeof SECRET_1 - 1);
    expect_secret("external_secret_from_id 1", &id, 1, SECRET_1, sizeof SECRET_1 - 1);
    expect_secret_errno("external_secret_from_id 2 (never made) -> not_found", id.b, ID_LEN, 2,
                        E_NOT_FOUND);
    expect_secret_errno("external_secret_from_id all -> not_found", id.b, ID_LEN, VERSION_ALL,
                        E_NOT_FOUND);
    expect_secret_errno("external_secret_from_id unspecified -> not_found", id.b, ID_LEN,
                        VERSION_UNSPECIFIED, E_NOT_FOUND);
    expect_secret_errno("external_secret_from_id with 31 of the 32 bytes -> not_found", id.b,
                        ID_LEN - 1, VERSION_LATEST, E_NOT_FOUND);
    expect_secret_errno("external_secret_from_id of an id nobody assigned -> not_found",
                        UNKNOWN_ID, ID_LEN, VERSION_LATEST, E_NOT_FOUND);
    {
        wc_handle k;
        e = symmetric_key_from_id(sm, id.b, ID_LEN, VERSION_LATEST, &k);
        if (!e) symmetric_key_close(k);
        expect("a secret's id in symmetric_key_from_id -> not_found", e, E_NOT_FOUND);
        e = keypair_from_id(sm, id.b, ID_LEN, VERSION_LATEST, &k);
        if (!e) keypair_close(k);
        expect("a secret's id in keypair_from_id -> not_found", e, E_NOT_FOUND);
    }

    v = 0;
    e = external_secret_replace(sm, SECRET_2, sizeof SECRET_2 - 1, now + ONE_HOUR, id.b, ID_LEN,
                                &v);
    expect_true("external_secret_replace -> version 2", !e && v == 2, "version 2",
                describe_id(e, id.b, ID_LEN, v));
    expect_secret("external_secret_from_id latest is the replacement", &id, VERSION_LATEST,
                  SECRET_2, sizeof SECRET_2 - 1);
    expect_secret("external_secret_from_id 1 is still the first secret", &id, 1, SECRET_1,
                  sizeof SECRET_1 - 1);
    expect("external_secret_replace of an id nobody assigned -> not_found",
           external_secret_replace(sm, SECRET_2, 3, now + ONE_HOUR, UNKNOWN_ID, ID_LEN, &v),
           E_NOT_FOUND);
    expect("external_secret_replace with 31 of the 32 bytes -> not_found",
           external_secret_replace(sm, SECRET_2, 3, now + ONE_HOUR, id.b, ID_LEN - 1, &v),
           E_NOT_FOUND);

    expect("external_secret_invalidate 1",
           external_secret_invalidate(sm, id.b, ID_LEN, 1), E_OK);
    expect_secret_errno("external_secret_from_id 1 after invalidating it -> not_found", id.b,
                        ID_LEN, 1, E_NOT_FOUND);
    expect_secret("external_secret_from_id latest is still version 2", &id, VERSION_LATEST,
                  SECRET_2, sizeof SECRET_2 - 1);
    expect("external_secret_invalidate latest",
           external_secret_invalidate(sm, id.b, ID_LEN, VERSION_LATEST), E_OK);
    expect_secret_errno("external_secret_from_id latest with nothing live -> not_found", id.b,
                        ID_LEN, VERSION_LATEST, E_NOT_FOUND);
    expect("external_secret_invalidate all with nothing live -> not_found",
           external_secret_invalidate(sm, id.b, ID_LEN, VERSION_ALL), E_NOT_FOUND);
    expect("external_secret_replace with no live version -> not_found",
           external_secret_replace(sm, SECRET_2, 3, now + ONE_HOUR, id.b, ID_LEN, &v),
           E_NOT_FOUND);
    expect("external_secret_invalidate of an id nobody assigned -> not_found",
           external_secret_invalidate(sm, UNKNOWN_ID, ID_LEN, VERSION_ALL), E_NOT_FOUND);

    /* replace, then invalidate all */
    key_id id2;
    memset(&id2, 0, sizeof id2);
    e = external_secret_store(sm, SECRET_1, sizeof SECRET_1 - 1, now + ONE_HOUR, id2.b, ID_LEN);
    if (!e) e = external_secret_replace(sm, SECRET_2, 4, now + ONE_HOUR, id2.b, ID_LEN, &v);
    if (!e) e = external_secret_replace(sm, SECRET_2, 5, now + ONE_HOUR, id2.b, ID_LEN, &v);
    expect_true("a second secret replaced twice -> version 3, another id",
                !e && v == 3 && !id_eq(&id, &id2), "version 3 and a new id",
                describe_id(e, id2.b, ID_LEN, v));
    expect("external_secret_invalidate all",
           external_secret_invalidate(sm, id2.b, ID_LEN, VERSION_ALL), E_OK);
    expect_secret_errno("external_secret_from_id 2 after invalidating all -> not_found", id2.b,
                        ID_LEN, 2, E_NOT_FOUND);

    /* edge sizes */
    key_id empty;
    memset(&empty, 0, sizeof empty);
    e = external_secret_store(sm, SECRET_1, 0, now + ONE_HOUR, empty.b, ID_LEN);
    expect("external_secret_store of an empty secret", e, E_OK);
    if (!e) {
        expect_secret("external_secret_from_id of the empty secret: 0 bytes", &empty,
                      VERSION_LATEST, SECRET_1, 0);
        external_secret_invalidate(sm, empty.b, ID_LEN, VERSION_ALL);
    }
    for (size_t i = 0; i < MAX_SECRET; i++) big_secret[i] = (uint8_t)(i * 7 + 1);
    key_id big;
    memset(&big, 0, sizeof big);
    e = external_secret_store(sm, big_secret, MAX_SECRET, now + ONE_HOUR, big.b, ID_LEN);
    expect("external_secret_store of 64 KiB", e, E_OK);
    if (!e) {
        expect_secret("external_secret_from_id of the 64 KiB secret", &big, VERSION_LATEST,
                      big_secret, MAX_SECRET);
        external_secret_invalidate(sm, big.b, ID_LEN, VERSION_ALL);
    }

    /* the kept one */
    e = external_secret_store(sm, KEPT_SECRET, sizeof KEPT_SECRET - 1, now + 24 * ONE_HOUR,
                              kept->b, ID_LEN);
    expect("external_secret_store (kept for the namespace checks)", e, E_OK);
    if (e) memset(kept, 0, sizeof *kept);
}

static void secrets_envelopes(bytes *kept) {
    uint64_t now = now_seconds(), exp = now + ONE_HOUR;
    bytes env = {0}, env2 = {0}, got = {0};

    kept->p = NULL;
    kept->len = 0;
    int32_t e = encapsulate(SECRET_1, sizeof SECRET_1 - 1, exp, &env);
    expect("external_secret_encapsulate", e, E_OK);
    if (e) return;
    int header_ok = env.len > 12 && memcmp(env.p, "CBS1", 4) == 0;
    for (int i = 0; header_ok && i < 8; i++) {
        header_ok = env.p[4 + i] == (uint8_t)(exp >> (56 - 8 * i));
    }
    expect_true("the envelope starts with CBS1 and the expiration (u64 big-endian)", header_ok,
                "CBS1 || expiration", "another header");
    e = decapsulate(env.p, env.len, &got);
    bytes want = {(uint8_t *)SECRET_1, sizeof SECRET_1 - 1};
    expect_true("external_secret_decapsulate gives the secret back", !e && bytes_eq(got, want),
                "the secret", e ? errno_name(e) : "other bytes");
    bytes_free(&got);
    e = encapsulate(SECRET_1, sizeof SECRET_1 - 1, exp, &env2);
    expect_true("encapsulating the same secret twice gives two envelopes (random nonce)",
                !e && !bytes_eq(env, env2), "different envelopes",
                e ? errno_name(e) : "the same bytes twice");
    bytes_free(&env2);

    static const struct {
        const char *what;
        size_t offset; /* from the start; SIZE_MAX = the last byte */
    } flips[] = {{"the magic", 0},
                 {"the expiration", 11},
                 {"the first sealed byte", 12},
                 {"the last byte", SIZE_MAX}};
    for (size_t i = 0; i < sizeof flips / sizeof flips[0]; i++) {
        uint8_t *copy = malloc(env.len);
        memcpy(copy, env.p, env.len);
        size_t at = flips[i].offset == SIZE_MAX ? env.len - 1 : flips[i].offset;
        copy[at] ^= 0x01;
        expect_decapsulate_errno(
            cname("external_secret_decapsulate with %s altered -> verification_failed",
                  flips[i].what),
            copy, env.len, E_VERIFICATION_FAILED);
        free(copy);
    }
    expect_decapsulate_errno("external_secret_decapsulate of a truncated envelope ->"
                             " verification_failed",
                             env.p, env.len - 1, E_VERIFICATION_FAILED);
    expect_decapsulate_errno("external_secret_decapsulate of the header alone ->"
                             " verification_failed",
                             env.p, 12, E_VERIFICATION_FAILED);
    expect_decapsulate_errno("external_secret_decapsulate of nothing -> verification_failed",
                             env.p, 0, E_VERIFICATION_FAILED);

    expect("external_secret_encapsulate expiring now -> expired",
           encapsulate(SECRET_1, 3, now, &env2), E_EXPIRED);
    bytes_free(&env2);
    e = encapsulate(SECRET_1, 0, exp, &env2);
    if (!e) {
        e = decapsulate(env2.p, env2.len, &got);
        if (!e && got.len != 0) e = E_VERIFICATION_FAILED;
        bytes_free(&got);
    }
    expect("an empty secret encapsulates and decapsulates to 0 bytes", e, E_OK);
    bytes_free(&env2);
    expect("external_secret_encapsulate of 64 KiB + 1 -> overflow",
           encapsulate(big_secret, MAX_SECRET + 1, exp, &env2), E_OVERFLOW);
    bytes_free(&env2);
    bytes_free(&env);

    e = encapsulate(KEPT_SECRET, sizeof KEPT_SECRET - 1, now + 24 * ONE_HOUR, kept);
    expect("external_secret_encapsulate (kept for the namespace checks)", e, E_OK);
}

/* A secret and an envelope that expire in a second, checked after the clock passed. */
static void secrets_expiry(void) {
    uint64_t soon = now_seconds() + 1;
    key_id id;
    bytes env = {0}, got = {0};
    memset(&id, 0, sizeof id);
    int32_t e = external_secret_store(sm, SECRET_1, sizeof SECRET_1 - 1, soon, id.b, ID_LEN);
    int32_t e2 = encapsulate(SECRET_1, sizeof SECRET_1 - 1, soon, &env);
    if (!expect("a secret and an envelope that expire in one second", e ? e : e2, E_OK)) {
        bytes_free(&env);
        return;
    }
    printf("# waiting for the WASI clock to pass the expiration\n");
    fflush(stdout);
    wait_until_past(soon);
    expect_secret_errno("external_secret_from_id past the expiration -> expired", id.b, ID_LEN,
                        VERSION_LATEST, E_EXPIRED);
    expect("external_secret_decapsulate past the expiration -> expired",
           decapsulate(env.p, env.len, &got), E_EXPIRED);
    bytes_free(&got);
    bytes_free(&env);
    external_secret_invalidate(sm, id.b, ID_LEN, VERSION_ALL);
}

/* ---- the kept symmetric key ----------------------------------------------------------------- */

static void sym_keep(key_id *kept) {
    wc_handle key;
    memset(kept, 0, sizeof *kept);
    int32_t e = symmetric_key_import("AES-256-GCM", 11, KNOWN_KEY, 32, &key);
    if (!e) {
        e = symmetric_key_store_managed(sm, key, kept->b, ID_LEN);
        symmetric_key_close(key);
    }
    expect("AES-256-GCM symmetric_key_store_managed (kept for the namespace checks)", e, E_OK);
    if (e) memset(kept, 0, sizeof *kept);
}

/* ---- a host without a secrets manager ------------------------------------------------------- */

static void without_manager(void) {
    wc_handle key, kp, kp2, out, ao;
    uint8_t buf[ID_LEN];
    uint64_t v;
    size_t len;
    const wc_handle m = BOGUS_HANDLE;
    uint64_t later = now_seconds() + ONE_HOUR;

    printf("# no secrets manager on this host: every managed function must answer"
           " unsupported_feature\n");
    int32_t e = symmetric_key_generate("AES-256-GCM", 11, &NO_OPTIONS, &key);
    if (!e) e = kp_generate(&KP_ALGS[0], &kp);
    if (!e) e = kp_generate(&KP_ALGS[0], &kp2);
    if (!expect("keys for the unsupported_feature checks", e, E_OK)) return;
    expect("secrets_manager_close -> unsupported_feature", secrets_manager_close(m),
           E_UNSUPPORTED_FEATURE);
    expect("secrets_manager_invalidate -> unsupported_feature",
           secrets_manager_invalidate(m, UNKNOWN_ID, ID_LEN, VERSION_ALL), E_UNSUPPORTED_FEATURE);
    expect("symmetric_key_generate_managed -> unsupported_feature",
           symmetric_key_generate_managed(m, "AES-256-GCM", 11, &NO_OPTIONS, &out),
           E_UNSUPPORTED_FEATURE);
    expect("symmetric_key_store_managed -> unsupported_feature",
           symmetric_key_store_managed(m, key, buf, ID_LEN), E_UNSUPPORTED_FEATURE);
    expect("symmetric_key_replace_managed -> unsupported_feature",
           symmetric_key_replace_managed(m, key, key, &v), E_UNSUPPORTED_FEATURE);
    expect("symmetric_key_id -> unsupported_feature",
           symmetric_key_id(key, buf, ID_LEN, &len, &v), E_UNSUPPORTED_FEATURE);
    expect("symmetric_key_from_id -> unsupported_feature",
           symmetric_key_from_id(m, UNKNOWN_ID, ID_LEN, VERSION_LATEST, &out),
           E_UNSUPPORTED_FEATURE);
    expect("keypair_generate_managed -> unsupported_feature",
           keypair_generate_managed(m, WC_ALG_SIGNATURES, "Ed25519", 7, &NO_OPTIONS, &out),
           E_UNSUPPORTED_FEATURE);
    expect("keypair_store_managed -> unsupported_feature",
           keypair_store_managed(m, kp, buf, ID_LEN), E_UNSUPPORTED_FEATURE);
    expect("keypair_replace_managed -> unsupported_feature",
           keypair_replace_managed(m, kp, kp2, &v), E_UNSUPPORTED_FEATURE);
    expect("keypair_id -> unsupported_feature", keypair_id(kp, buf, ID_LEN, &len, &v),
           E_UNSUPPORTED_FEATURE);
    expect("keypair_from_id -> unsupported_feature",
           keypair_from_id(m, UNKNOWN_ID, ID_LEN, VERSION_LATEST, &out), E_UNSUPPORTED_FEATURE);
    expect("external_secret_store -> unsupported_feature",
           external_secret_store(m, SECRET_1, 3, later, buf, ID_LEN), E_UNSUPPORTED_FEATURE);
    expect("external_secret_replace -> unsupported_feature",
           external_secret_replace(m, SECRET_1, 3, later, UNKNOWN_ID, ID_LEN, &v),
           E_UNSUPPORTED_FEATURE);
    expect("external_secret_from_id -> unsupported_feature",
           external_secret_from_id(m, UNKNOWN_ID, ID_LEN, VERSION_LATEST, &ao),
           E_UNSUPPORTED_FEATURE);
    expect("external_secret_invalidate -> unsupported_feature",
           external_secret_invalidate(m, UNKNOWN_ID, ID_LEN, VERSION_ALL), E_UNSUPPORTED_FEATURE);
    expect("external_secret_encapsulate -> unsupported_feature",
           external_secret_encapsulate(m, SECRET_1, 3, later, &ao), E_UNSUPPORTED_FEATURE);
    expect("external_secret_decapsulate -> unsupported_feature",
           external_secret_decapsulate(m, SECRET_1, 3, &ao), E_UNSUPPORTED_FEATURE);
    symmetric_key_close(key);
    keypair_close(kp);
    keypair_close(kp2);
}

/* ---- namespace runs ----------------------------------------------------------------------- */

static int parse_id(const char *text, key_id *id) {
    memset(id, 0, sizeof *id);
    if (strlen(text) != ID_LEN) return 0;
    memcpy(id->b, text, ID_LEN);
    return 1;
}

typedef enum { SAME, OTHER, PROHIBITED } ns_mode;

static int namespace_run(ns_mode mode, const char *sym_text, const char *kp_text,
                         const char *secret_text, const char *envelope_hex) {
    key_id sym, kp, secret;
    if (!parse_id(sym_text, &sym) || !parse_id(kp_text, &kp) || !parse_id(secret_text, &secret)) {
        fprintf(stderr, "managed_keys: ids must be 32 characters\n");
        return 2;
    }
    bytes env = unhex(envelope_hex), got = {0};
    wc_handle h;
    int32_t e;
    if (mode == PROHIBITED) {
        /* The same namespace, a profile that allows neither AES-256-GCM nor Ed25519. */
        e = sym_from_id(&sym, VERSION_LATEST, &h);
        if (!e) symmetric_key_close(h);
        expect("policy: symmetric_key_from_id of an algorithm the profile does not allow ->"
               " prohibited_operation",
               e, CRYPTO_ERRNO_PROHIBITED_OPERATION);
        e = kp_from_id(&kp, VERSION_LATEST, &h);
        if (!e) keypair_close(h);
        expect("policy: keypair_from_id of an algorithm the profile does not allow ->"
               " prohibited_operation",
               e, CRYPTO_ERRNO_PROHIBITED_OPERATION);
        e = symmetric_key_generate_managed(sm, "AES-256-GCM", 11, &NO_OPTIONS, &h);
        if (!e) drop_sym(h);
        expect("policy: symmetric_key_generate_managed of a disallowed algorithm ->"
               " prohibited_operation",
               e, CRYPTO_ERRNO_PROHIBITED_OPERATION);
        e = keypair_generate_managed(sm, WC_ALG_SIGNATURES, "Ed25519", 7, &NO_OPTIONS, &h);
        if (!e) drop_kp(h);
        expect("policy: keypair_generate_managed of a disallowed algorithm ->"
               " prohibited_operation",
               e, CRYPTO_ERRNO_PROHIBITED_OPERATION);
        expect_sym_absent("policy: an unknown id is still not_found", (const key_id *)UNKNOWN_ID,
                          VERSION_LATEST);
    } else if (mode == SAME) {
        wc_handle copy;
        bytes sealed = {0};
        e = symmetric_key_import("AES-256-GCM", 11, KNOWN_KEY, 32, &copy);
        if (!e) {
            e = sym_seal(&SYM_ALGS[0], copy, &sealed);
            symmetric_key_close(copy);
        }
        if (!e) {
            expect_sym_loads("same namespace: symmetric_key_from_id finds the kept key",
                             &SYM_ALGS[0], &sym, VERSION_LATEST, sealed);
        }
        bytes_free(&sealed);
        e = kp_from_id(&kp, VERSION_LATEST, &h);
        if (!e) {
            e = rfc8032_signature(h);
            keypair_close(h);
        }
        expect("same namespace: keypair_from_id finds the kept pair (RFC 8032 TEST 1)", e, E_OK);
        expect_secret("same namespace: external_secret_from_id finds the kept secret", &secret,
                      VERSION_LATEST, KEPT_SECRET, sizeof KEPT_SECRET - 1);
        e = decapsulate(env.p, env.len, &got);
        bytes want = {(uint8_t *)KEPT_SECRET, sizeof KEPT_SECRET - 1};
        expect_true("same namespace: the kept envelope decapsulates",
                    !e && bytes_eq(got, want), "the secret",
                    e ? errno_name(e) : "other bytes");
    } else {
        expect_sym_absent("other namespace: symmetric_key_from_id latest -> not_found", &sym,
                          VERSION_LATEST);
        expect_sym_absent("other namespace: symmetric_key_from_id 1 -> not_found", &sym, 1);
        expect_kp_absent("other namespace: keypair_from_id latest -> not_found", &kp,
                         VERSION_LATEST);
        expect_kp_absent("other namespace: keypair_from_id 1 -> not_found", &kp, 1);
        expect_secret_errno("other namespace: external_secret_from_id -> not_found", secret.b,
                            ID_LEN, VERSION_LATEST, E_NOT_FOUND);
        expect("other namespace: secrets_manager_invalidate of the symmetric key -> not_found",
               secrets_manager_invalidate(sm, sym.b, ID_LEN, VERSION_ALL), E_NOT_FOUND);
        expect("other namespace: secrets_manager_invalidate of the key pair -> not_found",
               secrets_manager_invalidate(sm, kp.b, ID_LEN, VERSION_ALL), E_NOT_FOUND);
        expect("other namespace: external_secret_invalidate -> not_found",
               external_secret_invalidate(sm, secret.b, ID_LEN, VERSION_ALL), E_NOT_FOUND);
        uint64_t v;
        expect("other namespace: external_secret_replace -> not_found",
               external_secret_replace(sm, SECRET_2, 3, now_seconds() + ONE_HOUR, secret.b,
                                       ID_LEN, &v),
               E_NOT_FOUND);
        expect("other namespace: the envelope does not decapsulate -> verification_failed",
               decapsulate(env.p, env.len, &got), E_VERIFICATION_FAILED);
    }
    bytes_free(&got);
    bytes_free(&env);
    return 0;
}

/* ---- keys of a backend that is not the secrets manager -------------------------------------- */

/*
 * On a host whose AES-256-GCM and Ed25519 keys come from a backend that does not export them (a
 * token with non-extractable keys) while another backend keeps managed keys: store_managed cannot
 * copy them -> prohibited_operation, and nothing is stored.
 */
static void foreign_keys(void) {
    wc_handle key, kp;
    uint8_t buf[ID_LEN];
    uint64_t v;
    size_t len;
    int32_t e = symmetric_key_generate("AES-256-GCM", 11, &NO_OPTIONS, &key);
    if (expect("foreign: symmetric_key_generate AES-256-GCM", e, E_OK)) {
        expect("foreign: symmetric_key_store_managed of a key that cannot leave its backend ->"
               " prohibited_operation",
               symmetric_key_store_managed(sm, key, buf, ID_LEN),
               CRYPTO_ERRNO_PROHIBITED_OPERATION);
        expect("foreign: ... and the key is still unmanaged",
               symmetric_key_id(key, buf, ID_LEN, &len, &v), E_UNSUPPORTED_FEATURE);
        symmetric_key_close(key);
    }
    e = kp_generate(&KP_ALGS[0], &kp);
    if (expect("foreign: keypair_generate Ed25519", e, E_OK)) {
        expect("foreign: keypair_store_managed of a pair that cannot leave its backend ->"
               " prohibited_operation",
               keypair_store_managed(sm, kp, buf, ID_LEN), CRYPTO_ERRNO_PROHIBITED_OPERATION);
        expect("foreign: ... and the pair is still unmanaged",
               keypair_id(kp, buf, ID_LEN, &len, &v), E_UNSUPPORTED_FEATURE);
        keypair_close(kp);
    }
}

/* ---- a store configured with managed-keys-extractable: true ---------------------------------- */

static void extractable_keys(void) {
    wc_handle key, loaded, kp, ao;
    key_id id;
    uint64_t v;
    uint8_t *p;
    size_t len = 0;
    int32_t e = symmetric_key_generate_managed(sm, "AES-256-GCM", 11, &NO_OPTIONS, &key);
    if (expect("extractable: symmetric_key_generate_managed AES-256-GCM", e, E_OK)) {
        e = symmetric_key_export(key, &ao);
        if (!e) e = take_output(ao, &p, &len);
        if (!e) free(p);
        expect_true("extractable: symmetric_key_export of the managed key: 32 bytes",
                    !e && len == 32, "32 bytes", e ? errno_name(e) : "another length");
        if (!sym_id(key, &id, &v) && !sym_from_id(&id, VERSION_LATEST, &loaded)) {
            len = 0;
            e = symmetric_key_export(loaded, &ao);
            if (!e) e = take_output(ao, &p, &len);
            if (!e) free(p);
            expect_true("extractable: symmetric_key_export of the key loaded by id: 32 bytes",
                        !e && len == 32, "32 bytes", e ? errno_name(e) : "another length");
            symmetric_key_close(loaded);
        }
        drop_sym(key);
    }
    e = kp_generate_managed(&KP_ALGS[0], &kp);
    if (expect("extractable: keypair_generate_managed Ed25519", e, E_OK)) {
        expect("extractable: keypair_export pkcs8 of the managed pair",
               export_keypair(kp, WC_KP_PKCS8), E_OK);
        drop_kp(kp);
    }
}

/* ---- main ----------------------------------------------------------------------------------- */

int main(int argc, char **argv) {
    int32_t e = secrets_manager_open(&NO_OPTIONS, &sm);
    if (e == E_UNSUPPORTED_FEATURE && argc == 1) {
        pass("secrets_manager_open -> unsupported_feature (no secrets manager)");
        without_manager();
        return finish();
    }
    if (!expect("secrets_manager_open", e, E_OK)) return finish();

    if (argc == 7 && strcmp(argv[1], "namespace") == 0) {
        ns_mode mode = strcmp(argv[2], "same") == 0         ? SAME
                       : strcmp(argv[2], "prohibited") == 0 ? PROHIBITED
                                                            : OTHER;
        int status = namespace_run(mode, argv[3], argv[4], argv[5], argv[6]);
        expect("secrets_manager_close", secrets_manager_close(sm), E_OK);
        return status ? status : finish();
    }
    if (argc == 2 && strcmp(argv[1], "extractable") == 0) {
        extractable_keys();
        expect("secrets_manager_close", secrets_manager_close(sm), E_OK);
        return finish();
    }
    if (argc == 2 && strcmp(argv[1], "foreign") == 0) {
        foreign_keys();
        expect("secrets_manager_close", secrets_manager_close(sm), E_OK);
        return finish();
    }
    if (argc != 1) {
        fprintf(stderr,
                "usage: managed_keys [foreign | extractable | namespace same|other|prohibited"
                " SYM-ID KEYPAIR-ID SECRET-ID ENVELOPE]\n");
        return 2;
    }

    manager();
    for (size_t i = 0; i < NSYM; i++) {
        sym_generate_and_load(&SYM_ALGS[i]);
        sym_store(&SYM_ALGS[i]);
        sym_replace_and_invalidate(&SYM_ALGS[i]);
    }
    sym_errors();
    for (size_t i = 0; i < NKP; i++) kp_suite(&KP_ALGS[i]);
    kp_errors();

    key_id kept_kp, kept_sym, kept_secret;
    bytes kept_env = {0};
    kp_store(&kept_kp);
    sym_keep(&kept_sym);
    secrets_store(&kept_secret);
    secrets_envelopes(&kept_env);
    secrets_expiry();

    printf("# keep symmetric-key %s\n", (const char *)kept_sym.b);
    printf("# keep keypair %s\n", (const char *)kept_kp.b);
    printf("# keep secret %s\n", (const char *)kept_secret.b);
    if (kept_env.p) print_hex_line("# keep envelope ", kept_env.p, kept_env.len);
    bytes_free(&kept_env);

    expect("secrets_manager_close", secrets_manager_close(sm), E_OK);
    return finish();
}
