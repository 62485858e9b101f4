/*
 * Reactor guest that runs single asymmetric test vectors (Wycheproof, JDK interop) through the
 * wasi-crypto ABI. The
 * JUnit side writes the inputs into memory obtained from `alloc`, calls one export per vector and
 * reads the result code: 0 = success, otherwise (stage << 8) | crypto_errno, where the stage
 * names the call that failed (see each export). Every handle is closed before returning, so the
 * host's live-handle count stays at zero between vectors.
 */
#include <stdlib.h>
#include <string.h>

#include "wasi_crypto_asym.h"

#define EXPORT(name) __attribute__((export_name(name)))

static int32_t code(int32_t stage, int32_t e) {
    return e == WC_SUCCESS ? 0 : (stage << 8) | e;
}

EXPORT("alloc") void *guest_alloc(size_t len) {
    return malloc(len ? len : 1);
}

EXPORT("dealloc") void guest_dealloc(void *p) {
    free(p);
}

/* Copies an array_output into out[0..cap) and its length into *out_len; closes the output. */
static int32_t pull(wc_handle ao, uint8_t *out, size_t cap, size_t *out_len) {
    size_t len = 0, nread = 0;
    int32_t e = array_output_len(ao, &len);
    if (e) return e;
    if (len > cap) {
        uint8_t *tmp = malloc(len);
        e = array_output_pull(ao, tmp, len, &nread);
        free(tmp);
        return e ? e : WC_OVERFLOW;
    }
    e = array_output_pull(ao, out, len, &nread);
    if (e) return e;
    *out_len = nread;
    return nread == len ? WC_SUCCESS : WC_INTERNAL_ERROR;
}

/*
 * Signature verification. Stages: 1 publickey_import, 2 signature_import,
 * 3 verification_state_open/update, 4 verify.
 */
EXPORT("verify")
int32_t verify(const char *alg, size_t alg_len, const uint8_t *pk, size_t pk_len, int32_t pk_enc,
               const uint8_t *msg, size_t msg_len, const uint8_t *sig, size_t sig_len,
               int32_t sig_enc) {
    wc_handle hpk, hsig, st;
    int32_t e = publickey_import(WC_ALG_SIGNATURES, alg, alg_len, pk, pk_len, pk_enc, &hpk);
    if (e) return code(1, e);
    int32_t r;
    e = signature_import(alg, alg_len, sig, sig_len, sig_enc, &hsig);
    if (e) {
        r = code(2, e);
    } else {
        e = signature_verification_state_open(hpk, &st);
        if (e) {
            r = code(3, e);
        } else {
            e = signature_verification_state_update(st, msg, msg_len);
            r = e ? code(3, e) : code(4, signature_verification_state_verify(st, hsig));
            signature_verification_state_close(st);
        }
        signature_close(hsig);
    }
    publickey_close(hpk);
    return r;
}

/*
 * Signs a message with an imported key pair and exports the signature in sig_enc. Stages:
 * 1 keypair_import, 2 signature_state_open/update, 3 sign, 4 signature_export and reading it.
 */
EXPORT("sign")
int32_t sign(const char *alg, size_t alg_len, const uint8_t *kp, size_t kp_len, int32_t kp_enc,
             const uint8_t *msg, size_t msg_len, int32_t sig_enc, uint8_t *out, size_t out_cap,
             size_t *out_len) {
    wc_handle hkp, st, sig, ao;
    int32_t e = keypair_import(WC_ALG_SIGNATURES, alg, alg_len, kp, kp_len, kp_enc, &hkp);
    if (e) return code(1, e);
    int32_t r;
    e = signature_state_open(hkp, &st);
    if (e) {
        r = code(2, e);
    } else {
        e = signature_state_update(st, msg, msg_len);
        if (e) {
            r = code(2, e);
        } else if ((e = signature_state_sign(st, &sig)) != WC_SUCCESS) {
            r = code(3, e);
        } else {
            e = signature_export(sig, sig_enc, &ao);
            r = code(4, e ? e : pull(ao, out, out_cap, out_len));
            signature_close(sig);
        }
        signature_state_close(st);
    }
    keypair_close(hkp);
    return r;
}

/*
 * Diffie-Hellman with imported keys. Stages: 1 secretkey_import, 2 publickey_import, 3 kx_dh,
 * 4 reading the shared secret.
 */
EXPORT("dh")
int32_t dh(const char *alg, size_t alg_len, const uint8_t *sk, size_t sk_len, int32_t sk_enc,
           const uint8_t *pk, size_t pk_len, int32_t pk_enc, uint8_t *out, size_t out_cap,
           size_t *out_len) {
    wc_handle hsk, hpk, ao;
    int32_t e = secretkey_import(WC_ALG_KEY_EXCHANGE, alg, alg_len, sk, sk_len, sk_enc, &hsk);
    if (e) return code(1, e);
    int32_t r;
    e = publickey_import(WC_ALG_KEY_EXCHANGE, alg, alg_len, pk, pk_len, pk_enc, &hpk);
    if (e) {
        r = code(2, e);
    } else {
        e = kx_dh(hpk, hsk, &ao);
        r = e ? code(3, e) : code(4, pull(ao, out, out_cap, out_len));
        publickey_close(hpk);
    }
    secretkey_close(hsk);
    return r;
}

/* KEM decapsulation. Stages: 1 secretkey_import, 2 kx_decapsulate, 3 reading the secret. */
EXPORT("decaps")
int32_t decaps(const char *alg, size_t alg_len, const uint8_t *sk, size_t sk_len, int32_t sk_enc,
               const uint8_t *ct, size_t ct_len, uint8_t *out, size_t out_cap, size_t *out_len) {
    wc_handle hsk, ao;
    int32_t e = secretkey_import(WC_ALG_KEY_EXCHANGE, alg, alg_len, sk, sk_len, sk_enc, &hsk);
    if (e) return code(1, e);
    e = kx_decapsulate(hsk, ct, ct_len, &ao);
    int32_t r = e ? code(2, e) : code(3, pull(ao, out, out_cap, out_len));
    secretkey_close(hsk);
    return r;
}

/*
 * The public key of an imported secret key, exported in pk_enc. Stages: 1 secretkey_import,
 * 2 publickey_from_secretkey, 3 publickey_export, 4 reading the key.
 */
EXPORT("public_from_secret")
int32_t public_from_secret(int32_t alg_type, const char *alg, size_t alg_len, const uint8_t *sk,
                           size_t sk_len, int32_t sk_enc, int32_t pk_enc, uint8_t *out,
                           size_t out_cap, size_t *out_len) {
    wc_handle hsk, hpk, ao;
    int32_t e = secretkey_import(alg_type, alg, alg_len, sk, sk_len, sk_enc, &hsk);
    if (e) return code(1, e);
    int32_t r;
    e = publickey_from_secretkey(hsk, &hpk);
    if (e) {
        r = code(2, e);
    } else {
        e = publickey_export(hpk, pk_enc, &ao);
        r = e ? code(3, e) : code(4, pull(ao, out, out_cap, out_len));
        publickey_close(hpk);
    }
    secretkey_close(hsk);
    return r;
}
