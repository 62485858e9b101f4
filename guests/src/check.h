/*
 * check.h - a tiny test reporter for command guests.
 *
 * Every check prints one line, "ok - name" or "FAIL - name: expected X got Y",
 * and check_summary() prints "1..N" (the number of checks) plus a failure count.
 * The JUnit side counts the lines, so a guest that silently checks nothing fails.
 */
#ifndef CRYPTOBRIDGE_CHECK_H
#define CRYPTOBRIDGE_CHECK_H

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "wasi_crypto.h"

/* A string literal as the (pointer, length) pair the ABI takes. */
#define STR(literal) (literal), (sizeof(literal) - 1)
/* A string literal as a (byte pointer, length) pair, for data arguments. */
#define BYTES(literal) (const uint8_t *)(literal), (sizeof(literal) - 1)

static unsigned check_count;
static unsigned check_failures;

static void check_pass(const char *name) {
    check_count++;
    printf("ok - %s\n", name);
}

__attribute__((format(printf, 2, 3))) static void check_fail(const char *name, const char *fmt,
                                                             ...) {
    va_list args;
    check_count++;
    check_failures++;
    printf("FAIL - %s: ", name);
    va_start(args, fmt);
    vprintf(fmt, args);
    va_end(args);
    putchar('\n');
}

static void check_errno(const char *name, crypto_errno_t expected, crypto_errno_t got) {
    if (got == expected) {
        check_pass(name);
    } else {
        check_fail(name, "expected %s got %s", crypto_errno_name(expected),
                   crypto_errno_name(got));
    }
}

static void check_size(const char *name, size_t expected, size_t got) {
    if (got == expected) {
        check_pass(name);
    } else {
        check_fail(name, "expected %zu got %zu", expected, got);
    }
}

static void check_true(const char *name, int condition, const char *expectation) {
    if (condition) {
        check_pass(name);
    } else {
        check_fail(name, "expected %s", expectation);
    }
}

static void hex_encode(const uint8_t *bytes, size_t len, char *out) {
    static const char digits[] = "0123456789abcdef";
    for (size_t i = 0; i < len; i++) {
        out[2 * i] = digits[bytes[i] >> 4];
        out[2 * i + 1] = digits[bytes[i] & 15];
    }
    out[2 * len] = '\0';
}

static int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* Decodes a hex string into out (which must be large enough); returns the byte count. */
static size_t hex_decode(const char *hex, uint8_t *out) {
    size_t n = 0;
    while (hex[0] != '\0' && hex[1] != '\0') {
        out[n++] = (uint8_t)(hex_digit(hex[0]) << 4 | hex_digit(hex[1]));
        hex += 2;
    }
    return n;
}

/* Compares bytes against an expected hex string. */
static void check_hex(const char *name, const char *expected_hex, const uint8_t *got,
                      size_t got_len) {
    static char got_hex[2 * 512 + 1];
    if (got_len > 512) {
        check_fail(name, "output of %zu bytes is too long to compare", got_len);
        return;
    }
    hex_encode(got, got_len, got_hex);
    if (strcmp(expected_hex, got_hex) == 0) {
        check_pass(name);
    } else {
        check_fail(name, "expected %s got %s", expected_hex, got_hex);
    }
}

static int all_bytes_are(const uint8_t *bytes, size_t len, uint8_t value) {
    for (size_t i = 0; i < len; i++) {
        if (bytes[i] != value) return 0;
    }
    return 1;
}

/* Prints the plan line and the failure count; returns the process exit code. */
static int check_summary(void) {
    printf("1..%u\n", check_count);
    printf("# %u checks, %u failed\n", check_count, check_failures);
    return check_failures == 0 ? 0 : 1;
}

#endif /* CRYPTOBRIDGE_CHECK_H */
