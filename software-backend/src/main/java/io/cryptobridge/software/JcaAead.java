package io.cryptobridge.software;

import io.cryptobridge.CryptoErrno;
import io.cryptobridge.CryptoException;
import io.cryptobridge.spi.AeadEngine;
import java.security.GeneralSecurityException;
import java.security.spec.AlgorithmParameterSpec;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-GCM and ChaCha20-Poly1305 through SunJCE, which uses AES-NI/CLMUL intrinsics. Data is fed in
 * chunks of at most 64 KiB: on JDK 17 one large {@code doFinal} over 1 MiB falls off the intrinsic
 * path (about 85 MB/s) while chunked updates stay on it (about 5.8 GB/s).
 */
final class JcaAead implements AeadEngine {
    static final int CHUNK = 64 * 1024;
    private static final int TAG_BITS = 128;

    private final String transformation;
    private final SecretKeySpec key;

    private JcaAead(String transformation, SecretKeySpec key) {
        this.transformation = transformation;
        this.key = key;
    }

    static JcaAead aesGcm(byte[] key) {
        return new JcaAead("AES/GCM/NoPadding", new SecretKeySpec(key, "AES"));
    }

    static JcaAead chaCha20Poly1305(byte[] key) {
        return new JcaAead("ChaCha20-Poly1305", new SecretKeySpec(key, "ChaCha20"));
    }

    @Override
    public byte[] seal(byte[] nonce, byte[] aad, byte[] plaintext) {
        try {
            Cipher cipher = init(Cipher.ENCRYPT_MODE, nonce, aad);
            byte[] out = new byte[cipher.getOutputSize(plaintext.length)];
            int written = run(cipher, plaintext, out);
            return written == out.length ? out : java.util.Arrays.copyOf(out, written);
        } catch (GeneralSecurityException e) {
            throw new CryptoException(CryptoErrno.ALGORITHM_FAILURE, transformation + " failed", e);
        }
    }

    @Override
    public byte[] open(byte[] nonce, byte[] aad, byte[] ciphertextAndTag) {
        try {
            Cipher cipher = init(Cipher.DECRYPT_MODE, nonce, aad);
            byte[] out = new byte[cipher.getOutputSize(ciphertextAndTag.length)];
            int written = run(cipher, ciphertextAndTag, out);
            return written == out.length ? out : java.util.Arrays.copyOf(out, written);
        } catch (AEADBadTagException e) {
            throw new CryptoException(CryptoErrno.INVALID_TAG, "authentication failed");
        } catch (GeneralSecurityException e) {
            throw new CryptoException(CryptoErrno.ALGORITHM_FAILURE, transformation + " failed", e);
        }
    }

    private Cipher init(int mode, byte[] nonce, byte[] aad) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(transformation);
        AlgorithmParameterSpec params =
                transformation.startsWith("AES")
                        ? new GCMParameterSpec(TAG_BITS, nonce)
                        : new IvParameterSpec(nonce);
        cipher.init(mode, key, params);
        if (aad.length > 0) {
            cipher.updateAAD(aad);
        }
        return cipher;
    }

    private static int run(Cipher cipher, byte[] in, byte[] out) throws GeneralSecurityException {
        int written = 0;
        int offset = 0;
        while (in.length - offset > CHUNK) {
            written += cipher.update(in, offset, CHUNK, out, written);
            offset += CHUNK;
        }
        written += cipher.doFinal(in, offset, in.length - offset, out, written);
        return written;
    }
}
