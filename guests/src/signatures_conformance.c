/*
 * Conformance guest for wasi_ephemeral_crypto_asymmetric_common and _signatures: every function,
 * every signature algorithm, every required encoding, and the probes from the team's test list
 * (shared/spec §6.3, §9). One line per check; exit status 1 when any check failed.
 */
#include "asym_check.h"

enum family { RSA, ECDSA, EDDSA };

typedef struct {
    const char *name;
    enum family fam;
    size_t sig_len;    /* raw signature length */
    size_t field_len;  /* ECDSA: coordinate length; 0 otherwise */
} sig_alg;

static const sig_alg ALGS[] = {
    {"RSA_PKCS1_2048_SHA256", RSA, 256, 0}, {"RSA_PKCS1_2048_SHA384", RSA, 256, 0},
    {"RSA_PKCS1_2048_SHA512", RSA, 256, 0}, {"RSA_PKCS1_3072_SHA384", RSA, 384, 0},
    {"RSA_PKCS1_3072_SHA512", RSA, 384, 0}, {"RSA_PKCS1_4096_SHA512", RSA, 512, 0},
    {"RSA_PSS_2048_SHA256", RSA, 256, 0},   {"RSA_PSS_2048_SHA384", RSA, 256, 0},
    {"RSA_PSS_2048_SHA512", RSA, 256, 0},   {"RSA_PSS_3072_SHA384", RSA, 384, 0},
    {"RSA_PSS_3072_SHA512", RSA, 384, 0},   {"RSA_PSS_4096_SHA512", RSA, 512, 0},
    {"ECDSA_P256_SHA256", ECDSA, 64, 32},   {"ECDSA_P384_SHA384", ECDSA, 96, 48},
    {"ECDSA_K256_SHA256", ECDSA, 64, 32},   {"Ed25519", EDDSA, 64, 0},
};
#define NALGS (sizeof(ALGS) / sizeof(ALGS[0]))

static const uint8_t MSG[] = "wasi-crypto conformance message";
#define MSG_LEN (sizeof(MSG) - 1)

/* ---- small wrappers that return the first failing errno ---- */

static int32_t gen(const char *alg, wc_handle *kp) {
    return keypair_generate(WC_ALG_SIGNATURES, alg, strlen(alg), &NO_OPTIONS, kp);
}

/* Signs MSG with kp and verifies it with pk. */
static int32_t sign_then_verify(wc_handle kp, wc_handle pk) {
    wc_handle sig;
    int32_t e = sign_msg(kp, MSG, MSG_LEN, &sig);
    if (e) return e;
    e = verify_msg(pk, MSG, MSG_LEN, sig);
    signature_close(sig);
    return e;
}

static int32_t exp_kp(wc_handle kp, int32_t enc, bytes *out) {
    wc_handle ao;
    int32_t e = keypair_export(kp, enc, &ao);
    return e ? e : take_output(ao, &out->p, &out->len);
}
static int32_t exp_pk(wc_handle pk, int32_t enc, bytes *out) {
    wc_handle ao;
    int32_t e = publickey_export(pk, enc, &ao);
    return e ? e : take_output(ao, &out->p, &out->len);
}
static int32_t exp_sk(wc_handle sk, int32_t enc, bytes *out) {
    wc_handle ao;
    int32_t e = secretkey_export(sk, enc, &ao);
    return e ? e : take_output(ao, &out->p, &out->len);
}
static int32_t exp_sig(wc_handle sig, int32_t enc, bytes *out) {
    wc_handle ao;
    int32_t e = signature_export(sig, enc, &ao);
    return e ? e : take_output(ao, &out->p, &out->len);
}

static const char *enc_name(int32_t enc) {
    static const char *n[] = {"raw", "pkcs8", "pem", "sec", "local"};
    return enc >= 0 && enc <= 4 ? n[enc] : "?";
}
static const char *kp_enc_name(int32_t enc) {
    static const char *n[] = {"raw", "pkcs8", "pem", "local"};
    return enc >= 0 && enc <= 3 ? n[enc] : "?";
}

/* The public key encoding every family must support, used to compare keys. */
static int32_t primary_pk_enc(const sig_alg *a) {
    return a->fam == EDDSA ? WC_K_RAW : a->fam == ECDSA ? WC_K_SEC : WC_K_PKCS8;
}

static int format_ok(int32_t enc, bytes b) {
    if (enc == WC_K_PEM) return b.len > 11 && memcmp(b.p, "-----BEGIN ", 11) == 0;
    if (enc == WC_K_PKCS8) return b.len > 2 && b.p[0] == 0x30;
    return b.len > 0;
}

/* Emits the fixed number of lines of an optional-encoding check the host does not offer. */
static void not_offered(const char *what, int lines) {
    for (int i = 0; i < lines; i++) {
        pass(cname("%s: not offered (unsupported_encoding), step %d skipped", what, i + 1));
    }
}

/* ---- encodings ---- */

#define KP_ROUNDTRIP_LINES 4
static void kp_roundtrip(const sig_alg *a, wc_handle kp, wc_handle pk, int32_t enc, int required) {
    char what[96];
    snprintf(what, sizeof what, "%s keypair %s", a->name, kp_enc_name(enc));
    bytes b1 = {0}, b2 = {0};
    int32_t e = exp_kp(kp, enc, &b1);
    if (required) {
        if (!expect(cname("%s export", what), e, WC_SUCCESS)) return;
    } else {
        expect2(cname("%s export (optional)", what), e, WC_SUCCESS, WC_UNSUPPORTED_ENCODING);
        if (e) { not_offered(what, KP_ROUNDTRIP_LINES); return; }
    }
    wc_handle kp2;
    e = keypair_import(WC_ALG_SIGNATURES, a->name, strlen(a->name), b1.p, b1.len, enc, &kp2);
    if (expect(cname("%s import", what), e, WC_SUCCESS)) {
        expect(cname("%s re-export", what), exp_kp(kp2, enc, &b2), WC_SUCCESS);
        expect_true(cname("%s re-export equals first export", what), bytes_eq(b1, b2),
                    "identical bytes", "different bytes");
        expect(cname("%s imported key signs for the original public key", what),
               sign_then_verify(kp2, pk), WC_SUCCESS);
        keypair_close(kp2);
    }
    expect_true(cname("%s format", what), format_ok(enc, b1), "well-formed", "malformed");
    bytes_free(&b1);
    bytes_free(&b2);
}

#define PK_ROUNDTRIP_LINES 4
static void pk_roundtrip(const sig_alg *a, wc_handle kp, wc_handle pk, int32_t enc, int required) {
    char what[96];
    snprintf(what, sizeof what, "%s publickey %s", a->name, enc_name(enc));
    bytes b1 = {0}, b2 = {0};
    int32_t e = exp_pk(pk, enc, &b1);
    if (required) {
        if (!expect(cname("%s export", what), e, WC_SUCCESS)) return;
    } else {
        expect2(cname("%s export (optional)", what), e, WC_SUCCESS, WC_UNSUPPORTED_ENCODING);
        if (e) { not_offered(what, PK_ROUNDTRIP_LINES); return; }
    }
    wc_handle pk2;
    e = publickey_import(WC_ALG_SIGNATURES, a->name, strlen(a->name), b1.p, b1.len, enc, &pk2);
    if (expect(cname("%s import", what), e, WC_SUCCESS)) {
        expect(cname("%s re-export", what), exp_pk(pk2, enc, &b2), WC_SUCCESS);
        expect_true(cname("%s re-export equals first export", what), bytes_eq(b1, b2),
                    "identical bytes", "different bytes");
        expect(cname("%s imported key verifies the key pair's signature", what),
               sign_then_verify(kp, pk2), WC_SUCCESS);
        publickey_close(pk2);
    }
    expect_true(cname("%s format", what), format_ok(enc, b1), "well-formed", "malformed");
    bytes_free(&b1);
    bytes_free(&b2);
}

