package io.cryptobridge.software;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/** HKDF (RFC 5869) over {@link JcaMac}. */
final class Hkdf {
    private Hkdf() {}

    /** PRK = HMAC(salt, IKM); an empty salt means HashLen zero bytes. */
    static byte[] extract(String hashName, int hashLength, byte[] salt, byte[] inputKeyMaterial) {
        byte[] key = salt.length == 0 ? new byte[hashLength] : salt;
        return JcaMac.compute(hashName, key, inputKeyMaterial);
    }

    /** OKM = T(1) | T(2) | ... truncated to {@code length}; T(i) = HMAC(PRK, T(i-1) | info | i). */
    static byte[] expand(String hashName, byte[] prk, byte[] info, int length) {
        ByteArrayOutputStream okm = new ByteArrayOutputStream(length);
        byte[] previous = new byte[0];
        for (int counter = 1; okm.size() < length; counter++) {
            previous = JcaMac.compute(hashName, prk, previous, info, new byte[] {(byte) counter});
            okm.writeBytes(previous);
        }
        return Arrays.copyOf(okm.toByteArray(), length);
    }
}
