/*
 * vault.c - a small command guest over the secrets manager, for demos and cross-process tests
 * (one process creates a key, another uses it by id).
 *
 *   vault gen ed25519|aes|hmac      a new managed key; prints its id
 *   vault version ID                prints the latest live version of a managed key
 *   vault pubkey ID                 prints the raw public key (hex) of an Ed25519 key, latest
 *   vault sign ID MESSAGE           signs with the latest version, verifies, prints the hex
 *                                   signature
 *   vault seal ID TEXT              AES-256-GCM with the latest version and a random nonce;
 *                                   prints hex(version u64 BE || nonce || ciphertext || tag)
 *   vault open ID HEX               opens what seal printed, with the version it names
 *   vault mac ID TEXT               HMAC/SHA-256 tag (hex) with the latest version
 *   vault replace ID                a fresh key of the same algorithm as the next version;
 *                                   prints the new version
 *   vault invalidate ID latest|all|N
 *   vault put TEXT [SECONDS]        stores an external secret (expires in SECONDS, default one
 *                                   day); prints its id
 *   vault get ID [VERSION]          prints an external secret
 *
 * A failed call prints "vault: WHAT: ERRNO-NAME" on stderr and exits 1; a usage mistake exits 2.
 */
#define _DEFAULT_SOURCE /* getentropy */

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "wasi_crypto.h"

#define ID_LEN 32
#define NONCE_LEN 12
#define TAG_LEN 16

static const opt_options_t NO_OPTIONS = {OPT_NONE, 0};
static secrets_manager_t manager;

/* Reports a failed call and exits 1. */
__attribute__((noreturn)) static void fail(const char *what, crypto_errno_t e) {
    fprintf(stderr, "vault: %s: %s\n", what, crypto_errno_name(e));
    exit(1);
}

static void check(const char *what, crypto_errno_t e) {
    if (e != CRYPTO_ERRNO_SUCCESS) fail(what, e);
}

__attribute__((noreturn)) static void usage(const char *problem) {
    fprintf(stderr,
            "vault: %s\n"
            "usage: vault gen ed25519|aes|hmac | version ID | pubkey ID | sign ID MESSAGE |\n"
            "       seal ID TEXT | open ID HEX | mac ID TEXT | replace ID |\n"
            "       invalidate ID latest|all|N | put TEXT [SECONDS] | get ID [VERSION]\n",
            problem);
    exit(2);
}

static const uint8_t *id_arg(const char *text) {
    if (strlen(text) != ID_LEN) usage("an id is 32 hex characters");
    return (const uint8_t *)text;
}

static void print_hex(const uint8_t *p, size_t len) {
    for (size_t i = 0; i < len; i++) printf("%02x", p[i]);
    putchar('\n');
}

static int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* Decodes hex into a new buffer; NULL for anything that is not hex. */
static uint8_t *unhex(const char *hex, size_t *len) {
    size_t n = strlen(hex);
    if (n % 2) return NULL;
    uint8_t *out = malloc(n / 2 + 1);
    for (size_t i = 0; i < n / 2; i++) {
        int hi = hex_digit(hex[2 * i]), lo = hex_digit(hex[2 * i + 1]);
        if (hi < 0 || lo < 0) {
            free(out);
            return NULL;
        }
        out[i] = (uint8_t)(hi << 4 | lo);
    }
    *len = n / 2;
    return out;
}

/* Reads a whole array_output. */
static uint8_t *take(array_output_t out, size_t *len) {
    size_t copied = 0;
    check("array_output_len", array_output_len(out, len));
    uint8_t *buf = malloc(*len ? *len : 1);
    check("array_output_pull", array_output_pull(out, buf, *len, &copied));
    return buf;
}

static int parse_version(const char *text, version_t *version) {
    if (strcmp(text, "latest") == 0) {
        *version = VERSION_LATEST;
        return 1;
    }
    if (strcmp(text, "all") == 0) {
        *version = VERSION_ALL;
        return 1;
    }
    char *end;
    unsigned long long v = strtoull(text, &end, 10);
    if (*text == '\0' || *end != '\0' || v == 0) return 0;
    *version = v;
    return 1;
}

/* ---- keys ---- */

