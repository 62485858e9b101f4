package io.cryptobridge.pkcs11;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The shaped key gives the same HMAC as the original (checked with SunJCE). */
class HmacKeyShaperTest {
    @ParameterizedTest
    @ValueSource(ints = {1, 16, 31, 32, 64, 65, 200})
    void shape_anyLength_sameTagAsTheOriginalKey(int length) throws Exception {
        byte[] key = new byte[length];
        for (int i = 0; i < length; i++) {
            key[i] = (byte) (i * 7 + 1);
        }

        HmacKeyShaper.Shaped shaped =
                HmacKeyShaper.shape(key, "SHA-256", 64, 32, VendorQuirks.SOFTHSM);

        assertTrue(shaped.value().length >= 32 && shaped.value().length <= 64);
        assertArrayEquals(hmac(key), hmac(shaped.value()));
        assertEquals(length > 64, shaped.shape().prehashed());
    }

    private static byte[] hmac(byte[] key) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(new byte[] {1, 2, 3});
    }
}