#define SK_ROUNDTRIP_LINES 5
static void sk_roundtrip(const sig_alg *a, wc_handle pk, wc_handle sk, int32_t enc, int required) {
    char what[96];
    snprintf(what, sizeof what, "%s secretkey %s", a->name, enc_name(enc));
    bytes b1 = {0}, b2 = {0}, pk_a = {0}, pk_b = {0};
    int32_t e = exp_sk(sk, enc, &b1);
    if (required) {
        if (!expect(cname("%s export", what), e, WC_SUCCESS)) return;
    } else {
        expect2(cname("%s export (optional)", what), e, WC_SUCCESS, WC_UNSUPPORTED_ENCODING);
        if (e) { not_offered(what, SK_ROUNDTRIP_LINES); return; }
    }
    wc_handle sk2, pk2, kp2;
    e = secretkey_import(WC_ALG_SIGNATURES, a->name, strlen(a->name), b1.p, b1.len, enc, &sk2);
    if (expect(cname("%s import", what), e, WC_SUCCESS)) {
        expect(cname("%s re-export", what), exp_sk(sk2, enc, &b2), WC_SUCCESS);
        expect_true(cname("%s re-export equals first export", what), bytes_eq(b1, b2),
                    "identical bytes", "different bytes");
        e = publickey_from_secretkey(sk2, &pk2);
        if (!e) {
            e = exp_pk(pk2, primary_pk_enc(a), &pk_b);
            publickey_close(pk2);
        }
        if (!e) e = exp_pk(pk, primary_pk_enc(a), &pk_a);
        if (!e && !bytes_eq(pk_a, pk_b)) e = WC_INVALID_KEY;
        expect(cname("%s imported key derives the original public key", what), e, WC_SUCCESS);
        e = keypair_from_pk_and_sk(pk, sk2, &kp2);
        if (!e) {
            e = sign_then_verify(kp2, pk);
            keypair_close(kp2);
        }
        expect(cname("%s imported key + public key form a working key pair", what), e,
               WC_SUCCESS);
        secretkey_close(sk2);
    }
    bytes_free(&b1);
    bytes_free(&b2);
    bytes_free(&pk_a);
    bytes_free(&pk_b);
}

static void encodings(const sig_alg *a, wc_handle kp, wc_handle pk, wc_handle sk) {
    int ec = a->fam == ECDSA, ed = a->fam == EDDSA, rsa = a->fam == RSA;
    kp_roundtrip(a, kp, pk, WC_KP_RAW, ec || ed);
    kp_roundtrip(a, kp, pk, WC_KP_PKCS8, ec || rsa);
    kp_roundtrip(a, kp, pk, WC_KP_PEM, ec || rsa);
    pk_roundtrip(a, kp, pk, WC_K_RAW, ed);
    pk_roundtrip(a, kp, pk, WC_K_PKCS8, ec || rsa);
    pk_roundtrip(a, kp, pk, WC_K_PEM, ec || rsa);
    pk_roundtrip(a, kp, pk, WC_K_SEC, ec);
    sk_roundtrip(a, pk, sk, WC_K_RAW, ed);
    sk_roundtrip(a, pk, sk, WC_K_PKCS8, ec || rsa);
    sk_roundtrip(a, pk, sk, WC_K_PEM, ec || rsa);
    sk_roundtrip(a, pk, sk, WC_K_SEC, ec);

    /* `local` is the host's own opaque format; cryptobridge has none. */
    bytes junk = {0};
    expect(cname("%s keypair export local", a->name), exp_kp(kp, WC_KP_LOCAL, &junk),
           WC_UNSUPPORTED_ENCODING);
    expect(cname("%s publickey export local", a->name), exp_pk(pk, WC_K_LOCAL, &junk),
           WC_UNSUPPORTED_ENCODING);
    expect(cname("%s secretkey export local", a->name), exp_sk(sk, WC_K_LOCAL, &junk),
           WC_UNSUPPORTED_ENCODING);
    uint8_t blob[8] = {1, 2, 3, 4, 5, 6, 7, 8};
    wc_handle h;
    expect(cname("%s keypair import local", a->name),
           keypair_import(WC_ALG_SIGNATURES, a->name, strlen(a->name), blob, 8, WC_KP_LOCAL, &h),
           WC_UNSUPPORTED_ENCODING);

    bytes raw = {0};
    if (ed) {
        int32_t e = exp_kp(kp, WC_KP_RAW, &raw);
        expect_len(cname("%s keypair raw is seed||pk", a->name), e ? 0 : raw.len, 64);
        bytes_free(&raw);
        e = exp_pk(pk, WC_K_RAW, &raw);
        expect_len(cname("%s publickey raw length", a->name), e ? 0 : raw.len, 32);
        bytes_free(&raw);
        e = exp_sk(sk, WC_K_RAW, &raw);
        expect_len(cname("%s secretkey raw length", a->name), e ? 0 : raw.len, 32);
        bytes_free(&raw);
    }
    if (ec) {
        /* SEC export is uncompressed; import accepts the compressed form too. */
        int32_t e = exp_pk(pk, WC_K_SEC, &raw);
        int uncompressed = !e && raw.len == 2 * a->field_len + 1 && raw.p[0] == 0x04;
        expect_true(cname("%s publickey sec export is an uncompressed point", a->name),
                    uncompressed, "04||x||y", e ? errno_name(e) : "other bytes");
        if (uncompressed) {
            uint8_t comp[49];
            comp[0] = 0x02 | (raw.p[raw.len - 1] & 1);
            memcpy(comp + 1, raw.p + 1, a->field_len);
            wc_handle pkc;
            bytes back = {0};
            e = publickey_import(WC_ALG_SIGNATURES, a->name, strlen(a->name), comp,
                                 a->field_len + 1, WC_K_SEC, &pkc);
            if (!e) {
                e = exp_pk(pkc, WC_K_SEC, &back);
                if (!e && !bytes_eq(back, raw)) e = WC_INVALID_KEY;
                publickey_close(pkc);
            }
            expect(cname("%s compressed sec point imports to the same key", a->name), e,
                   WC_SUCCESS);
            bytes_free(&back);

            /* Probe (i): a point that is not on the curve must not become a usable key. */
            uint8_t bad[97];
            memcpy(bad, raw.p, raw.len);
            bad[raw.len - 1] ^= 0x01;
            wc_handle pkbad;
            e = publickey_import(WC_ALG_SIGNATURES, a->name, strlen(a->name), bad, raw.len,
                                 WC_K_SEC, &pkbad);
            if (!e) {
                e = publickey_verify(pkbad);
                publickey_close(pkbad);
            }
            expect(cname("%s off-curve sec point: import or publickey_verify", a->name), e,
                   WC_INVALID_KEY);
        } else {
            fail(cname("%s compressed sec point imports to the same key", a->name),
                 "uncompressed export first", "none");
            fail(cname("%s off-curve sec point: import or publickey_verify", a->name),
                 "uncompressed export first", "none");
        }
        bytes_free(&raw);
    }
}