static int gen(const char *kind) {
    uint8_t id[ID_LEN];
    size_t len = 0;
    version_t version;
    if (strcmp(kind, "ed25519") == 0) {
        keypair_t kp;
        check("keypair_generate_managed",
              keypair_generate_managed(manager, ALGORITHM_TYPE_SIGNATURES, "Ed25519", 7,
                                       &NO_OPTIONS, &kp));
        check("keypair_id", keypair_id(kp, id, sizeof id, &len, &version));
        keypair_close(kp);
    } else if (strcmp(kind, "aes") == 0 || strcmp(kind, "hmac") == 0) {
        const char *alg = kind[0] == 'a' ? "AES-256-GCM" : "HMAC/SHA-256";
        symmetric_key_t key;
        check("symmetric_key_generate_managed",
              symmetric_key_generate_managed(manager, alg, strlen(alg), &NO_OPTIONS, &key));
        check("symmetric_key_id", symmetric_key_id(key, id, sizeof id, &len, &version));
        symmetric_key_close(key);
    } else {
        usage("gen takes ed25519, aes or hmac");
    }
    printf("%.*s\n", (int)len, (const char *)id);
    return 0;
}

static keypair_t load_keypair(const uint8_t *id, version_t version) {
    keypair_t kp;
    check("keypair_from_id", keypair_from_id(manager, id, ID_LEN, version, &kp));
    return kp;
}

static symmetric_key_t load_key(const uint8_t *id, version_t version) {
    symmetric_key_t key;
    check("symmetric_key_from_id", symmetric_key_from_id(manager, id, ID_LEN, version, &key));
    return key;
}

static int version_of(const uint8_t *id) {
    uint8_t buf[ID_LEN];
    size_t len;
    version_t version;
    symmetric_key_t key;
    crypto_errno_t e = symmetric_key_from_id(manager, id, ID_LEN, VERSION_LATEST, &key);
    if (e == CRYPTO_ERRNO_SUCCESS) {
        check("symmetric_key_id", symmetric_key_id(key, buf, sizeof buf, &len, &version));
        symmetric_key_close(key);
    } else if (e == CRYPTO_ERRNO_NOT_FOUND) {
        keypair_t kp = load_keypair(id, VERSION_LATEST);
        check("keypair_id", keypair_id(kp, buf, sizeof buf, &len, &version));
        keypair_close(kp);
    } else {
        fail("symmetric_key_from_id", e);
    }
    printf("%llu\n", (unsigned long long)version);
    return 0;
}

static int pubkey(const uint8_t *id) {
    keypair_t kp = load_keypair(id, VERSION_LATEST);
    publickey_t pk;
    array_output_t out;
    size_t len;
    check("keypair_publickey", keypair_publickey(kp, &pk));
    check("publickey_export", publickey_export(pk, PUBLICKEY_ENCODING_RAW, &out));
    uint8_t *raw = take(out, &len);
    print_hex(raw, len);
    free(raw);
    publickey_close(pk);
    keypair_close(kp);
    return 0;
}

static int sign(const uint8_t *id, const char *message) {
    keypair_t kp = load_keypair(id, VERSION_LATEST);
    signature_state_t state;
    signature_verification_state_t vstate;
    signature_t sig;
    publickey_t pk;
    array_output_t out;
    size_t len, mlen = strlen(message);
    check("signature_state_open", signature_state_open(kp, &state));
    check("signature_state_update",
          signature_state_update(state, (const uint8_t *)message, mlen));
    check("signature_state_sign", signature_state_sign(state, &sig));
    signature_state_close(state);
    check("keypair_publickey", keypair_publickey(kp, &pk));
    check("signature_verification_state_open", signature_verification_state_open(pk, &vstate));
    check("signature_verification_state_update",
          signature_verification_state_update(vstate, (const uint8_t *)message, mlen));
    check("signature_verification_state_verify",
          signature_verification_state_verify(vstate, sig));
    signature_verification_state_close(vstate);
    check("signature_export", signature_export(sig, SIGNATURE_ENCODING_RAW, &out));
    uint8_t *raw = take(out, &len);
    print_hex(raw, len);
    free(raw);
    signature_close(sig);
    publickey_close(pk);
    keypair_close(kp);
    return 0;
}

