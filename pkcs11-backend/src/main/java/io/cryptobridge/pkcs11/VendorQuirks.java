package io.cryptobridge.pkcs11;

import java.util.Set;

/**
 * What a token does differently from the PKCS#11 text, as data: the backend asks here instead of
 * testing the vendor in many places. Add a vendor by adding a constant and a line in {@link
 * #forManufacturer}.
 *
 * @param vendor a name for logs and docs
 * @param decryptFailureCodes the return values of {@code C_Decrypt} that mean "the tag did not
 *     verify" (reported as invalid_tag)
 * @param padShortHmacKeys the token rejects HMAC keys shorter than its mechanism minimum ({@code
 *     CKR_KEY_SIZE_RANGE} at {@code C_SignInit}); zero-pad them, which RFC 2104 makes equivalent
 * @param prehashLongHmacKeys hash HMAC keys longer than the hash's block size before import, as RFC
 *     2104 does internally, so tokens with a small maximum key size accept them
 * @param readableEcdhSecret the token lets {@code C_DeriveKey(CKM_ECDH1_DERIVE)} create a secret
 *     with {@code CKA_SENSITIVE=false, CKA_EXTRACTABLE=true} (SoftHSM: yes, but only when asked
 *     explicitly; its defaults give a sensitive secret, and EC private keys without {@code
 *     CKA_DERIVE}). Tokens whose policy forbids readable derived secrets cannot serve wasi-crypto's
 *     {@code kx_dh}, which returns the secret: set false and ECDH goes to the next backend.
 */
record VendorQuirks(
        String vendor,
        Set<Long> decryptFailureCodes,
        boolean padShortHmacKeys,
        boolean prehashLongHmacKeys,
        boolean readableEcdhSecret) {

    /** What the standard says a failed AEAD decryption returns (2.40 and 3.0). */
    private static final Set<Long> STANDARD_DECRYPT_FAILURES =
            Set.of(
                    Ckr.ENCRYPTED_DATA_INVALID,
                    Ckr.ENCRYPTED_DATA_LEN_RANGE,
                    Ckr.AEAD_DECRYPT_FAILED);

    /**
     * SoftHSM 2.6.1: a GCM tag mismatch is {@code CKR_GENERAL_ERROR} (measured); HMAC keys must be
     * at least the digest length (SHA256-HMAC {32..512}, SHA512-HMAC {64..512} bytes).
     */
    static final VendorQuirks SOFTHSM =
            new VendorQuirks(
                    "SoftHSM",
                    Set.of(
                            Ckr.ENCRYPTED_DATA_INVALID,
                            Ckr.ENCRYPTED_DATA_LEN_RANGE,
                            Ckr.AEAD_DECRYPT_FAILED,
                            Ckr.GENERAL_ERROR),
                    true,
                    true,
                    true);

    /** Any other token: standard codes; the HMAC key shaping is harmless, so it stays on. */
    static final VendorQuirks STANDARD =
            new VendorQuirks("standard", STANDARD_DECRYPT_FAILURES, true, true, true);

    /** The quirks for a token, from its {@code CK_TOKEN_INFO.manufacturerID}. */
    static VendorQuirks forManufacturer(String manufacturerId) {
        return manufacturerId.startsWith("SoftHSM") ? SOFTHSM : STANDARD;
    }
}