/* ---- signatures ---- */

/* A DER signature that must never verify: refused at import, or refused by verify. */
static void never_verifies(const sig_alg *a, const char *what, const uint8_t *der, size_t len,
                           wc_handle pk) {
    wc_handle s;
    int32_t e = signature_import(a->name, strlen(a->name), der, len, WC_SIG_DER, &s);
    if (!e) {
        e = verify_msg(pk, MSG, MSG_LEN, s);
        signature_close(s);
    }
    expect(cname("%s DER %s: import or verify", a->name, what), e, WC_INVALID_SIGNATURE);
}

/*
 * Strict DER (spec §9): a valid signature re-encoded loosely must not verify. The host's own DER
 * export is SEQUENCE { INTEGER r, INTEGER s } with short-form lengths (at most 102 bytes).
 */
#define DER_PROBE_LINES 5
static void der_probes(const sig_alg *a, wc_handle pk, wc_handle sig) {
    bytes der = {0};
    int32_t e = exp_sig(sig, WC_SIG_DER, &der);
    int shape_ok = !e && der.len >= 8 && der.len < 126 && der.p[0] == 0x30 &&
                   der.p[1] == der.len - 2 && der.p[2] == 0x02;
    if (!shape_ok) {
        for (int i = 0; i < DER_PROBE_LINES; i++) {
            fail(cname("%s DER probe %d", a->name, i + 1), "a DER export to alter",
                 e ? errno_name(e) : "other bytes");
        }
        bytes_free(&der);
        return;
    }
    uint8_t buf[160];
    size_t n = der.len;

    memcpy(buf, der.p, n);
    buf[n] = 0x00;
    never_verifies(a, "with a trailing zero byte", buf, n + 1, pk);

    /* Long-form length for a short SEQUENCE: BER, not DER. */
    buf[0] = 0x30;
    buf[1] = 0x81;
    buf[2] = (uint8_t)(n - 2);
    memcpy(buf + 3, der.p + 2, n - 2);
    never_verifies(a, "with a long-form SEQUENCE length", buf, n + 1, pk);

    /* r with one more leading zero: not minimal. */
    size_t rlen = der.p[3];
    buf[0] = 0x30;
    buf[1] = (uint8_t)(n - 2 + 1);
    buf[2] = 0x02;
    buf[3] = (uint8_t)(rlen + 1);
    buf[4] = 0x00;
    memcpy(buf + 5, der.p + 4, n - 4);
    never_verifies(a, "with a non-minimal r", buf, n + 1, pk);

    /* The SEQUENCE claims one byte more than there is. */
    memcpy(buf, der.p, n);
    buf[1] = (uint8_t)(n - 1);
    never_verifies(a, "with a SEQUENCE length past the end", buf, n, pk);

    /* The order of r and s swapped still parses, but is another signature. */
    size_t slen = der.p[4 + rlen + 1];
    buf[0] = 0x30;
    buf[1] = der.p[1];
    memcpy(buf + 2, der.p + 4 + rlen, 2 + slen);
    memcpy(buf + 2 + 2 + slen, der.p + 2, 2 + rlen);
    never_verifies(a, "with r and s swapped", buf, n, pk);
    bytes_free(&der);
}

static void signature_encodings(const sig_alg *a, wc_handle pk, wc_handle sig) {
    bytes raw = {0}, der = {0};
    int32_t e = exp_sig(sig, WC_SIG_RAW, &raw);
    expect(cname("%s signature export raw", a->name), e, WC_SUCCESS);
    expect_len(cname("%s signature raw length", a->name), e ? 0 : raw.len, a->sig_len);
    wc_handle s2;
    if (!e) {
        e = signature_import(a->name, strlen(a->name), raw.p, raw.len, WC_SIG_RAW, &s2);
        if (!e) {
            e = verify_msg(pk, MSG, MSG_LEN, s2);
            signature_close(s2);
        }
    }
    expect(cname("%s imported raw signature verifies", a->name), e, WC_SUCCESS);

    /* Probe (k): a raw signature of the wrong length is not a signature. */
    uint8_t *longer = calloc(1, a->sig_len + 1);
    if (raw.p) memcpy(longer, raw.p, raw.len < a->sig_len ? raw.len : a->sig_len);
    expect(cname("%s raw signature one byte short", a->name),
           signature_import(a->name, strlen(a->name), longer, a->sig_len - 1, WC_SIG_RAW, &s2),
           WC_INVALID_SIGNATURE);
    expect(cname("%s raw signature one byte long", a->name),
           signature_import(a->name, strlen(a->name), longer, a->sig_len + 1, WC_SIG_RAW, &s2),
           WC_INVALID_SIGNATURE);
    free(longer);

    /* DER is optional; when offered it must round-trip. */
    e = exp_sig(sig, WC_SIG_DER, &der);
    expect2(cname("%s signature export der (optional)", a->name), e, WC_SUCCESS,
            WC_UNSUPPORTED_ENCODING);
    if (!e) {
        e = signature_import(a->name, strlen(a->name), der.p, der.len, WC_SIG_DER, &s2);
        if (!e) {
            e = verify_msg(pk, MSG, MSG_LEN, s2);
            signature_close(s2);
        }
        expect(cname("%s imported der signature verifies", a->name), e, WC_SUCCESS);
    } else {
        pass(cname("%s der signature round trip: not offered", a->name));
    }
    bytes_free(&raw);
    bytes_free(&der);

    if (a->fam == ECDSA) {
        /* Probe (a), the WasmEdge forgery: `30 00` must never verify. */
        static const uint8_t garbage[2] = {0x30, 0x00};
        e = signature_import(a->name, strlen(a->name), garbage, 2, WC_SIG_DER, &s2);
        if (!e) {
            e = verify_msg(pk, MSG, MSG_LEN, s2);
            signature_close(s2);
            expect(cname("%s garbage DER 30 00 imported: verify", a->name), e,
                   WC_INVALID_SIGNATURE);
        } else {
            expect2(cname("%s garbage DER 30 00 rejected at import", a->name), e,
                    WC_INVALID_SIGNATURE, WC_UNSUPPORTED_ENCODING);
        }
        der_probes(a, pk, sig);
    }
}

