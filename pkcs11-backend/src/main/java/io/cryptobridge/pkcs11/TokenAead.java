package io.cryptobridge.pkcs11;

import io.cryptobridge.CryptoErrno;
import io.cryptobridge.CryptoException;
import io.cryptobridge.spi.AeadEngine;
import java.util.Arrays;
import java.util.function.LongSupplier;
import sun.security.pkcs11.wrapper.CK_GCM_PARAMS;
import sun.security.pkcs11.wrapper.CK_MECHANISM;
import sun.security.pkcs11.wrapper.PKCS11Constants;

/**
 * AES-GCM on the token, single-part ({@code C_EncryptInit} + {@code C_Encrypt}) on a pooled
 * session. The raw wrapper sends the 6-field {@code CK_GCM_PARAMS}, which works on JDK 17 as well.
 */
final class TokenAead implements AeadEngine {
    private static final int TAG_BITS = 128;
    private static final int TAG_BYTES = TAG_BITS / 8;

    private final SessionPool pool;
    private final LongSupplier keyHandle;

    TokenAead(SessionPool pool, LongSupplier keyHandle) {
        this.pool = pool;
        this.keyHandle = keyHandle;
    }

    @Override
    public byte[] seal(byte[] nonce, byte[] aad, byte[] plaintext) {
        long key = keyHandle.getAsLong();
        return pool.run(
                Operation.SEAL,
                (p11, session) -> {
                    p11.C_EncryptInit(session, mechanism(nonce, aad), key);
                    byte[] out = new byte[plaintext.length + TAG_BYTES];
                    int written =
                            p11.C_Encrypt(
                                    session,
                                    0,
                                    plaintext,
                                    0,
                                    plaintext.length,
                                    0,
                                    out,
                                    0,
                                    out.length);
                    return written == out.length ? out : Arrays.copyOf(out, written);
                });
    }

    @Override
    public byte[] open(byte[] nonce, byte[] aad, byte[] ciphertextAndTag) {
        if (ciphertextAndTag.length < TAG_BYTES) {
            throw new CryptoException(CryptoErrno.INVALID_TAG, "ciphertext shorter than the tag");
        }
        long key = keyHandle.getAsLong();
        return pool.run(
                Operation.OPEN,
                (p11, session) -> {
                    p11.C_DecryptInit(session, mechanism(nonce, aad), key);
                    byte[] out = new byte[ciphertextAndTag.length];
                    int written =
                            p11.C_Decrypt(
                                    session,
                                    0,
                                    ciphertextAndTag,
                                    0,
                                    ciphertextAndTag.length,
                                    0,
                                    out,
                                    0,
                                    out.length);
                    byte[] plaintext = Arrays.copyOf(out, written);
                    Arrays.fill(out, (byte) 0);
                    return plaintext;
                });
    }

    private static CK_MECHANISM mechanism(byte[] nonce, byte[] aad) {
        return new CK_MECHANISM(
                PKCS11Constants.CKM_AES_GCM, new CK_GCM_PARAMS(TAG_BITS, nonce, aad));
    }
}
