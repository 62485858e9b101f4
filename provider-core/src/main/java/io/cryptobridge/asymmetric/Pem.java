package io.cryptobridge.asymmetric;

import io.cryptobridge.CryptoErrno;
import io.cryptobridge.CryptoException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * PEM armour (RFC 7468) around the DER that backends produce: {@code PRIVATE KEY} for PKCS#8,
 * {@code PUBLIC KEY} for SubjectPublicKeyInfo. Decoding accepts exactly one block with the expected
 * label; anything else is {@code invalid_key}.
 */
public final class Pem {
    public static final String PRIVATE_KEY = "PRIVATE KEY";
    public static final String PUBLIC_KEY = "PUBLIC KEY";
    private static final int LINE_LENGTH = 64;

    private Pem() {}

    public static byte[] encode(String label, byte[] der) {
        String body = Base64.getMimeEncoder(LINE_LENGTH, new byte[] {'\n'}).encodeToString(der);
        String text = "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    public static byte[] decode(String label, byte[] pem) {
        String text = new String(pem, StandardCharsets.US_ASCII).strip();
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        if (!text.startsWith(begin) || !text.endsWith(end)) {
            throw invalid("not a PEM " + label + " block");
        }
        String body = text.substring(begin.length(), text.length() - end.length());
        if (body.contains("-----")) {
            throw invalid("more than one PEM block");
        }
        try {
            byte[] der = Base64.getDecoder().decode(body.replaceAll("[\\r\\n\\t ]", ""));
            if (der.length == 0) {
                throw invalid("empty PEM block");
            }
            return der;
        } catch (IllegalArgumentException e) {
            throw invalid("bad base64 in PEM block");
        }
    }

    private static CryptoException invalid(String message) {
        return new CryptoException(CryptoErrno.INVALID_KEY, message);
    }
}