static void sign_verify(const sig_alg *a, wc_handle kp, wc_handle pk) {
    wc_handle sig;
    int32_t e = sign_msg(kp, MSG, MSG_LEN, &sig);
    if (!expect(cname("%s sign", a->name), e, WC_SUCCESS)) return;
    expect(cname("%s verify", a->name), verify_msg(pk, MSG, MSG_LEN, sig), WC_SUCCESS);

    /* Probe (b): the handle straight from signature_state_sign, tampered message. */
    uint8_t tampered[MSG_LEN];
    memcpy(tampered, MSG, MSG_LEN);
    tampered[0] ^= 0x01;
    expect(cname("%s tampered message", a->name), verify_msg(pk, tampered, MSG_LEN, sig),
           WC_INVALID_SIGNATURE);
    expect(cname("%s truncated message", a->name), verify_msg(pk, MSG, MSG_LEN - 1, sig),
           WC_INVALID_SIGNATURE);

    /* A verification state stays usable after verify; a failed verify does not poison it. */
    wc_handle vs;
    e = signature_verification_state_open(pk, &vs);
    if (!e) e = signature_verification_state_update(vs, MSG, MSG_LEN);
    int32_t first = e ? e : signature_verification_state_verify(vs, sig);
    int32_t second = e ? e : signature_verification_state_verify(vs, sig);
    expect(cname("%s verification state: first verify", a->name), first, WC_SUCCESS);
    expect(cname("%s verification state: second verify", a->name), second, WC_SUCCESS);
    if (!e) signature_verification_state_close(vs);

    signature_encodings(a, pk, sig);

    /* A signature does not verify under another key of the same algorithm. */
    wc_handle kp2, pk2, sk;
    e = gen(a->name, &kp2);
    if (!e) e = keypair_publickey(kp2, &pk2);
    if (expect(cname("%s second key pair", a->name), e, WC_SUCCESS)) {
        expect(cname("%s signature under another public key", a->name),
               verify_msg(pk2, MSG, MSG_LEN, sig), WC_INVALID_SIGNATURE);
        /* Probe (h): mismatched halves. */
        e = keypair_secretkey(kp, &sk);
        wc_handle bad;
        if (!e) {
            e = keypair_from_pk_and_sk(pk2, sk, &bad);
            secretkey_close(sk);
        }
        expect(cname("%s keypair_from_pk_and_sk with mismatched keys", a->name), e,
               WC_INCOMPATIBLE_KEYS);
        publickey_close(pk2);
        keypair_close(kp2);
    }
    signature_close(sig);
}

static int32_t sig_bytes(wc_handle sig, bytes *out) {
    return exp_sig(sig, WC_SIG_RAW, out);
}

/* Probe (c) (and (d) for Ed25519): signature states are cumulative and sign does not reset. */
static void cumulative(const sig_alg *a, wc_handle kp, wc_handle pk) {
    static const uint8_t A[] = "first part;";
    static const uint8_t B[] = "second part";
    uint8_t AB[sizeof A - 1 + sizeof B - 1];
    memcpy(AB, A, sizeof A - 1);
    memcpy(AB + sizeof A - 1, B, sizeof B - 1);

    wc_handle st, s1 = 0, s2 = 0, s3 = 0;
    int32_t e = signature_state_open(kp, &st);
    if (!expect(cname("%s cumulative: open", a->name), e, WC_SUCCESS)) return;
    e = signature_state_update(st, A, sizeof A - 1);
    if (!e) e = signature_state_sign(st, &s1);
    expect(cname("%s cumulative: update, sign", a->name), e, WC_SUCCESS);
    e = signature_state_update(st, B, sizeof B - 1);
    if (!e) e = signature_state_sign(st, &s2);
    expect(cname("%s cumulative: update after sign, sign again", a->name), e, WC_SUCCESS);
    int32_t e3 = signature_state_sign(st, &s3);
    expect(cname("%s cumulative: sign the same buffer again", a->name), e3, WC_SUCCESS);
    signature_state_close(st);

    expect(cname("%s cumulative: first signature covers the first part", a->name),
           s1 ? verify_msg(pk, A, sizeof A - 1, s1) : WC_INVALID_HANDLE, WC_SUCCESS);
    expect(cname("%s cumulative: second signature covers everything absorbed", a->name),
           s2 ? verify_msg(pk, AB, sizeof AB, s2) : WC_INVALID_HANDLE, WC_SUCCESS);
    expect(cname("%s cumulative: second signature does not cover only the first part", a->name),
           s2 ? verify_msg(pk, A, sizeof A - 1, s2) : WC_INVALID_HANDLE, WC_INVALID_SIGNATURE);
    expect(cname("%s cumulative: second signature does not cover only the second part", a->name),
           s2 ? verify_msg(pk, B, sizeof B - 1, s2) : WC_INVALID_HANDLE, WC_INVALID_SIGNATURE);
    expect(cname("%s cumulative: third signature covers everything absorbed", a->name),
           s3 ? verify_msg(pk, AB, sizeof AB, s3) : WC_INVALID_HANDLE, WC_SUCCESS);

    if (a->fam == EDDSA) {
        /* Probe (d): no nonce fixed at open. Different messages give different R; Ed25519 is
         * deterministic, so the same message signed twice gives the identical signature. */
        bytes b1 = {0}, b2 = {0}, b3 = {0}, b4 = {0};
        int ok = s1 && s2 && s3 && !sig_bytes(s1, &b1) && !sig_bytes(s2, &b2) &&
                 !sig_bytes(s3, &b3) && b1.len == 64 && b2.len == 64 && b3.len == 64;
        expect_true(cname("%s two signs over different buffers have different R", a->name),
                    ok && memcmp(b1.p, b2.p, 32) != 0, "R1 != R2", ok ? "same R" : "no signatures");
        expect_true(cname("%s signing the same buffer twice is deterministic", a->name),
                    ok && bytes_eq(b2, b3), "identical signatures", ok ? "different" : "none");
        wc_handle s4;
        e = sign_msg(kp, AB, sizeof AB, &s4);
        if (!e) {
            e = sig_bytes(s4, &b4);
            signature_close(s4);
        }
        expect_true(cname("%s a fresh state over the same bytes gives the same signature", a->name),
                    !e && bytes_eq(b2, b4), "identical signatures", e ? errno_name(e) : "different");
        bytes_free(&b1);
        bytes_free(&b2);
        bytes_free(&b3);
        bytes_free(&b4);
    }
    if (s1) signature_close(s1);
    if (s2) signature_close(s2);
    if (s3) signature_close(s3);
}

/* Probe (e): a signing state is not a verification state, and no handle type is another. */
static void state_confusion(const sig_alg *a, wc_handle kp, wc_handle pk) {
    wc_handle ss, vs, sig, out;
    int32_t e = signature_state_open(kp, &ss);
    if (!e) e = signature_verification_state_open(pk, &vs);
    if (!e) e = sign_msg(kp, MSG, MSG_LEN, &sig);
    if (!expect(cname("%s states for the confusion probe", a->name), e, WC_SUCCESS)) return;
    expect(cname("%s verification_state_update(signing state)", a->name),
           signature_verification_state_update(ss, MSG, MSG_LEN), WC_INVALID_HANDLE);
    expect(cname("%s verification_state_verify(signing state)", a->name),
           signature_verification_state_verify(ss, sig), WC_INVALID_HANDLE);
    expect(cname("%s verification_state_close(signing state)", a->name),
           signature_verification_state_close(ss), WC_INVALID_HANDLE);
    expect(cname("%s signature_state_update(verification state)", a->name),
           signature_state_update(vs, MSG, MSG_LEN), WC_INVALID_HANDLE);
    expect(cname("%s signature_state_sign(verification state)", a->name),
           signature_state_sign(vs, &out), WC_INVALID_HANDLE);
    expect(cname("%s signature_state_close(verification state)", a->name),
           signature_state_close(vs), WC_INVALID_HANDLE);
    expect(cname("%s signature_state_open(public key)", a->name), signature_state_open(pk, &out),
           WC_INVALID_HANDLE);
    expect(cname("%s verification_state_open(key pair)", a->name),
           signature_verification_state_open(kp, &out), WC_INVALID_HANDLE);
    expect(cname("%s verification_state_verify(key pair as signature)", a->name),
           signature_verification_state_verify(vs, kp), WC_INVALID_HANDLE);
    expect(cname("%s both states still work after the confusion", a->name),
           (e = signature_state_update(ss, MSG, MSG_LEN)) ? e
               : (e = signature_verification_state_update(vs, MSG, MSG_LEN)) ? e
               : signature_verification_state_verify(vs, sig),
           WC_SUCCESS);
    signature_state_close(ss);
    signature_verification_state_close(vs);
    signature_close(sig);
}

