/*
 * Conformance guest for wasi_ephemeral_crypto_kx (with the asymmetric_common functions it needs):
 * Diffie-Hellman (X25519, P256-SHA256, P384-SHA384) and KEMs (ML-KEM-512/768/1024, X-WING), key
 * encodings, RFC 7748 known answers and the error paths. One line per check; exit status 1 when
 * any check failed.
 */
#include "asym_check.h"

typedef struct {
    const char *name;
    int is_nist;       /* P-256/P-384: SEC-1/PKCS#8/PEM keys; X25519: raw keys */
    size_t pk_len;     /* primary public key encoding length */
    size_t shared_len;
} dh_alg;

static const dh_alg DH[] = {
    {"X25519", 0, 32, 32},
    {"P256-SHA256", 1, 65, 32},
    {"P384-SHA384", 1, 97, 48},
};

typedef struct {
    const char *name;
    size_t pk_len;
    size_t ct_len;
} kem_alg;

static const kem_alg KEM[] = {
    {"ML-KEM-512", 800, 768},
    {"ML-KEM-768", 1184, 1088},
    {"ML-KEM-1024", 1568, 1568},
    {"X-WING", 1216, 1120},
};

#define KX WC_ALG_KEY_EXCHANGE

static int32_t gen(const char *alg, wc_handle *kp) {
    return keypair_generate(KX, alg, strlen(alg), &NO_OPTIONS, kp);
}

static int32_t halves(wc_handle kp, wc_handle *pk, wc_handle *sk) {
    int32_t e = keypair_publickey(kp, pk);
    return e ? e : keypair_secretkey(kp, sk);
}

static int32_t dh(wc_handle pk, wc_handle sk, bytes *out) {
    wc_handle ao;
    int32_t e = kx_dh(pk, sk, &ao);
    return e ? e : take_output(ao, &out->p, &out->len);
}

static int32_t encaps(wc_handle pk, bytes *secret, bytes *ct) {
    wc_handle s, c;
    int32_t e = kx_encapsulate(pk, &s, &c);
    if (e) return e;
    e = take_output(s, &secret->p, &secret->len);
    return e ? e : take_output(c, &ct->p, &ct->len);
}