static symmetric_state_t open_gcm(symmetric_key_t key, const uint8_t *nonce) {
    options_t options;
    symmetric_state_t state;
    check("options_open", options_open(ALGORITHM_TYPE_SYMMETRIC, &options));
    check("options_set nonce", options_set(options, "nonce", 5, nonce, NONCE_LEN));
    opt_symmetric_key_t k = opt_symmetric_key_some(key);
    opt_options_t o = opt_options_some(options);
    check("symmetric_state_open", symmetric_state_open("AES-256-GCM", 11, &k, &o, &state));
    options_close(options);
    return state;
}

static int seal(const uint8_t *id, const char *text) {
    symmetric_key_t key = load_key(id, VERSION_LATEST);
    uint8_t idbuf[ID_LEN];
    size_t idlen, written, tlen = strlen(text);
    version_t version;
    check("symmetric_key_id", symmetric_key_id(key, idbuf, sizeof idbuf, &idlen, &version));
    size_t total = 8 + NONCE_LEN + tlen + TAG_LEN;
    uint8_t *out = malloc(total);
    for (int i = 0; i < 8; i++) out[i] = (uint8_t)(version >> (56 - 8 * i));
    if (getentropy(out + 8, NONCE_LEN) != 0) {
        fprintf(stderr, "vault: getentropy failed\n");
        return 1;
    }
    symmetric_state_t state = open_gcm(key, out + 8);
    check("symmetric_state_encrypt",
          symmetric_state_encrypt(state, out + 8 + NONCE_LEN, tlen + TAG_LEN,
                                  (const uint8_t *)text, tlen, &written));
    symmetric_state_close(state);
    print_hex(out, total);
    free(out);
    symmetric_key_close(key);
    return 0;
}

static int open_sealed(const uint8_t *id, const char *hex) {
    size_t len, written;
    uint8_t *in = unhex(hex, &len);
    if (in == NULL || len < 8 + NONCE_LEN + TAG_LEN) usage("open takes the hex that seal printed");
    version_t version = 0;
    for (int i = 0; i < 8; i++) version = version << 8 | in[i];
    symmetric_key_t key = load_key(id, version);
    size_t plen = len - 8 - NONCE_LEN - TAG_LEN;
    uint8_t *plain = malloc(plen + 1);
    symmetric_state_t state = open_gcm(key, in + 8);
    check("symmetric_state_decrypt",
          symmetric_state_decrypt(state, plain, plen, in + 8 + NONCE_LEN, len - 8 - NONCE_LEN,
                                  &written));
    symmetric_state_close(state);
    fwrite(plain, 1, written, stdout);
    putchar('\n');
    free(plain);
    free(in);
    symmetric_key_close(key);
    return 0;
}

static int mac(const uint8_t *id, const char *text) {
    symmetric_key_t key = load_key(id, VERSION_LATEST);
    symmetric_state_t state;
    symmetric_tag_t tag;
    uint8_t raw[32];
    size_t len;
    opt_symmetric_key_t k = opt_symmetric_key_some(key);
    check("symmetric_state_open",
          symmetric_state_open("HMAC/SHA-256", 12, &k, &NO_OPTIONS, &state));
    check("symmetric_state_absorb",
          symmetric_state_absorb(state, (const uint8_t *)text, strlen(text)));
    check("symmetric_state_squeeze_tag", symmetric_state_squeeze_tag(state, &tag));
    check("symmetric_tag_pull", symmetric_tag_pull(tag, raw, sizeof raw, &len));
    symmetric_state_close(state);
    print_hex(raw, len);
    symmetric_key_close(key);
    return 0;
}

/* The ABI cannot tell a loaded key's algorithm: try the ones vault makes, in turn. */
static int replace(const uint8_t *id) {
    static const char *const algs[] = {"AES-256-GCM", "HMAC/SHA-256"};
    version_t version = 0;
    symmetric_key_t old;
    crypto_errno_t e = symmetric_key_from_id(manager, id, ID_LEN, VERSION_LATEST, &old);
    if (e == CRYPTO_ERRNO_SUCCESS) {
        for (size_t i = 0; i < sizeof algs / sizeof algs[0]; i++) {
            symmetric_key_t fresh;
            check("symmetric_key_generate",
                  symmetric_key_generate(algs[i], strlen(algs[i]), &NO_OPTIONS, &fresh));
            e = symmetric_key_replace_managed(manager, old, fresh, &version);
            if (e == CRYPTO_ERRNO_SUCCESS) {
                symmetric_key_close(fresh);
                printf("%llu\n", (unsigned long long)version);
                return 0;
            }
            symmetric_key_close(fresh);
            if (e != CRYPTO_ERRNO_INCOMPATIBLE_KEYS) break;
        }
        fail("symmetric_key_replace_managed", e);
    }
    if (e != CRYPTO_ERRNO_NOT_FOUND) fail("symmetric_key_from_id", e);
    keypair_t kp_old = load_keypair(id, VERSION_LATEST), kp_new;
    check("keypair_generate",
          keypair_generate(ALGORITHM_TYPE_SIGNATURES, "Ed25519", 7, &NO_OPTIONS, &kp_new));
    check("keypair_replace_managed", keypair_replace_managed(manager, kp_old, kp_new, &version));
    keypair_close(kp_new);
    printf("%llu\n", (unsigned long long)version);
    return 0;
}