static void test_algorithm(const sig_alg *a) {
    wc_handle kp, pk, sk, pk_from_sk, kp_joined;
    int32_t e = gen(a->name, &kp);
    if (!expect(cname("%s keypair_generate", a->name), e, WC_SUCCESS)) return;
    expect(cname("%s keypair_publickey", a->name), e = keypair_publickey(kp, &pk), WC_SUCCESS);
    if (e) return;
    expect(cname("%s keypair_secretkey", a->name), e = keypair_secretkey(kp, &sk), WC_SUCCESS);
    if (e) return;
    expect(cname("%s publickey_verify on a generated key", a->name), publickey_verify(pk),
           WC_SUCCESS);

    bytes p1 = {0}, p2 = {0};
    e = publickey_from_secretkey(sk, &pk_from_sk);
    if (!e) {
        e = exp_pk(pk_from_sk, primary_pk_enc(a), &p1);
        publickey_close(pk_from_sk);
    }
    if (!e) e = exp_pk(pk, primary_pk_enc(a), &p2);
    expect_true(cname("%s publickey_from_secretkey equals keypair_publickey", a->name),
                !e && bytes_eq(p1, p2), "same key", e ? errno_name(e) : "different key");
    bytes_free(&p1);
    bytes_free(&p2);

    e = keypair_from_pk_and_sk(pk, sk, &kp_joined);
    expect(cname("%s keypair_from_pk_and_sk", a->name), e, WC_SUCCESS);
    if (!e) {
        expect(cname("%s joined key pair signs", a->name), sign_then_verify(kp_joined, pk),
               WC_SUCCESS);
        keypair_close(kp_joined);
    }

    /* Probe (l): keypair_id is for managed keys only. */
    uint8_t id[64];
    size_t id_len;
    wc_version version;
    expect(cname("%s keypair_id on an unmanaged key", a->name),
           keypair_id(kp, id, sizeof id, &id_len, &version), WC_UNSUPPORTED_FEATURE);

    sign_verify(a, kp, pk);
    cumulative(a, kp, pk);
    state_confusion(a, kp, pk);
    encodings(a, kp, pk, sk);

    expect(cname("%s secretkey_close", a->name), secretkey_close(sk), WC_SUCCESS);
    expect(cname("%s publickey_close", a->name), publickey_close(pk), WC_SUCCESS);
    expect(cname("%s keypair_close", a->name), keypair_close(kp), WC_SUCCESS);
}

/* ---- checks that do not depend on the algorithm ---- */

/* Probe (f): unknown handles, use after close, double close. */
static void handles(void) {
    const wc_handle B = BOGUS_HANDLE;
    wc_handle out, out2;
    uint8_t buf[8] = {0};
    expect("bogus handle: keypair_export", keypair_export(B, WC_KP_RAW, &out), WC_INVALID_HANDLE);
    expect("bogus handle: keypair_publickey", keypair_publickey(B, &out), WC_INVALID_HANDLE);
    expect("bogus handle: keypair_secretkey", keypair_secretkey(B, &out), WC_INVALID_HANDLE);
    expect("bogus handle: keypair_close", keypair_close(B), WC_INVALID_HANDLE);
    expect("bogus handle: keypair_from_pk_and_sk", keypair_from_pk_and_sk(B, B, &out),
           WC_INVALID_HANDLE);
    expect("bogus handle: publickey_export", publickey_export(B, WC_K_RAW, &out),
           WC_INVALID_HANDLE);
    expect("bogus handle: publickey_verify", publickey_verify(B), WC_INVALID_HANDLE);
    expect("bogus handle: publickey_from_secretkey", publickey_from_secretkey(B, &out),
           WC_INVALID_HANDLE);
    expect("bogus handle: publickey_close", publickey_close(B), WC_INVALID_HANDLE);
    expect("bogus handle: secretkey_export", secretkey_export(B, WC_K_RAW, &out),
           WC_INVALID_HANDLE);
    expect("bogus handle: secretkey_close", secretkey_close(B), WC_INVALID_HANDLE);
    expect("bogus handle: signature_export", signature_export(B, WC_SIG_RAW, &out),
           WC_INVALID_HANDLE);
    expect("bogus handle: signature_close", signature_close(B), WC_INVALID_HANDLE);
    expect("bogus handle: signature_state_open", signature_state_open(B, &out), WC_INVALID_HANDLE);
    expect("bogus handle: signature_state_update", signature_state_update(B, buf, 8),
           WC_INVALID_HANDLE);
    expect("bogus handle: signature_state_sign", signature_state_sign(B, &out), WC_INVALID_HANDLE);
    expect("bogus handle: signature_state_close", signature_state_close(B), WC_INVALID_HANDLE);
    expect("bogus handle: verification_state_open", signature_verification_state_open(B, &out),
           WC_INVALID_HANDLE);
    expect("bogus handle: verification_state_update",
           signature_verification_state_update(B, buf, 8), WC_INVALID_HANDLE);
    expect("bogus handle: verification_state_verify", signature_verification_state_verify(B, B),
           WC_INVALID_HANDLE);
    expect("bogus handle: verification_state_close", signature_verification_state_close(B),
           WC_INVALID_HANDLE);

    wc_handle kp, pk, sk, st, vs, sig;
    int32_t e = gen("Ed25519", &kp);
    if (!e) e = keypair_publickey(kp, &pk);
    if (!e) e = keypair_secretkey(kp, &sk);
    if (!e) e = sign_msg(kp, MSG, MSG_LEN, &sig);
    if (!e) e = signature_state_open(kp, &st);
    if (!e) e = signature_verification_state_open(pk, &vs);
    if (!expect("handles for the lifetime checks", e, WC_SUCCESS)) return;

    expect("verification_state_verify(live state, bogus signature)",
           signature_verification_state_verify(vs, B), WC_INVALID_HANDLE);

    /* Handles are independent: closing the key pair leaves its derived keys and states alive. */
    expect("keypair_close", keypair_close(kp), WC_SUCCESS);
    expect("keypair_close twice", keypair_close(kp), WC_CLOSED);
    expect("closed key pair: keypair_publickey", keypair_publickey(kp, &out), WC_INVALID_HANDLE);
    expect("closed key pair: signature_state_open", signature_state_open(kp, &out),
           WC_INVALID_HANDLE);
    expect("closed key pair: keypair_export", keypair_export(kp, WC_KP_RAW, &out),
           WC_INVALID_HANDLE);
    e = signature_state_update(st, MSG, MSG_LEN);
    if (!e) e = signature_state_sign(st, &out);
    if (!e) {
        e = verify_msg(pk, MSG, MSG_LEN, out);
        signature_close(out);
    }
    expect("a signing state outlives its key pair handle", e, WC_SUCCESS);
    expect("public key outlives its key pair handle", verify_msg(pk, MSG, MSG_LEN, sig),
           WC_SUCCESS);

    expect("signature_state_close", signature_state_close(st), WC_SUCCESS);
    expect("signature_state_close twice", signature_state_close(st), WC_CLOSED);
    expect("closed signing state: update", signature_state_update(st, buf, 8), WC_INVALID_HANDLE);
    expect("closed signing state: sign", signature_state_sign(st, &out), WC_INVALID_HANDLE);

    expect("verification_state_close", signature_verification_state_close(vs), WC_SUCCESS);
    expect("verification_state_close twice", signature_verification_state_close(vs), WC_CLOSED);
    expect("closed verification state: update", signature_verification_state_update(vs, buf, 8),
           WC_INVALID_HANDLE);
    expect("closed verification state: verify", signature_verification_state_verify(vs, sig),
           WC_INVALID_HANDLE);

    expect("signature_close", signature_close(sig), WC_SUCCESS);
    expect("signature_close twice", signature_close(sig), WC_CLOSED);
    expect("closed signature: export", signature_export(sig, WC_SIG_RAW, &out), WC_INVALID_HANDLE);

    expect("publickey_close", publickey_close(pk), WC_SUCCESS);
    expect("publickey_close twice", publickey_close(pk), WC_CLOSED);
    expect("closed public key: export", publickey_export(pk, WC_K_RAW, &out), WC_INVALID_HANDLE);
    expect("closed public key: verification_state_open",
           signature_verification_state_open(pk, &out), WC_INVALID_HANDLE);

    e = publickey_from_secretkey(sk, &out2);
    expect("secret key outlives its key pair handle", e, WC_SUCCESS);
    if (!e) publickey_close(out2);
    expect("secretkey_close", secretkey_close(sk), WC_SUCCESS);
    expect("secretkey_close twice", secretkey_close(sk), WC_CLOSED);
    expect("closed secret key: export", secretkey_export(sk, WC_K_RAW, &out), WC_INVALID_HANDLE);
}

