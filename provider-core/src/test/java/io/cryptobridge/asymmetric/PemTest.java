package io.cryptobridge.asymmetric;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cryptobridge.CryptoErrno;
import io.cryptobridge.CryptoException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PemTest {

    @Test
    void encodeDecode_roundTrip_withLineBreaksEvery64() {
        byte[] der = new byte[100];
        for (int i = 0; i < der.length; i++) {
            der[i] = (byte) i;
        }
        byte[] pem = Pem.encode(Pem.PUBLIC_KEY, der);
        String text = new String(pem, StandardCharsets.US_ASCII);
        assertTrue(text.startsWith("-----BEGIN PUBLIC KEY-----\n"));
        assertEquals(64, text.split("\n")[1].length());
        assertArrayEquals(der, Pem.decode(Pem.PUBLIC_KEY, pem));
    }

    @Test
    void decode_otherLabelOrGarbage_failsInvalidKey() {
        byte[] pem = Pem.encode(Pem.PRIVATE_KEY, new byte[] {1, 2, 3});
        for (byte[] input :
                new byte[][] {
                    pem,
                    "not pem".getBytes(StandardCharsets.US_ASCII),
                    "-----BEGIN PUBLIC KEY-----\n!!!!\n-----END PUBLIC KEY-----"
                            .getBytes(StandardCharsets.US_ASCII)
                }) {
            assertEquals(
                    CryptoErrno.INVALID_KEY,
                    assertThrows(CryptoException.class, () -> Pem.decode(Pem.PUBLIC_KEY, input))
                            .errno());
        }
    }
}
