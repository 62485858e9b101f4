package io.cryptobridge.signatures;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cryptobridge.CryptoErrno;
import io.cryptobridge.CryptoException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DerSignatureTest {
    private static final HexFormat HEX = HexFormat.of();

    private static byte[] raw32(int r, int s) {
        byte[] raw = new byte[64];
        raw[31] = (byte) r;
        raw[63] = (byte) s;
        return raw;
    }

    @Test
    void fromRaw_smallValues_minimalEncoding() {
        assertEquals("3006020101020102", HEX.formatHex(DerSignature.fromRaw(raw32(1, 2))));
    }

    @Test
    void fromRaw_highBitSet_getsZeroPad() {
        byte[] raw = new byte[64];
        raw[0] = (byte) 0x80;
        raw[63] = 1;
        byte[] der = DerSignature.fromRaw(raw);
        assertEquals(0x30, der[0] & 0xff);
        assertEquals(0x21, der[3]); // 33-byte INTEGER with a leading 00
        assertEquals(0, der[4]);
        assertArrayEquals(raw, DerSignature.toRaw(der, 32));
    }

    @Test
    void toRaw_p384SizedFullValues_roundTrip() {
        byte[] raw = new byte[96];
        java.util.Arrays.fill(raw, (byte) 0xff);
        byte[] der = DerSignature.fromRaw(raw);
        assertEquals(2 + 2 * (2 + 49), der.length);
        assertArrayEquals(raw, DerSignature.toRaw(der, 48));
    }

    @Test
    void toRaw_minimalForm_parses() {
        assertArrayEquals(raw32(1, 2), DerSignature.toRaw(HEX.parseHex("3006020101020102"), 32));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "3000", // empty sequence (the WasmEdge forgery probe)
                "",
                "30",
                "300602010102010200", // trailing byte after the sequence
                "3007020101020102", // sequence length larger than the content
                "3005020101020102", // sequence length smaller than the content
                "30070201010201020500", // extra element inside the sequence
                "3006020181020102", // negative r
                "300702020001020102", // non-minimal r (00 01)
                "3006020100020102", // r = 0
                "30060200020102", // empty INTEGER
                "3106020101020102", // SET instead of SEQUENCE
                "3006030101020102", // BIT STRING instead of INTEGER
                "308106020101020102", // long-form length for a short sequence
                "3080020101020102 0000", // indefinite length
                "3026022101"
                        + "0000000000000000000000000000000000000000000000000000000000000000"
                        + "020102", // r = 2^256 does not fit 32 bytes
                "deadbeef"
            })
    void toRaw_nonDer_failsInvalidSignature(String hex) {
        byte[] der = HEX.parseHex(hex.replace(" ", ""));
        CryptoException e = assertThrows(CryptoException.class, () -> DerSignature.toRaw(der, 32));
        assertEquals(CryptoErrno.INVALID_SIGNATURE, e.errno());
    }
}