/* Probe (g) and the algorithm-name rules. */
static void algorithm_names(void) {
    static const char *wrong[] = {"AES-256-GCM", "X25519", "ML-KEM-768", "SHA-256",
                                  "P256-SHA256", "ED25519PH", "NOT-AN-ALGORITHM", ""};
    uint8_t blob[64] = {0};
    wc_handle out;
    for (size_t i = 0; i < sizeof wrong / sizeof wrong[0]; i++) {
        const char *n = wrong[i];
        expect(cname("keypair_generate(signatures, \"%s\")", n),
               keypair_generate(WC_ALG_SIGNATURES, n, strlen(n), &NO_OPTIONS, &out),
               WC_UNSUPPORTED_ALGORITHM);
        expect(cname("keypair_import(signatures, \"%s\")", n),
               keypair_import(WC_ALG_SIGNATURES, n, strlen(n), blob, 64, WC_KP_RAW, &out),
               WC_UNSUPPORTED_ALGORITHM);
        expect(cname("publickey_import(signatures, \"%s\")", n),
               publickey_import(WC_ALG_SIGNATURES, n, strlen(n), blob, 32, WC_K_RAW, &out),
               WC_UNSUPPORTED_ALGORITHM);
        expect(cname("secretkey_import(signatures, \"%s\")", n),
               secretkey_import(WC_ALG_SIGNATURES, n, strlen(n), blob, 32, WC_K_RAW, &out),
               WC_UNSUPPORTED_ALGORITHM);
        expect(cname("signature_import(\"%s\")", n),
               signature_import(n, strlen(n), blob, 64, WC_SIG_RAW, &out),
               WC_UNSUPPORTED_ALGORITHM);
    }
    /* A signature algorithm under the key-exchange type is not a key-exchange algorithm. */
    expect("keypair_generate(key_exchange, \"Ed25519\")",
           keypair_generate(WC_ALG_KEY_EXCHANGE, "Ed25519", 7, &NO_OPTIONS, &out),
           WC_UNSUPPORTED_ALGORITHM);
    expect("keypair_generate(key_exchange, \"ECDSA_P256_SHA256\")",
           keypair_generate(WC_ALG_KEY_EXCHANGE, "ECDSA_P256_SHA256", 17, &NO_OPTIONS, &out),
           WC_UNSUPPORTED_ALGORITHM);
    /* Enum values and option tags outside their range are guest conversion errors. */
    expect("keypair_generate with algorithm_type 7",
           keypair_generate(7, "Ed25519", 7, &NO_OPTIONS, &out), WC_GUEST_ERROR);
    const wc_opt_handle bad_tag = {2, 0};
    expect("keypair_generate with an opt_options tag of 2",
           keypair_generate(WC_ALG_SIGNATURES, "Ed25519", 7, &bad_tag, &out), WC_GUEST_ERROR);
    expect("publickey_import with publickey_encoding 9",
           publickey_import(WC_ALG_SIGNATURES, "Ed25519", 7, blob, 32, 9, &out), WC_GUEST_ERROR);
    expect("keypair_import with keypair_encoding 4",
           keypair_import(WC_ALG_SIGNATURES, "Ed25519", 7, blob, 64, 4, &out), WC_GUEST_ERROR);
    expect("signature_import with signature_encoding 2",
           signature_import("Ed25519", 7, blob, 64, 2, &out), WC_GUEST_ERROR);
    /* Names match case-insensitively, as in every peer. */
    static const char *cases[] = {"ed25519", "ecdsa_p256_sha256", "rsa_pss_2048_sha256"};
    for (size_t i = 0; i < 3; i++) {
        int32_t e = gen(cases[i], &out);
        expect(cname("keypair_generate(\"%s\") (case-insensitive)", cases[i]), e, WC_SUCCESS);
        if (!e) keypair_close(out);
    }
}

static void options(void) {
    wc_handle sig_opts, sym_opts, kp;
    int32_t e = options_open(WC_ALG_SIGNATURES, &sig_opts);
    if (!expect("options_open(signatures)", e, WC_SUCCESS)) return;
    wc_opt_handle some = {0, sig_opts};
    e = keypair_generate(WC_ALG_SIGNATURES, "Ed25519", 7, &some, &kp);
    expect("keypair_generate with an empty signatures options set", e, WC_SUCCESS);
    if (!e) keypair_close(kp);
    options_close(sig_opts);
    e = options_open(WC_ALG_SYMMETRIC, &sym_opts);
    if (!expect("options_open(symmetric)", e, WC_SUCCESS)) return;
    some.handle = sym_opts;
    expect("keypair_generate with a symmetric options set",
           keypair_generate(WC_ALG_SIGNATURES, "Ed25519", 7, &some, &kp), WC_INVALID_HANDLE);
    options_close(sym_opts);
    some.handle = BOGUS_HANDLE;
    expect("keypair_generate with a bogus options handle",
           keypair_generate(WC_ALG_SIGNATURES, "Ed25519", 7, &some, &kp), WC_INVALID_HANDLE);
}

/*
 * Managed keys. Without a secrets manager every managed function answers unsupported_feature; on a
 * host with one, managed_keys.c checks them and only the manager's open/close is checked here.
 */
