package io.cryptobridge.software;

import io.cryptobridge.CryptoErrno;
import io.cryptobridge.CryptoException;
import io.cryptobridge.spi.AeadEngine;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.modes.XChaCha20Poly1305;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/** XChaCha20-Poly1305 (24-byte nonce) through BouncyCastle's lightweight API; the JDK lacks it. */
final class BcXChaCha20Poly1305 implements AeadEngine {
    private static final int TAG_BITS = 128;

    private final byte[] key;

    BcXChaCha20Poly1305(byte[] key) {
        this.key = key;
    }

    @Override
    public byte[] seal(byte[] nonce, byte[] aad, byte[] plaintext) {
        XChaCha20Poly1305 cipher = init(true, nonce, aad);
        byte[] out = new byte[cipher.getOutputSize(plaintext.length)];
        return finish(cipher, plaintext, out);
    }

    @Override
    public byte[] open(byte[] nonce, byte[] aad, byte[] ciphertextAndTag) {
        XChaCha20Poly1305 cipher = init(false, nonce, aad);
        byte[] out = new byte[cipher.getOutputSize(ciphertextAndTag.length)];
        return finish(cipher, ciphertextAndTag, out);
    }

    private XChaCha20Poly1305 init(boolean encrypt, byte[] nonce, byte[] aad) {
        XChaCha20Poly1305 cipher = new XChaCha20Poly1305();
        cipher.init(encrypt, new AEADParameters(new KeyParameter(key), TAG_BITS, nonce, aad));
        return cipher;
    }

    private static byte[] finish(XChaCha20Poly1305 cipher, byte[] in, byte[] out) {
        try {
            int written = cipher.processBytes(in, 0, in.length, out, 0);
            written += cipher.doFinal(out, written);
            return written == out.length ? out : java.util.Arrays.copyOf(out, written);
        } catch (InvalidCipherTextException e) {
            throw new CryptoException(CryptoErrno.INVALID_TAG, "authentication failed");
        }
    }
}
