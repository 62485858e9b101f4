package io.cryptobridge.software;

import io.cryptobridge.CryptoErrno;
import io.cryptobridge.CryptoException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keystore's key-encryption key: AES-256-GCM with a random 96-bit nonce per message. Its {@link
 * #id()} is a check value derived from the key (HMAC-SHA-256 of a fixed label, first 8 bytes): it
 * tells a wrong password from a right one and lets sealed bytes name the key that sealed them,
 * without revealing the key. Never printed.
 */
final class KeystoreKek {
    static final int KEY_LENGTH = 32;
    static final int ID_LENGTH = 8;
    static final int NONCE_LENGTH = 12;
    static final int TAG_LENGTH = 16;
    private static final byte[] ID_LABEL =
            "cryptobridge keystore key check".getBytes(StandardCharsets.US_ASCII);

    // SecretKeySpec keeps its own copy that the JDK cannot wipe; the key lives as long as the
    // backend anyway.
    private final SecretKeySpec key;
    private final byte[] id;
    private final SecureRandom random;

    /** Wraps {@code keyBytes} (copied; the caller wipes its array). */
    KeystoreKek(byte[] keyBytes, SecureRandom random) {
        if (keyBytes.length != KEY_LENGTH) {
            throw new IllegalArgumentException("a keystore key has " + KEY_LENGTH + " bytes");
        }
        this.key = new SecretKeySpec(keyBytes, "AES");
        this.id = checkValue(keyBytes);
        this.random = random;
    }

    private static byte[] checkValue(byte[] keyBytes) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(keyBytes, "HmacSHA256"));
            return Arrays.copyOf(mac.doFinal(ID_LABEL), ID_LENGTH);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from the JDK", e);
        }
    }

    /** The key's public check value. */
    byte[] id() {
        return id.clone();
    }

    /** nonce ‖ ciphertext ‖ tag of {@code plaintext}, bound to {@code associatedData}. */
    byte[] encrypt(byte[] plaintext, byte[] associatedData) {
        byte[] nonce = new byte[NONCE_LENGTH];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_LENGTH * 8, nonce));
            cipher.updateAAD(associatedData);
            byte[] out = new byte[NONCE_LENGTH + cipher.getOutputSize(plaintext.length)];
            System.arraycopy(nonce, 0, out, 0, NONCE_LENGTH);
            cipher.doFinal(plaintext, 0, plaintext.length, out, NONCE_LENGTH);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed", e);
        }
    }

    /**
     * Opens what {@link #encrypt} produced.
     *
     * @throws CryptoException verification_failed if the bytes or the associated data changed
     */
    byte[] decrypt(byte[] sealed, byte[] associatedData, String what) {
        if (sealed.length < NONCE_LENGTH + TAG_LENGTH) {
            throw verificationFailed(what + " is truncated");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(
                    Cipher.DECRYPT_MODE,
                    key,
                    new GCMParameterSpec(TAG_LENGTH * 8, sealed, 0, NONCE_LENGTH));
            cipher.updateAAD(associatedData);
            return cipher.doFinal(sealed, NONCE_LENGTH, sealed.length - NONCE_LENGTH);
        } catch (AEADBadTagException e) {
            throw verificationFailed(what + " failed its integrity check");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed", e);
        }
    }

    static CryptoException verificationFailed(String why) {
        return new CryptoException(CryptoErrno.VERIFICATION_FAILED, why);
    }

    @Override
    public String toString() {
        return "KeystoreKek[" + java.util.HexFormat.of().formatHex(id) + "]";
    }
}