static void managed(void) {
    wc_handle sm = 0, out, kp, kp2;
    uint8_t id[64];
    wc_version v;
    int32_t opened = secrets_manager_open(&NO_OPTIONS, &sm);
    if (opened == WC_SUCCESS) {
        printf("# the host has a secrets manager: managed_keys.c checks its functions\n");
        pass("secrets_manager_open (the host has a secrets manager)");
        expect("secrets_manager_close", secrets_manager_close(sm), WC_SUCCESS);
        return;
    }
    expect("secrets_manager_open", opened, WC_UNSUPPORTED_FEATURE);
    expect("keypair_generate_managed",
           keypair_generate_managed(sm, WC_ALG_SIGNATURES, "Ed25519", 7, &NO_OPTIONS, &out),
           WC_UNSUPPORTED_FEATURE);
    int32_t e = gen("Ed25519", &kp);
    if (!e) e = gen("Ed25519", &kp2);
    if (!expect("key pairs for the managed-key checks", e, WC_SUCCESS)) return;
    expect("keypair_store_managed", keypair_store_managed(sm, kp, id, sizeof id),
           WC_UNSUPPORTED_FEATURE);
    expect("keypair_replace_managed", keypair_replace_managed(sm, kp, kp2, &v),
           WC_UNSUPPORTED_FEATURE);
    expect("keypair_from_id", keypair_from_id(sm, (const uint8_t *)"id", 2, WC_VERSION_LATEST, &out),
           WC_UNSUPPORTED_FEATURE);
    expect("key pair still usable after the managed calls", keypair_close(kp), WC_SUCCESS);
    keypair_close(kp2);
}

/* Probe (j) and other malformed Ed25519 key pairs. */
static void ed25519_bad_keys(void) {
    wc_handle kp, out;
    bytes raw = {0};
    int32_t e = gen("Ed25519", &kp);
    if (!e) e = exp_kp(kp, WC_KP_RAW, &raw);
    if (!expect("Ed25519 key pair for the malformed-key checks", e, WC_SUCCESS)) return;
    keypair_close(kp);
    if (raw.len != 64) {
        fail("Ed25519 malformed-key checks", "64-byte raw key pair", "other length");
        bytes_free(&raw);
        return;
    }
    expect("Ed25519 keypair_import of only the 32-byte seed",
           keypair_import(WC_ALG_SIGNATURES, "Ed25519", 7, raw.p, 32, WC_KP_RAW, &out),
           WC_INVALID_KEY);
    expect("Ed25519 keypair_import of 63 bytes",
           keypair_import(WC_ALG_SIGNATURES, "Ed25519", 7, raw.p, 63, WC_KP_RAW, &out),
           WC_INVALID_KEY);
    raw.p[63] ^= 0x01; /* the public half no longer belongs to the seed */
    expect("Ed25519 keypair_import whose public half does not match the seed",
           keypair_import(WC_ALG_SIGNATURES, "Ed25519", 7, raw.p, 64, WC_KP_RAW, &out),
           WC_INVALID_KEY);
    expect("Ed25519 publickey_import of 31 bytes",
           publickey_import(WC_ALG_SIGNATURES, "Ed25519", 7, raw.p, 31, WC_K_RAW, &out),
           WC_INVALID_KEY);
    expect("Ed25519 secretkey_import of 33 bytes",
           secretkey_import(WC_ALG_SIGNATURES, "Ed25519", 7, raw.p, 33, WC_K_RAW, &out),
           WC_INVALID_KEY);
    bytes_free(&raw);

    /* An ECDSA public key is not an Ed25519 key, and an empty buffer is no key. */
    expect("ECDSA_P256_SHA256 publickey_import of nothing",
           publickey_import(WC_ALG_SIGNATURES, "ECDSA_P256_SHA256", 17, raw.p, 0, WC_K_SEC, &out),
           WC_INVALID_KEY);
    expect("RSA_PKCS1_2048_SHA256 publickey_import of garbage DER",
           publickey_import(WC_ALG_SIGNATURES, "RSA_PKCS1_2048_SHA256", 21,
                            (const uint8_t *)"\x30\x03\x02\x01\x01", 5, WC_K_PKCS8, &out),
           WC_INVALID_KEY);
}

/* Ed25519 public keys that are no usable keys: the identity (low order) and y = p. */
static void ed25519_odd_public_keys(void) {
    static const char *odd[2][2] = {
        {"the identity point", "0100000000000000000000000000000000000000000000000000000000000000"},
        {"y = p (non-canonical)", "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"},
    };
    for (int i = 0; i < 2; i++) {
        bytes p = unhex(odd[i][1]);
        wc_handle pk;
        int32_t e = publickey_import(WC_ALG_SIGNATURES, "Ed25519", 7, p.p, 32, WC_K_RAW, &pk);
        if (!e) {
            e = publickey_verify(pk);
            publickey_close(pk);
        }
        expect(cname("Ed25519 public key %s: import or publickey_verify", odd[i][0]), e,
               WC_INVALID_KEY);
        bytes_free(&p);
    }
}

/* A key is bound to its algorithm's size and curve. */
static void keys_of_another_size(void) {
    wc_handle rsa, ec, pk, out;
    bytes spki = {0}, pkcs8 = {0}, ec_spki = {0}, ec_sec = {0};
    int32_t e = gen("RSA_PKCS1_2048_SHA256", &rsa);
    if (!e) e = keypair_publickey(rsa, &pk);
    if (!e) {
        e = exp_pk(pk, WC_K_PKCS8, &spki);
        publickey_close(pk);
    }
    if (!e) e = exp_kp(rsa, WC_KP_PKCS8, &pkcs8);
    if (!e) e = gen("ECDSA_P256_SHA256", &ec);
    if (!e) e = keypair_publickey(ec, &pk);
    if (!e) e = exp_pk(pk, WC_K_PKCS8, &ec_spki);
    if (!e) {
        e = exp_pk(pk, WC_K_SEC, &ec_sec);
        publickey_close(pk);
    }
    if (!expect("keys for the wrong-size checks", e, WC_SUCCESS)) return;
    expect("a 2048-bit RSA public key imported as RSA_PKCS1_3072_SHA384",
           publickey_import(WC_ALG_SIGNATURES, "RSA_PKCS1_3072_SHA384", 21, spki.p, spki.len,
                            WC_K_PKCS8, &out),
           WC_INVALID_KEY);
    expect("a 2048-bit RSA key pair imported as RSA_PSS_4096_SHA512",
           keypair_import(WC_ALG_SIGNATURES, "RSA_PSS_4096_SHA512", 19, pkcs8.p, pkcs8.len,
                          WC_KP_PKCS8, &out),
           WC_INVALID_KEY);
    expect("a P-256 public key (pkcs8) imported as ECDSA_P384_SHA384",
           publickey_import(WC_ALG_SIGNATURES, "ECDSA_P384_SHA384", 17, ec_spki.p, ec_spki.len,
                            WC_K_PKCS8, &out),
           WC_INVALID_KEY);
    expect("a P-256 public key (pkcs8) imported as ECDSA_K256_SHA256",
           publickey_import(WC_ALG_SIGNATURES, "ECDSA_K256_SHA256", 17, ec_spki.p, ec_spki.len,
                            WC_K_PKCS8, &out),
           WC_INVALID_KEY);
    expect("a P-256 public key (sec) imported as ECDSA_P384_SHA384",
           publickey_import(WC_ALG_SIGNATURES, "ECDSA_P384_SHA384", 17, ec_sec.p, ec_sec.len,
                            WC_K_SEC, &out),
           WC_INVALID_KEY);
    /* PEM: exactly one block, with the label of what is imported. */
    bytes kp_pem = {0}, pk_pem = {0};
    e = exp_kp(ec, WC_KP_PEM, &kp_pem);
    if (!e) {
        e = keypair_publickey(ec, &pk);
        if (!e) {
            e = exp_pk(pk, WC_K_PEM, &pk_pem);
            publickey_close(pk);
        }
    }
    if (expect("PEM exports for the PEM checks", e, WC_SUCCESS)) {
        uint8_t *twice = malloc(2 * kp_pem.len);
        memcpy(twice, kp_pem.p, kp_pem.len);
        memcpy(twice + kp_pem.len, kp_pem.p, kp_pem.len);
        expect("keypair_import of two PEM blocks",
               keypair_import(WC_ALG_SIGNATURES, "ECDSA_P256_SHA256", 17, twice, 2 * kp_pem.len,
                              WC_KP_PEM, &out),
               WC_INVALID_KEY);
        free(twice);
        expect("keypair_import of a PUBLIC KEY PEM block",
               keypair_import(WC_ALG_SIGNATURES, "ECDSA_P256_SHA256", 17, pk_pem.p, pk_pem.len,
                              WC_KP_PEM, &out),
               WC_INVALID_KEY);
        expect("publickey_import of a PRIVATE KEY PEM block",
               publickey_import(WC_ALG_SIGNATURES, "ECDSA_P256_SHA256", 17, kp_pem.p, kp_pem.len,
                                WC_K_PEM, &out),
               WC_INVALID_KEY);
    }
    bytes_free(&kp_pem);
    bytes_free(&pk_pem);
    expect("an RSA public key imported as ECDSA_P256_SHA256",
           publickey_import(WC_ALG_SIGNATURES, "ECDSA_P256_SHA256", 17, spki.p, spki.len,
                            WC_K_PKCS8, &out),
           WC_INVALID_KEY);
    keypair_close(rsa);
    keypair_close(ec);
    bytes_free(&spki);
    bytes_free(&pkcs8);
    bytes_free(&ec_spki);
    bytes_free(&ec_sec);
}