static int32_t decaps(wc_handle sk, bytes ct, bytes *secret) {
    wc_handle ao;
    int32_t e = kx_decapsulate(sk, ct.p, ct.len, &ao);
    return e ? e : take_output(ao, &secret->p, &secret->len);
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

static const char *enc_name(int32_t enc) {
    static const char *n[] = {"raw", "pkcs8", "pem", "sec", "local"};
    return enc >= 0 && enc <= 4 ? n[enc] : "?";
}

static void not_offered(const char *what, int lines) {
    for (int i = 0; i < lines; i++) {
        pass(cname("%s: not offered (unsupported_encoding), step %d skipped", what, i + 1));
    }
}

/* What an imported key must still be able to do: a callback that returns an errno. */
typedef int32_t (*key_probe)(const void *ctx, wc_handle imported);

/*
 * Export in `enc`, import, re-export (same bytes) and prove the imported key works. `kind` is 0
 * for key pairs, 1 for public keys, 2 for secret keys. Always prints 4 lines after the export.
 */
#define ROUNDTRIP_LINES 3
static void roundtrip(const char *alg, int kind, wc_handle h, int32_t enc, int required,
                      key_probe probe, const void *ctx) {
    static const char *kinds[] = {"keypair", "publickey", "secretkey"};
    char what[96];
    snprintf(what, sizeof what, "%s %s %s", alg, kinds[kind], kind ? enc_name(enc) :
             (enc == WC_KP_RAW ? "raw" : enc == WC_KP_PKCS8 ? "pkcs8" : "pem"));
    bytes b1 = {0}, b2 = {0};
    int32_t e = kind == 0 ? exp_kp(h, enc, &b1) : kind == 1 ? exp_pk(h, enc, &b1)
                                                            : exp_sk(h, enc, &b1);
    if (required) {
        if (!expect(cname("%s export", what), e, WC_SUCCESS)) return;
    } else {
        expect2(cname("%s export (optional)", what), e, WC_SUCCESS, WC_UNSUPPORTED_ENCODING);
        if (e) { not_offered(what, ROUNDTRIP_LINES); return; }
    }
    wc_handle h2;
    e = kind == 0 ? keypair_import(KX, alg, strlen(alg), b1.p, b1.len, enc, &h2)
      : kind == 1 ? publickey_import(KX, alg, strlen(alg), b1.p, b1.len, enc, &h2)
                  : secretkey_import(KX, alg, strlen(alg), b1.p, b1.len, enc, &h2);
    if (expect(cname("%s import", what), e, WC_SUCCESS)) {
        e = kind == 0 ? exp_kp(h2, enc, &b2) : kind == 1 ? exp_pk(h2, enc, &b2)
                                                         : exp_sk(h2, enc, &b2);
        expect_true(cname("%s re-export equals first export", what), !e && bytes_eq(b1, b2),
                    "identical bytes", e ? errno_name(e) : "different bytes");
        expect(cname("%s imported key still agrees", what), probe(ctx, h2), WC_SUCCESS);
        if (kind == 0) keypair_close(h2);
        else if (kind == 1) publickey_close(h2);
        else secretkey_close(h2);
    }
    bytes_free(&b1);
    bytes_free(&b2);
}

static void local_encoding(const char *alg, wc_handle kp, wc_handle pk, wc_handle sk) {
    bytes junk = {0};
    expect(cname("%s keypair export local", alg), exp_kp(kp, WC_KP_LOCAL, &junk),
           WC_UNSUPPORTED_ENCODING);
    expect(cname("%s publickey export local", alg), exp_pk(pk, WC_K_LOCAL, &junk),
           WC_UNSUPPORTED_ENCODING);
    expect(cname("%s secretkey export local", alg), exp_sk(sk, WC_K_LOCAL, &junk),
           WC_UNSUPPORTED_ENCODING);
}

/* publickey_from_secretkey gives the same key as keypair_publickey (compared in `enc`). */
static void derived_public(const char *alg, wc_handle pk, wc_handle sk, int32_t enc) {
    wc_handle d;
    bytes a = {0}, b = {0};
    int32_t e = publickey_from_secretkey(sk, &d);
    if (!e) {
        e = exp_pk(d, enc, &a);
        publickey_close(d);
    }
    if (!e) e = exp_pk(pk, enc, &b);
    expect_true(cname("%s publickey_from_secretkey equals keypair_publickey", alg),
                !e && bytes_eq(a, b), "same key", e ? errno_name(e) : "different key");
    bytes_free(&a);
    bytes_free(&b);
}

/* ---- Diffie-Hellman ---- */

typedef struct {
    wc_handle pk_a, sk_a, pk_b, sk_b;
    bytes shared;
} dh_ctx;

static int32_t same_shared(const dh_ctx *c, wc_handle pk, wc_handle sk) {
    bytes s = {0};
    int32_t e = dh(pk, sk, &s);
    if (!e && !bytes_eq(s, c->shared)) e = WC_INVALID_KEY;
    bytes_free(&s);
    return e;
}
static int32_t probe_kp(const void *ctx, wc_handle kp) {
    const dh_ctx *c = ctx;
    wc_handle sk;
    int32_t e = keypair_secretkey(kp, &sk);
    if (e) return e;
    e = same_shared(c, c->pk_b, sk);
    secretkey_close(sk);
    return e;
}
static int32_t probe_pk(const void *ctx, wc_handle pk) {
    const dh_ctx *c = ctx;
    return same_shared(c, pk, c->sk_b);
}
static int32_t probe_sk(const void *ctx, wc_handle sk) {
    const dh_ctx *c = ctx;
    return same_shared(c, c->pk_b, sk);
}

static void test_dh(const dh_alg *a) {
    wc_handle kp_a, kp_b, out;
    dh_ctx c = {0};
    int32_t e = gen(a->name, &kp_a);
    if (!expect(cname("%s keypair_generate", a->name), e, WC_SUCCESS)) return;
    e = gen(a->name, &kp_b);
    if (!e) e = halves(kp_a, &c.pk_a, &c.sk_a);
    if (!e) e = halves(kp_b, &c.pk_b, &c.sk_b);
    if (!expect(cname("%s second key pair and halves", a->name), e, WC_SUCCESS)) return;
    expect(cname("%s publickey_verify on a generated key", a->name), publickey_verify(c.pk_a),
           WC_SUCCESS);

    bytes ab = {0}, ba = {0};
    int32_t e1 = dh(c.pk_b, c.sk_a, &ab);
    int32_t e2 = dh(c.pk_a, c.sk_b, &ba);
    expect(cname("%s kx_dh(pk_b, sk_a)", a->name), e1, WC_SUCCESS);
    expect(cname("%s kx_dh(pk_a, sk_b)", a->name), e2, WC_SUCCESS);
    expect_true(cname("%s both directions agree", a->name), !e1 && !e2 && bytes_eq(ab, ba),
                "equal secrets", "different secrets");
    expect_len(cname("%s shared secret length", a->name), ab.len, a->shared_len);
    c.shared = ab;

    int32_t primary = a->is_nist ? WC_K_SEC : WC_K_RAW;
    bytes pkb = {0};
    e = exp_pk(c.pk_a, primary, &pkb);
    expect_len(cname("%s public key %s length", a->name, enc_name(primary)), e ? 0 : pkb.len,
               a->pk_len);
    if (a->is_nist) {
        expect_true(cname("%s sec export is uncompressed", a->name), !e && pkb.p[0] == 0x04,
                    "04||x||y", "other bytes");
    }
    derived_public(a->name, c.pk_a, c.sk_a, primary);

    e = keypair_from_pk_and_sk(c.pk_a, c.sk_a, &out);
    expect(cname("%s keypair_from_pk_and_sk", a->name), e, WC_SUCCESS);
    if (!e) keypair_close(out);
    expect(cname("%s keypair_from_pk_and_sk with mismatched keys", a->name),
           keypair_from_pk_and_sk(c.pk_b, c.sk_a, &out), WC_INCOMPATIBLE_KEYS);

    /* A DH algorithm is no KEM. */
    wc_handle s, ct;
    uint8_t junk[32] = {0};
    expect(cname("%s kx_encapsulate", a->name), kx_encapsulate(c.pk_a, &s, &ct),
           WC_INVALID_OPERATION);
    expect(cname("%s kx_decapsulate", a->name), kx_decapsulate(c.sk_a, junk, 32, &out),
           WC_INVALID_OPERATION);

    /* Encodings: spec §2.2. */
    int n = a->is_nist;
    roundtrip(a->name, 0, kp_a, WC_KP_RAW, n, probe_kp, &c);
    roundtrip(a->name, 0, kp_a, WC_KP_PKCS8, n, probe_kp, &c);
    roundtrip(a->name, 0, kp_a, WC_KP_PEM, n, probe_kp, &c);
    roundtrip(a->name, 1, c.pk_a, WC_K_RAW, !n, probe_pk, &c);
    roundtrip(a->name, 1, c.pk_a, WC_K_PKCS8, n, probe_pk, &c);
    roundtrip(a->name, 1, c.pk_a, WC_K_PEM, n, probe_pk, &c);
    roundtrip(a->name, 1, c.pk_a, WC_K_SEC, n, probe_pk, &c);
    roundtrip(a->name, 2, c.sk_a, WC_K_RAW, !n, probe_sk, &c);
    roundtrip(a->name, 2, c.sk_a, WC_K_PKCS8, n, probe_sk, &c);
    roundtrip(a->name, 2, c.sk_a, WC_K_PEM, n, probe_sk, &c);
    roundtrip(a->name, 2, c.sk_a, WC_K_SEC, n, probe_sk, &c);
    local_encoding(a->name, kp_a, c.pk_a, c.sk_a);

    if (a->is_nist && pkb.len == a->pk_len) {
        /* Compressed points import; a point off the curve never yields a secret. */
        size_t flen = (a->pk_len - 1) / 2;
        uint8_t comp[49];
        comp[0] = 0x02 | (pkb.p[pkb.len - 1] & 1);
        memcpy(comp + 1, pkb.p + 1, flen);
        wc_handle pkc;
        e = publickey_import(KX, a->name, strlen(a->name), comp, flen + 1, WC_K_SEC, &pkc);
        if (!e) {
            e = probe_pk(&c, pkc);
            publickey_close(pkc);
        }
        expect(cname("%s compressed sec point imports and agrees", a->name), e, WC_SUCCESS);
        uint8_t bad[97];
        memcpy(bad, pkb.p, pkb.len);
        bad[pkb.len - 1] ^= 0x01;
        wc_handle pkbad;
        bytes s2 = {0};
        e = publickey_import(KX, a->name, strlen(a->name), bad, pkb.len, WC_K_SEC, &pkbad);
        int32_t v = -1, d = -1;
        if (!e) {
            v = publickey_verify(pkbad);
            d = dh(pkbad, c.sk_a, &s2);
            publickey_close(pkbad);
            bytes_free(&s2);
        }
        expect_true(cname("%s off-curve point: import, publickey_verify or kx_dh", a->name),
                    e == WC_INVALID_KEY || (d != WC_SUCCESS && (v == WC_INVALID_KEY ||
                                                                 d == WC_INVALID_KEY)),
                    "invalid_key and no secret", d == WC_SUCCESS ? "a secret" : errno_name(e ? e : d));
    } else if (a->is_nist) {
        fail(cname("%s compressed sec point imports and agrees", a->name), "sec export", "none");
        fail(cname("%s off-curve point: import, publickey_verify or kx_dh", a->name),
             "sec export", "none");
    }

    /* Wrong-length public keys are no keys. */
    uint8_t zeros[98] = {0};
    memcpy(zeros, pkb.p ? pkb.p : zeros, pkb.len < 98 ? pkb.len : 98);
    expect(cname("%s publickey_import one byte short", a->name),
           publickey_import(KX, a->name, strlen(a->name), zeros, a->pk_len - 1, primary, &out),
           WC_INVALID_KEY);

    bytes_free(&pkb);
    bytes_free(&ab);
    bytes_free(&ba);
    expect(cname("%s secretkey_close", a->name), secretkey_close(c.sk_a), WC_SUCCESS);
    expect(cname("%s publickey_close", a->name), publickey_close(c.pk_a), WC_SUCCESS);
    expect(cname("%s keypair_close", a->name), keypair_close(kp_a), WC_SUCCESS);
    secretkey_close(c.sk_b);
    publickey_close(c.pk_b);
    keypair_close(kp_b);
}

/* RFC 7748 §6.1 through raw imports, and the low-order points of §7 / Wycheproof. */
static void x25519_known_answers(void) {
    bytes a = unhex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a");
    bytes a_pub = unhex("8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a");
    bytes b = unhex("5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb");
    bytes b_pub = unhex("de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f");
    bytes k = unhex("4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742");
    wc_handle sk_a, sk_b, pk_a, pk_b, d;
    bytes s1 = {0}, s2 = {0}, derived = {0};

    int32_t e = secretkey_import(KX, "X25519", 6, a.p, 32, WC_K_RAW, &sk_a);
    if (!e) e = secretkey_import(KX, "X25519", 6, b.p, 32, WC_K_RAW, &sk_b);
    if (!e) e = publickey_import(KX, "X25519", 6, a_pub.p, 32, WC_K_RAW, &pk_a);
    if (!e) e = publickey_import(KX, "X25519", 6, b_pub.p, 32, WC_K_RAW, &pk_b);
    if (!expect("RFC 7748 6.1: raw imports", e, WC_SUCCESS)) goto out;
    e = dh(pk_b, sk_a, &s1);
    expect_true("RFC 7748 6.1: X25519(a, B) = K", !e && bytes_eq(s1, k), "the RFC secret",
                e ? errno_name(e) : "other bytes");
    e = dh(pk_a, sk_b, &s2);
    expect_true("RFC 7748 6.1: X25519(b, A) = K", !e && bytes_eq(s2, k), "the RFC secret",
                e ? errno_name(e) : "other bytes");
    e = publickey_from_secretkey(sk_a, &d);
    if (!e) {
        e = exp_pk(d, WC_K_RAW, &derived);
        publickey_close(d);
    }
    expect_true("RFC 7748 6.1: publickey_from_secretkey(a) = A", !e && bytes_eq(derived, a_pub),
                "the RFC public key", e ? errno_name(e) : "other bytes");
    expect("RFC 7748 6.1: publickey_verify(B)", publickey_verify(pk_b), WC_SUCCESS);

    /* Low-order points give the all-zero secret: the host must refuse them (spec §1.8). */
    static const char *low_order[] = {
        "0000000000000000000000000000000000000000000000000000000000000000",
        "0100000000000000000000000000000000000000000000000000000000000000",
        "e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800",
        "5f9c95bca3508c24b1d0b1559c83ef5b04445cc4581c8e86d8224eddd09f1157",
        "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
    };
    for (int i = 0; i < 5; i++) {
        bytes p = unhex(low_order[i]);
        wc_handle pk;
        bytes s = {0};
        int32_t ei = publickey_import(KX, "X25519", 6, p.p, 32, WC_K_RAW, &pk);
        int32_t v = -1, dd = -1;
        if (!ei) {
            v = publickey_verify(pk);
            dd = dh(pk, sk_a, &s);
            publickey_close(pk);
        }
        expect_true(cname("X25519 low-order point %d: invalid_key from import, "
                          "publickey_verify or kx_dh, never a secret", i),
                    ei == WC_INVALID_KEY ||
                        (dd != WC_SUCCESS && (v == WC_INVALID_KEY || dd == WC_INVALID_KEY)),
                    "invalid_key", dd == WC_SUCCESS ? "a shared secret" : errno_name(ei ? ei : dd));
        bytes_free(&p);
        bytes_free(&s);
    }
    secretkey_close(sk_a);
    secretkey_close(sk_b);
    publickey_close(pk_a);
    publickey_close(pk_b);
out:
    bytes_free(&a);
    bytes_free(&a_pub);
    bytes_free(&b);
    bytes_free(&b_pub);
    bytes_free(&k);
    bytes_free(&s1);
    bytes_free(&s2);
    bytes_free(&derived);
}

/* ---- KEMs ---- */

typedef struct {
    wc_handle pk, sk;
    bytes secret, ct;
} kem_ctx;

/* The imported public key encapsulates a secret the original secret key recovers. */
static int32_t kem_probe_pk(const void *ctx, wc_handle pk) {
    const kem_ctx *c = ctx;
    bytes s = {0}, ct = {0}, s2 = {0};
    int32_t e = encaps(pk, &s, &ct);
    if (!e) e = decaps(c->sk, ct, &s2);
    if (!e && !bytes_eq(s, s2)) e = WC_INVALID_KEY;
    bytes_free(&s);
    bytes_free(&ct);
    bytes_free(&s2);
    return e;
}
/* The imported secret key recovers the secret of the reference ciphertext. */
static int32_t kem_probe_sk(const void *ctx, wc_handle sk) {
    const kem_ctx *c = ctx;
    bytes s = {0};
    int32_t e = decaps(sk, c->ct, &s);
    if (!e && !bytes_eq(s, c->secret)) e = WC_INVALID_KEY;
    bytes_free(&s);
    return e;
}
static int32_t kem_probe_kp(const void *ctx, wc_handle kp) {
    wc_handle sk;
    int32_t e = keypair_secretkey(kp, &sk);
    if (e) return e;
    e = kem_probe_sk(ctx, sk);
    secretkey_close(sk);
    return e;
}

static void test_kem(const kem_alg *a) {
    wc_handle kp, kp2, pk2, sk2, out;
    kem_ctx c = {0};
    int32_t e = gen(a->name, &kp);
    if (!expect(cname("%s keypair_generate", a->name), e, WC_SUCCESS)) return;
    if (!expect(cname("%s keypair halves", a->name), halves(kp, &c.pk, &c.sk), WC_SUCCESS)) return;
    expect(cname("%s publickey_verify on a generated key", a->name), publickey_verify(c.pk),
           WC_SUCCESS);

    bytes pkb = {0};
    e = exp_pk(c.pk, WC_K_RAW, &pkb);
    expect_len(cname("%s public key raw length", a->name), e ? 0 : pkb.len, a->pk_len);

    e = encaps(c.pk, &c.secret, &c.ct);
    if (!expect(cname("%s kx_encapsulate", a->name), e, WC_SUCCESS)) return;
    expect_len(cname("%s encapsulated secret length", a->name), c.secret.len, 32);
    expect_len(cname("%s ciphertext length", a->name), c.ct.len, a->ct_len);
    bytes back = {0};
    e = decaps(c.sk, c.ct, &back);
    expect_true(cname("%s kx_decapsulate recovers the secret", a->name),
                !e && bytes_eq(back, c.secret), "the same secret",
                e ? errno_name(e) : "another secret");
    bytes_free(&back);

    bytes s2 = {0}, ct2 = {0};
    e = encaps(c.pk, &s2, &ct2);
    expect_true(cname("%s two encapsulations differ", a->name),
                !e && !bytes_eq(s2, c.secret) && !bytes_eq(ct2, c.ct), "fresh randomness",
                e ? errno_name(e) : "repeated output");
    bytes_free(&s2);
    bytes_free(&ct2);

    /* Tampered ciphertext: implicit rejection gives another secret (or an explicit failure). */
    bytes tampered = {malloc(c.ct.len), c.ct.len}, rej = {0};
    memcpy(tampered.p, c.ct.p, c.ct.len);
    tampered.p[c.ct.len / 2] ^= 0x01;
    e = decaps(c.sk, tampered, &rej);
    expect_true(cname("%s tampered ciphertext never yields the secret", a->name),
                e == WC_VERIFICATION_FAILED || (e == WC_SUCCESS && rej.len == 32 &&
                                                !bytes_eq(rej, c.secret)),
                "a different secret or verification_failed",
                e ? errno_name(e) : "the original secret");
    bytes_free(&rej);
    tampered.len = c.ct.len - 1;
    e = decaps(c.sk, tampered, &rej);
    expect_true(cname("%s ciphertext one byte short", a->name), e != WC_SUCCESS, "an error",
                "success");
    bytes_free(&rej);
    bytes_free(&tampered);
    bytes longer = {calloc(1, c.ct.len + 1), c.ct.len + 1};
    memcpy(longer.p, c.ct.p, c.ct.len);
    e = decaps(c.sk, longer, &rej);
    expect_true(cname("%s ciphertext one byte long", a->name), e != WC_SUCCESS, "an error",
                "success");
    bytes_free(&rej);
    bytes_free(&longer);
    bytes empty = {0};
    e = decaps(c.sk, empty, &rej);
    expect_true(cname("%s empty ciphertext", a->name), e != WC_SUCCESS, "an error", "success");
    bytes_free(&rej);

    /* A KEM is no DH. */
    expect(cname("%s kx_dh", a->name), kx_dh(c.pk, c.sk, &out), WC_INVALID_OPERATION);

    derived_public(a->name, c.pk, c.sk, WC_K_RAW);
    e = keypair_from_pk_and_sk(c.pk, c.sk, &out);
    expect(cname("%s keypair_from_pk_and_sk", a->name), e, WC_SUCCESS);
    if (!e) keypair_close(out);
    e = gen(a->name, &kp2);
    if (!e) e = halves(kp2, &pk2, &sk2);
    if (expect(cname("%s second key pair", a->name), e, WC_SUCCESS)) {
        expect(cname("%s keypair_from_pk_and_sk with mismatched keys", a->name),
               keypair_from_pk_and_sk(pk2, c.sk, &out), WC_INCOMPATIBLE_KEYS);
        e = decaps(sk2, c.ct, &rej);
        expect_true(cname("%s another secret key does not recover the secret", a->name),
                    e != WC_SUCCESS || !bytes_eq(rej, c.secret), "no secret or another",
                    "the secret");
        bytes_free(&rej);
        publickey_close(pk2);
        secretkey_close(sk2);
        keypair_close(kp2);
    }

    roundtrip(a->name, 0, kp, WC_KP_RAW, 0, kem_probe_kp, &c);
    roundtrip(a->name, 0, kp, WC_KP_PKCS8, 0, kem_probe_kp, &c);
    roundtrip(a->name, 0, kp, WC_KP_PEM, 0, kem_probe_kp, &c);
    roundtrip(a->name, 1, c.pk, WC_K_RAW, 1, kem_probe_pk, &c);
    roundtrip(a->name, 1, c.pk, WC_K_PKCS8, 0, kem_probe_pk, &c);
    roundtrip(a->name, 1, c.pk, WC_K_PEM, 0, kem_probe_pk, &c);
    roundtrip(a->name, 2, c.sk, WC_K_RAW, 1, kem_probe_sk, &c);
    roundtrip(a->name, 2, c.sk, WC_K_PKCS8, 0, kem_probe_sk, &c);
    roundtrip(a->name, 2, c.sk, WC_K_PEM, 0, kem_probe_sk, &c);
    local_encoding(a->name, kp, c.pk, c.sk);

    if (pkb.len == a->pk_len) {
        expect(cname("%s publickey_import one byte short", a->name),
               publickey_import(KX, a->name, strlen(a->name), pkb.p, pkb.len - 1, WC_K_RAW, &out),
               WC_INVALID_KEY);
    } else {
        fail(cname("%s publickey_import one byte short", a->name), "raw export", "none");
    }
    if (pkb.len == a->pk_len && strncmp(a->name, "ML-KEM", 6) == 0) {
        /* FIPS 203 §7.2 modulus check: a coefficient >= q in ek is refused, never encapsulated
         * to. The first 12-bit coefficient becomes 4095. */
        bytes bad = {malloc(pkb.len), pkb.len}, s = {0}, ct = {0};
        memcpy(bad.p, pkb.p, pkb.len);
        bad.p[0] = 0xff;
        bad.p[1] |= 0x0f;
        wc_handle pkbad;
        int32_t ei = publickey_import(KX, a->name, strlen(a->name), bad.p, bad.len, WC_K_RAW,
                                      &pkbad);
        int32_t v = -1, en = -1;
        if (!ei) {
            v = publickey_verify(pkbad);
            en = encaps(pkbad, &s, &ct);
            publickey_close(pkbad);
        }
        expect_true(cname("%s encapsulation key with a coefficient >= q: invalid_key, never "
                          "encapsulated to", a->name),
                    ei == WC_INVALID_KEY || (v == WC_INVALID_KEY && en != WC_SUCCESS),
                    "invalid_key", ei ? errno_name(ei) : en == WC_SUCCESS ? "an encapsulation"
                                                                         : errno_name(v));
        bytes_free(&bad);
        bytes_free(&s);
        bytes_free(&ct);
    }
    uint8_t seven[7] = {0};
    expect(cname("%s secretkey_import of 7 bytes", a->name),
           secretkey_import(KX, a->name, strlen(a->name), seven, 7, WC_K_RAW, &out),
           WC_INVALID_KEY);

    bytes_free(&pkb);
    bytes_free(&c.secret);
    bytes_free(&c.ct);
    expect(cname("%s secretkey_close", a->name), secretkey_close(c.sk), WC_SUCCESS);
    expect(cname("%s publickey_close", a->name), publickey_close(c.pk), WC_SUCCESS);
    expect(cname("%s keypair_close", a->name), keypair_close(kp), WC_SUCCESS);
}

/* ---- algorithm-independent checks ---- */

static void algorithm_names(void) {
    static const char *wrong[] = {"Ed25519", "ECDSA_P256_SHA256", "RSA_PSS_2048_SHA256",
                                  "AES-256-GCM", "SHA-256", "KYBER-768", "NOT-A-KX", ""};
    uint8_t blob[32] = {9};
    wc_handle out;
    for (size_t i = 0; i < sizeof wrong / sizeof wrong[0]; i++) {
        const char *n = wrong[i];
        expect(cname("keypair_generate(key_exchange, \"%s\")", n),
               keypair_generate(KX, n, strlen(n), &NO_OPTIONS, &out), WC_UNSUPPORTED_ALGORITHM);
        expect(cname("publickey_import(key_exchange, \"%s\")", n),
               publickey_import(KX, n, strlen(n), blob, 32, WC_K_RAW, &out),
               WC_UNSUPPORTED_ALGORITHM);
        expect(cname("secretkey_import(key_exchange, \"%s\")", n),
               secretkey_import(KX, n, strlen(n), blob, 32, WC_K_RAW, &out),
               WC_UNSUPPORTED_ALGORITHM);
    }
    static const char *kx_names[] = {"X25519", "ML-KEM-768", "X-WING", "P256-SHA256"};
    for (size_t i = 0; i < 4; i++) {
        expect(cname("keypair_generate(signatures, \"%s\")", kx_names[i]),
               keypair_generate(WC_ALG_SIGNATURES, kx_names[i], strlen(kx_names[i]), &NO_OPTIONS,
                                &out),
               WC_UNSUPPORTED_ALGORITHM);
    }
    static const char *cases[] = {"x25519", "ml-kem-512", "x-wing", "p256-sha256"};
    for (size_t i = 0; i < 4; i++) {
        int32_t e = gen(cases[i], &out);
        expect(cname("keypair_generate(key_exchange, \"%s\") (case-insensitive)", cases[i]), e,
               WC_SUCCESS);
        if (!e) keypair_close(out);
    }
}

static void handles_and_mixing(void) {
    const wc_handle B = BOGUS_HANDLE;
    wc_handle out, s, c;
    uint8_t buf[32] = {0};
    expect("bogus handles: kx_dh", kx_dh(B, B, &out), WC_INVALID_HANDLE);
    expect("bogus handle: kx_encapsulate", kx_encapsulate(B, &s, &c), WC_INVALID_HANDLE);
    expect("bogus handle: kx_decapsulate", kx_decapsulate(B, buf, 32, &out), WC_INVALID_HANDLE);

    wc_handle kx, pk, sk, kp_p256, pk_p256, sk_p256, kp_ed, pk_ed, sk_ed, kem, kem_pk, kem_sk;
    int32_t e = gen("X25519", &kx);
    if (!e) e = halves(kx, &pk, &sk);
    if (!e) e = gen("P256-SHA256", &kp_p256);
    if (!e) e = halves(kp_p256, &pk_p256, &sk_p256);
    if (!e) e = keypair_generate(WC_ALG_SIGNATURES, "Ed25519", 7, &NO_OPTIONS, &kp_ed);
    if (!e) e = halves(kp_ed, &pk_ed, &sk_ed);
    if (!e) e = gen("ML-KEM-768", &kem);
    if (!e) e = halves(kem, &kem_pk, &kem_sk);
    if (!expect("keys for the handle and mixing checks", e, WC_SUCCESS)) return;

    expect("kx_dh(secret key as public key)", kx_dh(sk, sk, &out), WC_INVALID_HANDLE);
    expect("kx_dh(key pair as secret key)", kx_dh(pk, kx, &out), WC_INVALID_HANDLE);
    expect("kx_encapsulate(secret key)", kx_encapsulate(kem_sk, &s, &c), WC_INVALID_HANDLE);
    expect("kx_decapsulate(public key)", kx_decapsulate(kem_pk, buf, 32, &out), WC_INVALID_HANDLE);
    /* The spec names incompatible_keys for kx_dh; the team rule for a key of another algorithm
     * is invalid_key. Either is a refusal; success never is. */
    expect2("kx_dh(X25519 public key, P-256 secret key)", kx_dh(pk, sk_p256, &out),
            WC_INCOMPATIBLE_KEYS, WC_INVALID_KEY);
    expect2("kx_dh(Ed25519 signature keys)", kx_dh(pk_ed, sk_ed, &out), WC_INVALID_OPERATION,
            WC_INVALID_KEY);
    expect2("kx_encapsulate(Ed25519 public key)", kx_encapsulate(pk_ed, &s, &c),
            WC_INVALID_OPERATION, WC_INVALID_KEY);
    expect2("signature_state_open(X25519 key pair)", signature_state_open(kx, &out),
            WC_INVALID_OPERATION, WC_INVALID_KEY);
    expect2("signature_verification_state_open(ML-KEM public key)",
            signature_verification_state_open(kem_pk, &out), WC_INVALID_OPERATION, WC_INVALID_KEY);
    expect("keypair_from_pk_and_sk across algorithms", keypair_from_pk_and_sk(pk, sk_p256, &out),
           WC_INCOMPATIBLE_KEYS);
    bytes p256_spki = {0};
    e = exp_pk(pk_p256, WC_K_PKCS8, &p256_spki);
    expect("a P-256 public key (pkcs8) imported as P384-SHA384",
           e ? e : publickey_import(KX, "P384-SHA384", 11, p256_spki.p, p256_spki.len,
                                    WC_K_PKCS8, &out),
           WC_INVALID_KEY);
    bytes_free(&p256_spki);
    uint8_t id[16];
    size_t id_len;
    wc_version v;
    expect("keypair_id on an unmanaged key-exchange key", keypair_id(kx, id, 16, &id_len, &v),
           WC_UNSUPPORTED_FEATURE);

    expect("secretkey_close (X25519)", secretkey_close(sk), WC_SUCCESS);
    expect("secretkey_close twice", secretkey_close(sk), WC_CLOSED);
    expect("kx_dh with a closed secret key", kx_dh(pk, sk, &out), WC_INVALID_HANDLE);
    expect("publickey_close (ML-KEM)", publickey_close(kem_pk), WC_SUCCESS);
    expect("kx_encapsulate with a closed public key", kx_encapsulate(kem_pk, &s, &c),
           WC_INVALID_HANDLE);
    bytes sec = {0}, ct = {0};
    wc_handle kem_pk2;
    e = keypair_publickey(kem, &kem_pk2);
    if (!e) e = encaps(kem_pk2, &sec, &ct);
    expect("the key pair survives closing its derived public key", e, WC_SUCCESS);
    bytes_free(&sec);
    bytes_free(&ct);

    keypair_close(kx);
    publickey_close(pk);
    keypair_close(kp_p256);
    publickey_close(pk_p256);
    secretkey_close(sk_p256);
    keypair_close(kp_ed);
    publickey_close(pk_ed);
    secretkey_close(sk_ed);
    keypair_close(kem);
    secretkey_close(kem_sk);
    if (!e) publickey_close(kem_pk2);
}

int main(void) {
    for (size_t i = 0; i < sizeof DH / sizeof DH[0]; i++) {
        test_dh(&DH[i]);
    }
    x25519_known_answers();
    for (size_t i = 0; i < sizeof KEM / sizeof KEM[0]; i++) {
        test_kem(&KEM[i]);
    }
    algorithm_names();
    handles_and_mixing();
    return finish();
}
