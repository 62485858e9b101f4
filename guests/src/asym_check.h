/*
 * Check helpers shared by the asymmetric conformance guests. Every check prints exactly one line,
 * "ok - name" or "FAIL - name: expected X got Y", so the JUnit side can count them; main() returns
 * non-zero when any check failed.
 */
#ifndef ASYM_CHECK_H
#define ASYM_CHECK_H

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wasi_crypto_asym.h"

static int g_failures;
static int g_checks;

static const char *errno_name(int32_t e) {
    return e >= 0 ? crypto_errno_name((crypto_errno_t)e) : "(no call made)";
}

static char g_name[256];

/* Formats the name of the next check into g_name and returns it. */
static const char *cname(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(g_name, sizeof g_name, fmt, ap);
    va_end(ap);
    return g_name;
}

static int pass(const char *name) {
    g_checks++;
    printf("ok - %s\n", name);
    return 1;
}

static int fail(const char *name, const char *expected, const char *got) {
    g_checks++;
    g_failures++;
    printf("FAIL - %s: expected %s got %s\n", name, expected, got);
    return 0;
}

/* One check: the call returned exactly the wanted errno. */
static int expect(const char *name, int32_t got, int32_t want) {
    if (got == want) {
        return pass(name);
    }
    return fail(name, errno_name(want), errno_name(got));
}

/* One check: the call returned one of two acceptable errnos. */
__attribute__((unused)) static int expect2(const char *name, int32_t got, int32_t a, int32_t b) {
    if (got == a || got == b) {
        return pass(name);
    }
    char want[64];
    snprintf(want, sizeof want, "%s or %s", errno_name(a), errno_name(b));
    return fail(name, want, errno_name(got));
}

/* One check on a boolean condition; `detail` describes what was seen when it is false. */
static int expect_true(const char *name, int cond, const char *expected, const char *detail) {
    if (cond) {
        return pass(name);
    }
    return fail(name, expected, detail);
}

__attribute__((unused)) static int expect_len(const char *name, size_t got, size_t want) {
    if (got == want) {
        return pass(name);
    }
    char w[32], g[32];
    snprintf(w, sizeof w, "%zu bytes", want);
    snprintf(g, sizeof g, "%zu bytes", got);
    return fail(name, w, g);
}

/* Reads a whole array_output into a fresh heap buffer (len + one exact pull). */
/* Signs m with kp in one signature state; returns the first failing errno. */
__attribute__((unused)) static int32_t sign_msg(wc_handle kp, const uint8_t *m, size_t len,
                                                wc_handle *sig) {
    wc_handle st;
    int32_t e = signature_state_open(kp, &st);
    if (e) return e;
    e = signature_state_update(st, m, len);
    if (!e) e = signature_state_sign(st, sig);
    signature_state_close(st);
    return e;
}

/* Verifies sig over m with pk in one verification state; returns the first failing errno. */
__attribute__((unused)) static int32_t verify_msg(wc_handle pk, const uint8_t *m, size_t len,
                                                  wc_handle sig) {
    wc_handle st;
    int32_t e = signature_verification_state_open(pk, &st);
    if (e) return e;
    e = signature_verification_state_update(st, m, len);
    if (!e) e = signature_verification_state_verify(st, sig);
    signature_verification_state_close(st);
    return e;
}

static int32_t take_output(wc_handle ao, uint8_t **out, size_t *out_len) {
    size_t len = 0, nread = 0;
    int32_t e = array_output_len(ao, &len);
    if (e != WC_SUCCESS) {
        return e;
    }
    uint8_t *buf = malloc(len ? len : 1);
    e = array_output_pull(ao, buf, len, &nread);
    if (e != WC_SUCCESS) {
        free(buf);
        return e;
    }
    if (nread != len) {
        free(buf);
        return WC_INTERNAL_ERROR;
    }
    *out = buf;
    *out_len = len;
    return WC_SUCCESS;
}

/* A byte string owned by the guest: `len` bytes at `p` (p == NULL when absent). */
typedef struct {
    uint8_t *p;
    size_t len;
} bytes;

static void bytes_free(bytes *b) {
    free(b->p);
    b->p = NULL;
    b->len = 0;
}

static int bytes_eq(bytes a, bytes b) {
    return a.p && b.p && a.len == b.len && memcmp(a.p, b.p, a.len) == 0;
}

static int hexval(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* Decodes a hex string into a new heap buffer. */
static bytes unhex(const char *hex) {
    size_t n = strlen(hex) / 2;
    bytes b = {malloc(n ? n : 1), n};
    for (size_t i = 0; i < n; i++) {
        b.p[i] = (uint8_t)(hexval(hex[2 * i]) << 4 | hexval(hex[2 * i + 1]));
    }
    return b;
}

static const wc_opt_handle NO_OPTIONS = {1, 0};

/* A handle value that no table has issued: tag 0x7f is no handle type. */
#define BOGUS_HANDLE 0x7f00abcdu

/* Prints the plan line ("1..N", as TAP and check.h do) and the failure count. */
static int finish(void) {
    printf("1..%d\n", g_checks);
    printf("# %d checks, %d failed\n", g_checks, g_failures);
    fflush(stdout);
    return g_failures == 0 ? 0 : 1;
}

#endif
