package io.cryptobridge.software;

import io.cryptobridge.asymmetric.KeyPairEncoding;
import io.cryptobridge.asymmetric.PublicKeyEncoding;
import io.cryptobridge.asymmetric.SecretKeyEncoding;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * Ed25519 keys (RFC 8032): public raw 32 bytes, secret raw 32-byte seed, key pair raw 64 bytes =
 * seed‖public key (a 32-byte pair is invalid_key); PKCS#8 / SPKI per RFC 8410.
 */
final class Ed25519Keys implements KeyScheme {
    private static final String NAME = "Ed25519";
    private static final int KEY_LENGTH = 32;
    private static final byte[] IDENTITY = identity();

    private final SecureRandom random;

    Ed25519Keys(SecureRandom random) {
        this.random = random;
    }

    private static byte[] identity() {
        byte[] point = new byte[KEY_LENGTH];
        point[0] = 1;
        return point;
    }

    @Override
    public AsymmetricKeyParameter[] generate() {
        Ed25519PrivateKeyParameters privateKey = new Ed25519PrivateKeyParameters(random);
        return new AsymmetricKeyParameter[] {privateKey.generatePublicKey(), privateKey};
    }

    @Override
    public AsymmetricKeyParameter decodePublic(PublicKeyEncoding encoding, byte[] encoded) {
        switch (encoding) {
            case RAW:
                KeyErrors.requireLength(encoded, KEY_LENGTH, "an Ed25519 public key");
                return rawPublic(encoded);
            case PKCS8:
                return Asn1Keys.fromSpki(encoded, Ed25519PublicKeyParameters.class);
            default:
                throw KeyErrors.unsupportedEncoding(NAME, encoding);
        }
    }

    private static Ed25519PublicKeyParameters rawPublic(byte[] encoded) {
        try {
            return new Ed25519PublicKeyParameters(encoded);
        } catch (IllegalArgumentException e) {
            throw KeyErrors.invalidKey("not an Ed25519 point", e);
        }
    }

    @Override
    public AsymmetricKeyParameter decodePrivate(SecretKeyEncoding encoding, byte[] encoded) {
        switch (encoding) {
            case RAW:
                KeyErrors.requireLength(encoded, KEY_LENGTH, "an Ed25519 secret key");
                return new Ed25519PrivateKeyParameters(encoded);
            case PKCS8:
                return Asn1Keys.fromPkcs8(encoded, Ed25519PrivateKeyParameters.class);
            default:
                throw KeyErrors.unsupportedEncoding(NAME, encoding);
        }
    }

    @Override
    public AsymmetricKeyParameter[] decodeKeyPair(KeyPairEncoding encoding, byte[] encoded) {
        switch (encoding) {
            case RAW:
                // The spec's pair is seed‖pk; a bare 32-byte seed is not a pair.
                KeyErrors.requireLength(encoded, 2 * KEY_LENGTH, "an Ed25519 key pair");
                Ed25519PrivateKeyParameters privateKey =
                        new Ed25519PrivateKeyParameters(encoded, 0);
                byte[] derived = privateKey.generatePublicKey().getEncoded();
                byte[] given = Arrays.copyOfRange(encoded, KEY_LENGTH, 2 * KEY_LENGTH);
                if (!Arrays.equals(derived, given)) {
                    throw KeyErrors.invalidKey("the public half does not match the seed");
                }
                return new AsymmetricKeyParameter[] {privateKey.generatePublicKey(), privateKey};
            case PKCS8:
                Ed25519PrivateKeyParameters fromPkcs8 =
                        Asn1Keys.fromPkcs8(encoded, Ed25519PrivateKeyParameters.class);
                return new AsymmetricKeyParameter[] {fromPkcs8.generatePublicKey(), fromPkcs8};
            default:
                throw KeyErrors.unsupportedEncoding(NAME, encoding);
        }
    }

    @Override
    public byte[] encodePublic(AsymmetricKeyParameter publicKey, PublicKeyEncoding encoding) {
        switch (encoding) {
            case RAW:
                return ((Ed25519PublicKeyParameters) publicKey).getEncoded();
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
                return ((Ed25519PrivateKeyParameters) privateKey).getEncoded();
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
                ((Ed25519PrivateKeyParameters) privateKey).encode(pair, 0);
                ((Ed25519PublicKeyParameters) publicKey).encode(pair, KEY_LENGTH);
                return pair;
            case PKCS8:
                return Asn1Keys.pkcs8(privateKey);
            default:
                throw KeyErrors.unsupportedEncoding(NAME, encoding);
        }
    }

    @Override
    public AsymmetricKeyParameter publicOf(AsymmetricKeyParameter privateKey) {
        return ((Ed25519PrivateKeyParameters) privateKey).generatePublicKey();
    }

    @Override
    public void checkPublic(AsymmetricKeyParameter publicKey) {
        byte[] encoded = ((Ed25519PublicKeyParameters) publicKey).getEncoded();
        // "Full" validation: canonical encoding, on the curve, in the prime-order subgroup.
        if (!Ed25519.validatePublicKeyFull(encoded, 0) || Arrays.equals(encoded, IDENTITY)) {
            throw KeyErrors.invalidKey("not a valid Ed25519 public key");
        }
    }

    @Override
    public boolean samePublic(AsymmetricKeyParameter a, AsymmetricKeyParameter b) {
        return Arrays.equals(
                ((Ed25519PublicKeyParameters) a).getEncoded(),
                ((Ed25519PublicKeyParameters) b).getEncoded());
    }
}