static int invalidate(const uint8_t *id, const char *which) {
    version_t version;
    if (!parse_version(which, &version)) usage("invalidate takes latest, all or a version");
    crypto_errno_t e = secrets_manager_invalidate(manager, id, ID_LEN, version);
    if (e == CRYPTO_ERRNO_NOT_FOUND) {
        /* maybe an external secret */
        e = external_secret_invalidate(manager, id, ID_LEN, version);
    }
    check("secrets_manager_invalidate", e);
    return 0;
}

/* ---- external secrets ---- */

static int put(const char *text, const char *seconds) {
    uint64_t ttl = 24 * 3600;
    if (seconds != NULL) {
        char *end;
        ttl = strtoull(seconds, &end, 10);
        if (*seconds == '\0' || *end != '\0') usage("put takes a number of seconds");
    }
    struct timespec now;
    clock_gettime(CLOCK_REALTIME, &now);
    uint8_t id[ID_LEN];
    check("external_secret_store",
          external_secret_store(manager, (const uint8_t *)text, strlen(text),
                                (uint64_t)now.tv_sec + ttl, id, sizeof id));
    printf("%.*s\n", ID_LEN, (const char *)id);
    return 0;
}

static int get(const uint8_t *id, const char *which) {
    version_t version = VERSION_LATEST;
    if (which != NULL && !parse_version(which, &version)) usage("get takes latest or a version");
    array_output_t out;
    size_t len;
    check("external_secret_from_id", external_secret_from_id(manager, id, ID_LEN, version, &out));
    uint8_t *secret = take(out, &len);
    fwrite(secret, 1, len, stdout);
    putchar('\n');
    free(secret);
    return 0;
}

int main(int argc, char **argv) {
    if (argc < 2) usage("missing command");
    const char *cmd = argv[1];
    check("secrets_manager_open", secrets_manager_open(&NO_OPTIONS, &manager));
    int status;
    if (strcmp(cmd, "gen") == 0 && argc == 3) {
        status = gen(argv[2]);
    } else if (strcmp(cmd, "version") == 0 && argc == 3) {
        status = version_of(id_arg(argv[2]));
    } else if (strcmp(cmd, "pubkey") == 0 && argc == 3) {
        status = pubkey(id_arg(argv[2]));
    } else if (strcmp(cmd, "sign") == 0 && argc == 4) {
        status = sign(id_arg(argv[2]), argv[3]);
    } else if (strcmp(cmd, "seal") == 0 && argc == 4) {
        status = seal(id_arg(argv[2]), argv[3]);
    } else if (strcmp(cmd, "open") == 0 && argc == 4) {
        status = open_sealed(id_arg(argv[2]), argv[3]);
    } else if (strcmp(cmd, "mac") == 0 && argc == 4) {
        status = mac(id_arg(argv[2]), argv[3]);
    } else if (strcmp(cmd, "replace") == 0 && argc == 3) {
        status = replace(id_arg(argv[2]));
    } else if (strcmp(cmd, "invalidate") == 0 && argc == 4) {
        status = invalidate(id_arg(argv[2]), argv[3]);
    } else if (strcmp(cmd, "put") == 0 && (argc == 3 || argc == 4)) {
        status = put(argv[2], argc == 4 ? argv[3] : NULL);
    } else if (strcmp(cmd, "get") == 0 && (argc == 3 || argc == 4)) {
        status = get(id_arg(argv[2]), argc == 4 ? argv[3] : NULL);
    } else {
        usage("unknown command or wrong number of arguments");
    }
    secrets_manager_close(manager);
    fflush(stdout);
    return status;
}