/* A signature handle of one algorithm offered to a verification state of another. */
static void cross_algorithm(void) {
    wc_handle kp1, kp2, pk2, sig;
    int32_t e = gen("Ed25519", &kp1);
    if (!e) e = gen("ECDSA_P256_SHA256", &kp2);
    if (!e) e = keypair_publickey(kp2, &pk2);
    if (!e) e = sign_msg(kp1, MSG, MSG_LEN, &sig);
    if (!expect("keys for the cross-algorithm checks", e, WC_SUCCESS)) return;
    expect("Ed25519 signature verified under an ECDSA key", verify_msg(pk2, MSG, MSG_LEN, sig),
           WC_INVALID_SIGNATURE);
    wc_handle sk1, out;
    e = keypair_secretkey(kp1, &sk1);
    if (!e) e = keypair_from_pk_and_sk(pk2, sk1, &out);
    expect("keypair_from_pk_and_sk across algorithms", e, WC_INCOMPATIBLE_KEYS);
    secretkey_close(sk1);
    keypair_close(kp1);
    keypair_close(kp2);
    publickey_close(pk2);
    signature_close(sig);
}

/* RFC 8032 §7.1 TEST 1-3: exact signatures through every import path. */
static void rfc8032(void) {
    static const char *vec[3][4] = {
        {"9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
         "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", "",
         "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155"
         "5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"},
        {"4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
         "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c", "72",
         "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da"
         "085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00"},
        {"c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7",
         "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025", "af82",
         "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac"
         "18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a"},
    };
    for (int t = 0; t < 3; t++) {
        bytes seed = unhex(vec[t][0]), pkb = unhex(vec[t][1]), msg = unhex(vec[t][2]),
              want = unhex(vec[t][3]), got = {0}, got_pk = {0};
        uint8_t kpraw[64];
        memcpy(kpraw, seed.p, 32);
        memcpy(kpraw + 32, pkb.p, 32);
        wc_handle kp, sk, pk, pk_derived, joined, sig;

        int32_t e = keypair_import(WC_ALG_SIGNATURES, "Ed25519", 7, kpraw, 64, WC_KP_RAW, &kp);
        if (!e) {
            e = sign_msg(kp, msg.p, msg.len, &sig);
            if (!e) {
                e = sig_bytes(sig, &got);
                signature_close(sig);
            }
            keypair_close(kp);
        }
        expect_true(cname("RFC 8032 TEST %d: keypair_import raw, sign", t + 1),
                    !e && bytes_eq(got, want), "the RFC signature",
                    e ? errno_name(e) : "other bytes");
        bytes_free(&got);

        e = secretkey_import(WC_ALG_SIGNATURES, "Ed25519", 7, seed.p, 32, WC_K_RAW, &sk);
        if (!e) e = publickey_from_secretkey(sk, &pk_derived);
        if (!e) {
            e = exp_pk(pk_derived, WC_K_RAW, &got_pk);
            publickey_close(pk_derived);
        }
        expect_true(cname("RFC 8032 TEST %d: secretkey_import raw derives the public key", t + 1),
                    !e && bytes_eq(got_pk, pkb), "the RFC public key",
                    e ? errno_name(e) : "other bytes");

        int32_t e2 = e ? e : publickey_import(WC_ALG_SIGNATURES, "Ed25519", 7, pkb.p, 32,
                                             WC_K_RAW, &pk);
        if (!e2) {
            e2 = keypair_from_pk_and_sk(pk, sk, &joined);
            if (!e2) {
                e2 = sign_msg(joined, msg.p, msg.len, &sig);
                if (!e2) {
                    e2 = sig_bytes(sig, &got);
                    signature_close(sig);
                }
                keypair_close(joined);
            }
        }
        expect_true(cname("RFC 8032 TEST %d: keypair_from_pk_and_sk, sign", t + 1),
                    !e2 && bytes_eq(got, want), "the RFC signature",
                    e2 ? errno_name(e2) : "other bytes");

        wc_handle rfc_sig;
        int32_t e3 = e ? e : signature_import("Ed25519", 7, want.p, 64, WC_SIG_RAW, &rfc_sig);
        if (!e3) {
            e3 = verify_msg(pk, msg.p, msg.len, rfc_sig);
            signature_close(rfc_sig);
        }
        expect(cname("RFC 8032 TEST %d: the RFC signature verifies", t + 1), e3, WC_SUCCESS);
        if (!e) {
            secretkey_close(sk);
            publickey_close(pk);
        }
        bytes_free(&seed);
        bytes_free(&pkb);
        bytes_free(&msg);
        bytes_free(&want);
        bytes_free(&got);
        bytes_free(&got_pk);
    }
}

int main(void) {
    for (size_t i = 0; i < NALGS; i++) {
        test_algorithm(&ALGS[i]);
    }
    handles();
    algorithm_names();
    options();
    managed();
    ed25519_bad_keys();
    cross_algorithm();
    ed25519_odd_public_keys();
    keys_of_another_size();
    rfc8032();
    return finish();
}
