/*
 * abi_all_imports.c - imports every function that wasi_crypto.h declares (all six modules).
 *
 * Nothing here is meant to run: the module exists so that a test can check, import by import,
 * that the header's core signatures are exactly the ones the host registers (Chicory refuses to
 * link a module whose import types differ). Regenerate the body when the header changes.
 */
#include "wasi_crypto.h"

/* Calls every import with zero arguments; never called by the tests. */
__attribute__((export_name("call_every_import"))) int call_every_import(void) {
    int rc = 0;
    rc |= options_open(0, 0);
    rc |= options_close(0);
    rc |= options_set(0, 0, 0, 0, 0);
    rc |= options_set_u64(0, 0, 0, 0);
    rc |= options_set_guest_buffer(0, 0, 0, 0, 0);
    rc |= array_output_len(0, 0);
    rc |= array_output_pull(0, 0, 0, 0);
    rc |= secrets_manager_open(0, 0);
    rc |= secrets_manager_close(0);
    rc |= secrets_manager_invalidate(0, 0, 0, 0);
    rc |= keypair_generate(0, 0, 0, 0, 0);
    rc |= keypair_import(0, 0, 0, 0, 0, 0, 0);
    rc |= keypair_generate_managed(0, 0, 0, 0, 0, 0);
    rc |= keypair_store_managed(0, 0, 0, 0);
    rc |= keypair_replace_managed(0, 0, 0, 0);
    rc |= keypair_id(0, 0, 0, 0, 0);
    rc |= keypair_from_id(0, 0, 0, 0, 0);
    rc |= keypair_from_pk_and_sk(0, 0, 0);
    rc |= keypair_export(0, 0, 0);
    rc |= keypair_publickey(0, 0);
    rc |= keypair_secretkey(0, 0);
    rc |= keypair_close(0);
    rc |= publickey_import(0, 0, 0, 0, 0, 0, 0);
    rc |= publickey_export(0, 0, 0);
    rc |= publickey_verify(0);
    rc |= publickey_from_secretkey(0, 0);
    rc |= publickey_close(0);
    rc |= secretkey_import(0, 0, 0, 0, 0, 0, 0);
    rc |= secretkey_export(0, 0, 0);
    rc |= secretkey_close(0);
    rc |= signature_export(0, 0, 0);
    rc |= signature_import(0, 0, 0, 0, 0, 0);
    rc |= signature_state_open(0, 0);
    rc |= signature_state_update(0, 0, 0);
    rc |= signature_state_sign(0, 0);
    rc |= signature_state_close(0);
    rc |= signature_verification_state_open(0, 0);
    rc |= signature_verification_state_update(0, 0, 0);
    rc |= signature_verification_state_verify(0, 0);
    rc |= signature_verification_state_close(0);
    rc |= signature_close(0);
    rc |= symmetric_key_generate(0, 0, 0, 0);
    rc |= symmetric_key_import(0, 0, 0, 0, 0);
    rc |= symmetric_key_export(0, 0);
    rc |= symmetric_key_close(0);
    rc |= symmetric_key_generate_managed(0, 0, 0, 0, 0);
    rc |= symmetric_key_store_managed(0, 0, 0, 0);
    rc |= symmetric_key_replace_managed(0, 0, 0, 0);
    rc |= symmetric_key_id(0, 0, 0, 0, 0);
    rc |= symmetric_key_from_id(0, 0, 0, 0, 0);
    rc |= symmetric_state_open(0, 0, 0, 0, 0);
    rc |= symmetric_state_options_get(0, 0, 0, 0, 0, 0);
    rc |= symmetric_state_options_get_u64(0, 0, 0, 0);
    rc |= symmetric_state_clone(0, 0);
    rc |= symmetric_state_close(0);
    rc |= symmetric_state_absorb(0, 0, 0);
    rc |= symmetric_state_squeeze(0, 0, 0);
    rc |= symmetric_state_squeeze_tag(0, 0);
    rc |= symmetric_state_squeeze_key(0, 0, 0, 0);
    rc |= symmetric_state_max_tag_len(0, 0);
    rc |= symmetric_state_encrypt(0, 0, 0, 0, 0, 0);
    rc |= symmetric_state_encrypt_detached(0, 0, 0, 0, 0, 0);
    rc |= symmetric_state_decrypt(0, 0, 0, 0, 0, 0);
    rc |= symmetric_state_decrypt_detached(0, 0, 0, 0, 0, 0, 0, 0);
    rc |= symmetric_state_ratchet(0);
    rc |= symmetric_tag_len(0, 0);
    rc |= symmetric_tag_pull(0, 0, 0, 0);
    rc |= symmetric_tag_verify(0, 0, 0);
    rc |= symmetric_tag_close(0);
    rc |= kx_dh(0, 0, 0);
    rc |= kx_encapsulate(0, 0, 0);
    rc |= kx_decapsulate(0, 0, 0, 0);
    rc |= external_secret_store(0, 0, 0, 0, 0, 0);
    rc |= external_secret_replace(0, 0, 0, 0, 0, 0, 0);
    rc |= external_secret_from_id(0, 0, 0, 0, 0);
    rc |= external_secret_invalidate(0, 0, 0, 0);
    rc |= external_secret_encapsulate(0, 0, 0, 0, 0);
    rc |= external_secret_decapsulate(0, 0, 0, 0);
    return rc;
}
