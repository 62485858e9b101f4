/*
 * A WASI command that the CLI tests drive through its arguments:
 *   probe echo WORDS...   prints the words (stdout passthrough, argument passing)
 *   probe argv0           prints argv[0]
 *   probe stderr TEXT     writes TEXT to stderr
 *   probe exit N          exits with status N
 *   probe env NAME        prints the value of NAME, or "unset"
 *   probe cat PATH        prints the file at PATH (preopened directories); "-" is stdin
 *   probe trap            executes `unreachable`
 *   probe crypto          SHA-256("abc") and an XChaCha20-Poly1305 round trip via wasi-crypto
 * Build: see build.sh next to this file.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CRYPTO(mod, name) __attribute__((import_module("wasi_ephemeral_crypto_" mod), import_name(name)))

typedef struct {
    uint8_t tag; /* 0 = some, 1 = none */
    uint32_t handle;
} opt_handle;

CRYPTO("common", "options_open") int32_t options_open(int32_t type, int32_t *out);
CRYPTO("common", "options_set")
int32_t options_set(int32_t opts, const char *name, size_t name_len, const uint8_t *v, size_t v_len);
CRYPTO("common", "options_close") int32_t options_close(int32_t opts);
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
CRYPTO("symmetric", "symmetric_state_decrypt")
int32_t symmetric_state_decrypt(int32_t state, uint8_t *out, size_t out_len, const uint8_t *data,
                                size_t data_len, size_t *written);
CRYPTO("symmetric", "symmetric_state_close") int32_t symmetric_state_close(int32_t state);
CRYPTO("symmetric", "symmetric_key_close") int32_t symmetric_key_close(int32_t key);

static int check(const char *what, int32_t rc) {
    if (rc != 0) {
        printf("%s failed: errno %d\n", what, (int) rc);
        exit(10);
    }
    return 0;
}

static void sha256_abc(void) {
    static const char alg[] = "SHA-256";
    opt_handle none = {1, 0};
    int32_t state;
    uint8_t digest[32];
    check("open", symmetric_state_open(alg, strlen(alg), &none, &none, &state));
    check("absorb", symmetric_state_absorb(state, (const uint8_t *) "abc", 3));
    check("squeeze", symmetric_state_squeeze(state, digest, sizeof digest));
    check("close", symmetric_state_close(state));
    printf("sha-256(abc) = ");
    for (size_t i = 0; i < sizeof digest; i++) printf("%02x", digest[i]);
    printf("\n");
}

static void xchacha_round_trip(void) {
    static const char alg[] = "XCHACHA20-POLY1305";
    static const uint8_t message[] = "attack at dawn";
    uint8_t nonce[24] = {0};
    uint8_t sealed[sizeof message + 16];
    uint8_t opened[sizeof message];
    size_t written;
    int32_t key, opts, state;
    opt_handle none = {1, 0};
    for (size_t i = 0; i < sizeof nonce; i++) nonce[i] = (uint8_t) i;

    check("keygen", symmetric_key_generate(alg, strlen(alg), &none, &key));
    check("options", options_open(1, &opts));
    check("nonce", options_set(opts, "nonce", 5, nonce, sizeof nonce));
    opt_handle some_key = {0, (uint32_t) key}, some_opts = {0, (uint32_t) opts};

    check("open", symmetric_state_open(alg, strlen(alg), &some_key, &some_opts, &state));
    check("encrypt", symmetric_state_encrypt(state, sealed, sizeof sealed, message, sizeof message,
                                             &written));
    check("close", symmetric_state_close(state));
    check("open", symmetric_state_open(alg, strlen(alg), &some_key, &some_opts, &state));
    check("decrypt", symmetric_state_decrypt(state, opened, sizeof opened, sealed, sizeof sealed,
                                             &written));
    check("close", symmetric_state_close(state));
    options_close(opts);
    symmetric_key_close(key);
    printf("xchacha20-poly1305 round trip: %s\n",
           memcmp(opened, message, sizeof message) == 0 ? "ok" : "MISMATCH");
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: probe COMMAND ...\n");
        return 64;
    }
    const char *cmd = argv[1];
    if (strcmp(cmd, "echo") == 0) {
        for (int i = 2; i < argc; i++) printf(i > 2 ? " %s" : "%s", argv[i]);
        printf("\n");
    } else if (strcmp(cmd, "argv0") == 0) {
        printf("%s\n", argv[0]);
    } else if (strcmp(cmd, "stderr") == 0 && argc > 2) {
        fprintf(stderr, "%s\n", argv[2]);
    } else if (strcmp(cmd, "exit") == 0 && argc > 2) {
        return atoi(argv[2]);
    } else if (strcmp(cmd, "env") == 0 && argc > 2) {
        const char *value = getenv(argv[2]);
        printf("%s\n", value ? value : "unset");
    } else if (strcmp(cmd, "cat") == 0 && argc > 2) {
        FILE *f = strcmp(argv[2], "-") == 0 ? stdin : fopen(argv[2], "r");
        if (!f) {
            perror(argv[2]);
            return 3;
        }
        int c;
        while ((c = fgetc(f)) != EOF) putchar(c);
        fclose(f);
    } else if (strcmp(cmd, "trap") == 0) {
        __builtin_trap();
    } else if (strcmp(cmd, "crypto") == 0) {
        sha256_abc();
        xchacha_round_trip();
    } else {
        fprintf(stderr, "probe: unknown command %s\n", cmd);
        return 64;
    }
    return 0;
}
