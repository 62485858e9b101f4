package io.cryptobridge.software;

import io.cryptobridge.asymmetric.KeyPairEncoding;
import io.cryptobridge.asymmetric.PublicKeyEncoding;
import io.cryptobridge.asymmetric.SecretKeyEncoding;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.X25519PublicKeyParameters;
import org.bouncycastle.math.ec.rfc7748.X25519;

/**
 * X25519 keys (RFC 7748): public and secret raw 32 bytes; key pair raw 64 bytes = secret‖public
 * (our choice; the spec defines no pair encoding); PKCS#8 / SPKI per RFC 8410.
 */
final class X25519Keys implements KeyScheme {
    private static final String NAME = "X25519";
    private static final int KEY_LENGTH = 32;
    private static final BigInteger P =
            BigInteger.ONE.shiftLeft(255).subtract(BigInteger.valueOf(19));

    /** Any clamped scalar is a multiple of the cofactor, so it maps a low-order point to zero. */
    private static final byte[] PROBE_SCALAR = probeScalar();

    private final SecureRandom random;

    X25519Keys(SecureRandom random) {
        this.random = random;
    }

    private static byte[] probeScalar() {
        byte[] k = new byte[KEY_LENGTH];
        Arrays.fill(k, (byte) 0x5a);
        X25519.clampPrivateKey(k);
        return k;
    }

    @Override
    public AsymmetricKeyParameter[] generate() {
        X25519PrivateKeyParameters privateKey = new X25519PrivateKeyParameters(random);
        return new AsymmetricKeyParameter[] {privateKey.generatePublicKey(), privateKey};
    }

    @Override
    public AsymmetricKeyParameter decodePublic(PublicKeyEncoding encoding, byte[] encoded) {
        switch (encoding) {
            case RAW:
                KeyErrors.requireLength(encoded, KEY_LENGTH, "an X25519 public key");
                return new X25519PublicKeyParameters(encoded);
            case PKCS8:
                return Asn1Keys.fromSpki(encoded, X25519PublicKeyParameters.class);
            default:
                throw KeyErrors.unsupportedEncoding(NAME, encoding);
        }
    }

    @Override
    public AsymmetricKeyParameter decodePrivate(SecretKeyEncoding encoding, byte[] encoded) {
        switch (encoding) {
            case RAW:
                KeyErrors.requireLength(encoded, KEY_LENGTH, "an X25519 secret key");
                return new X25519PrivateKeyParameters(encoded);
            case PKCS8:
                return Asn1Keys.fromPkcs8(encoded, X25519PrivateKeyParameters.class);
            default:
                throw KeyErrors.unsupportedEncoding(NAME, encoding);
        }
    }

    @Override
    public AsymmetricKeyParameter[] decodeKeyPair(KeyPairEncoding encoding, byte[] encoded) {
        X25519PrivateKeyParameters privateKey;
        switch (encoding) {
            case RAW:
                KeyErrors.requireLength(encoded, 2 * KEY_LENGTH, "an X25519 key pair");
                privateKey = new X25519PrivateKeyParameters(encoded, 0);
                byte[] given = Arrays.copyOfRange(encoded, KEY_LENGTH, 2 * KEY_LENGTH);
                if (!Arrays.equals(privateKey.generatePublicKey().getEncoded(), given)) {
                    throw KeyErrors.invalidKey("the public half does not match the secret key");
                }
                break;
            case PKCS8:
                privateKey = Asn1Keys.fromPkcs8(encoded, X25519PrivateKeyParameters.class);
                break;
            default:
                throw KeyErrors.unsupportedEncoding(NAME, encoding);
        }
        return new AsymmetricKeyParameter[] {privateKey.generatePublicKey(), privateKey};
    }

    @Override
    public byte[] encodePublic(AsymmetricKeyParameter publicKey, PublicKeyEncoding encoding) {
        switch (encoding) {
            case RAW:
                return ((X25519PublicKeyParameters) publicKey).getEncoded();
            case PKCS8:
                return Asn1Keys.spki(publicKey);
            default:
                throw KeyErrors.unsupportedEncoding(NAME, encoding);
        }
    }

    @Override
    public byte[] encodePrivate(AsymmetricKeyParameter privateKey, SecretKeyEncoding encoding) {
        switch (encoding) {
            case RAW:
                return ((X25519PrivateKeyParameters) privateKey).getEncoded();
            case PKCS8:
                return Asn1Keys.pkcs8(privateKey);
            default:
                throw KeyErrors.unsupportedEncoding(NAME, encoding);
        }
    }

    @Override
    public byte[] encodeKeyPair(
            AsymmetricKeyParameter publicKey,
            AsymmetricKeyParameter privateKey,
            KeyPairEncoding encoding) {
        switch (encoding) {
            case RAW:
                byte[] pair = new byte[2 * KEY_LENGTH];
                ((X25519PrivateKeyParameters) privateKey).encode(pair, 0);
                ((X25519PublicKeyParameters) publicKey).encode(pair, KEY_LENGTH);
                return pair;
            case PKCS8:
                return Asn1Keys.pkcs8(privateKey);
            default:
                throw KeyErrors.unsupportedEncoding(NAME, encoding);
        }
    }

    @Override
    public AsymmetricKeyParameter publicOf(AsymmetricKeyParameter privateKey) {
        return ((X25519PrivateKeyParameters) privateKey).generatePublicKey();
    }

    /**
     * Canonical (top bit clear, u below 2^255-19) and not of low order: the product with a clamped
     * scalar is zero exactly for the low-order points.
     */
    @Override
    public void checkPublic(AsymmetricKeyParameter publicKey) {
        byte[] u = ((X25519PublicKeyParameters) publicKey).getEncoded();
        if ((u[KEY_LENGTH - 1] & 0x80) != 0 || littleEndian(u).compareTo(P) >= 0) {
            throw KeyErrors.invalidKey("X25519 public key is not canonical");
        }
        byte[] product = new byte[KEY_LENGTH];
        if (!X25519.calculateAgreement(PROBE_SCALAR, 0, u, 0, product, 0)) {
            throw KeyErrors.invalidKey("X25519 public key is of low order");
        }
    }

    private static BigInteger littleEndian(byte[] bytes) {
        byte[] bigEndian = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            bigEndian[i] = bytes[bytes.length - 1 - i];
        }
        return new BigInteger(1, bigEndian);
    }

    @Override
    public boolean samePublic(AsymmetricKeyParameter a, AsymmetricKeyParameter b) {
        return Arrays.equals(
                ((X25519PublicKeyParameters) a).getEncoded(),
                ((X25519PublicKeyParameters) b).getEncoded());
    }
}
