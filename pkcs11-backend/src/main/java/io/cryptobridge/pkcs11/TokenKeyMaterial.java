package io.cryptobridge.pkcs11;

import io.cryptobridge.CryptoErrno;
import io.cryptobridge.CryptoException;
import io.cryptobridge.asymmetric.Curve;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import sun.security.pkcs11.wrapper.CK_ATTRIBUTE;
import sun.security.pkcs11.wrapper.PKCS11Constants;

/**
 * Conversions between PKCS#11 key attributes and the encodings the software backend parses: EC
 * points in {@code CKA_EC_POINT}, scalars and seeds in {@code CKA_VALUE}, RSA components. No key
 * bytes are logged or put in messages.
 */
final class TokenKeyMaterial {
    /** The RSA CRT private key attributes, in {@link RSAPrivateCrtKeySpec} order. */
    static final long[] RSA_PRIVATE_ATTRIBUTES = {
        PKCS11Constants.CKA_MODULUS,
        PKCS11Constants.CKA_PUBLIC_EXPONENT,
        PKCS11Constants.CKA_PRIVATE_EXPONENT,
        PKCS11Constants.CKA_PRIME_1,
        PKCS11Constants.CKA_PRIME_2,
        PKCS11Constants.CKA_EXPONENT_1,
        PKCS11Constants.CKA_EXPONENT_2,
        PKCS11Constants.CKA_COEFFICIENT
    };

    private TokenKeyMaterial() {}

    /**
     * The point inside {@code CKA_EC_POINT}: PKCS#11 wraps it in a DER OCTET STRING (SoftHSM does),
     * some tokens return it bare.
     *
     * @param length the expected point length (65/97 for uncompressed SEC 1, 32 for Ed25519)
     */
    static byte[] point(byte[] ecPoint, int length) {
        if (ecPoint.length == length && (length == 32 || ecPoint[0] == 0x04)) {
            return ecPoint.clone();
        }
        if (ecPoint.length == length + 2 && ecPoint[0] == 0x04 && ecPoint[1] == length) {
            return Arrays.copyOfRange(ecPoint, 2, ecPoint.length);
        }
        if (ecPoint.length == length + 3
                && ecPoint[0] == 0x04
                && ecPoint[1] == (byte) 0x81
                && (ecPoint[2] & 0xff) == length) {
            return Arrays.copyOfRange(ecPoint, 3, ecPoint.length);
        }
        throw new CryptoException(
                CryptoErrno.ALGORITHM_FAILURE,
                "the token returned a CKA_EC_POINT of unexpected form ("
                        + ecPoint.length
                        + " bytes)");
    }

    /** Length of the public point the token reports for a curve. */
    static int pointLength(Curve curve) {
        return curve == Curve.ED25519 ? 32 : 1 + 2 * curve.scalarLength();
    }

    /** A big-endian value left-padded (or stripped of leading zeros) to {@code length} bytes. */
    static byte[] fixedLength(byte[] value, int length) {
        if (value.length == length) {
            return value;
        }
        byte[] out = new byte[length];
        int skip = 0;
        while (value.length - skip > length && value[skip] == 0) {
            skip++;
        }
        if (value.length - skip > length) {
            throw new CryptoException(
                    CryptoErrno.ALGORITHM_FAILURE, "the token returned an over-long key value");
        }
        System.arraycopy(value, skip, out, length - (value.length - skip), value.length - skip);
        Arrays.fill(value, (byte) 0);
        return out;
    }

    /** SubjectPublicKeyInfo DER of an RSA public key. */
    static byte[] rsaPublicKeyInfo(BigInteger modulus, BigInteger exponent) {
        try {
            return KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(modulus, exponent))
                    .getEncoded();
        } catch (GeneralSecurityException e) {
            throw new CryptoException(CryptoErrno.INVALID_KEY, "not a usable RSA public key");
        }
    }

    /** {@code C_CreateObject} attributes with the components of a PKCS#8 RSA private key. */
    static List<CK_ATTRIBUTE> rsaPrivateAttributes(byte[] pkcs8) {
        RSAPrivateKey key;
        try {
            key =
                    (RSAPrivateKey)
                            KeyFactory.getInstance("RSA")
                                    .generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new CryptoException(CryptoErrno.INVALID_KEY, "not a usable RSA private key");
        }
        List<CK_ATTRIBUTE> attributes = new ArrayList<>();
        attributes.add(new CK_ATTRIBUTE(PKCS11Constants.CKA_MODULUS, key.getModulus()));
        attributes.add(
                new CK_ATTRIBUTE(PKCS11Constants.CKA_PRIVATE_EXPONENT, key.getPrivateExponent()));
        if (key instanceof RSAPrivateCrtKey) {
            RSAPrivateCrtKey crt = (RSAPrivateCrtKey) key;
            attributes.add(
                    new CK_ATTRIBUTE(PKCS11Constants.CKA_PUBLIC_EXPONENT, crt.getPublicExponent()));
            attributes.add(new CK_ATTRIBUTE(PKCS11Constants.CKA_PRIME_1, crt.getPrimeP()));
            attributes.add(new CK_ATTRIBUTE(PKCS11Constants.CKA_PRIME_2, crt.getPrimeQ()));
            attributes.add(
                    new CK_ATTRIBUTE(PKCS11Constants.CKA_EXPONENT_1, crt.getPrimeExponentP()));
            attributes.add(
                    new CK_ATTRIBUTE(PKCS11Constants.CKA_EXPONENT_2, crt.getPrimeExponentQ()));
            attributes.add(
                    new CK_ATTRIBUTE(PKCS11Constants.CKA_COEFFICIENT, crt.getCrtCoefficient()));
        }
        return attributes;
    }

    /** PKCS#8 DER of an RSA private key read from the token ({@link #RSA_PRIVATE_ATTRIBUTES}). */
    static byte[] rsaPrivateKeyInfo(CK_ATTRIBUTE[] read) {
        BigInteger[] v = new BigInteger[read.length];
        for (int i = 0; i < read.length; i++) {
            v[i] = new BigInteger(1, read[i].getByteArray());
        }
        try {
            return KeyFactory.getInstance("RSA")
                    .generatePrivate(
                            new RSAPrivateCrtKeySpec(
                                    v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]))
                    .getEncoded();
        } catch (GeneralSecurityException e) {
            throw new CryptoException(
                    CryptoErrno.ALGORITHM_FAILURE, "the token returned an unusable RSA key");
        }
    }
}
