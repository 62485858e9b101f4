package io.cryptobridge.pkcs11;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * Turns an HMAC key the token would refuse into one it accepts and that yields the same tags (RFC
 * 2104 §2): HMAC zero-pads every key to the hash block size, so padding a short key to the
 * mechanism minimum changes nothing; and HMAC hashes a key longer than the block size first, so
 * doing that before import changes nothing either. Only applied when {@link VendorQuirks} says so.
 */
final class HmacKeyShaper {
    private HmacKeyShaper() {}

    /** The bytes to store, and how they relate to the guest's key. */
    record Shaped(byte[] value, TokenKey.KeyShape shape) {}

    static Shaped shape(
            byte[] raw, String hashName, int blockSize, int minKeyLength, VendorQuirks quirks) {
        byte[] value = raw.clone();
        boolean prehashed = false;
        if (quirks.prehashLongHmacKeys() && value.length > blockSize) {
            byte[] hashed = hash(hashName, value);
            Arrays.fill(value, (byte) 0);
            value = hashed;
            prehashed = true;
        }
        int exportLength = -1;
        if (quirks.padShortHmacKeys() && value.length < minKeyLength && minKeyLength <= blockSize) {
            exportLength = value.length;
            byte[] padded = Arrays.copyOf(value, minKeyLength);
            Arrays.fill(value, (byte) 0);
            value = padded;
        }
        return new Shaped(value, new TokenKey.KeyShape(exportLength, prehashed));
    }

    private static byte[] hash(String hashName, byte[] key) {
        try {
            return MessageDigest.getInstance(hashName).digest(key);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks " + hashName, e);
        }
    }
}
