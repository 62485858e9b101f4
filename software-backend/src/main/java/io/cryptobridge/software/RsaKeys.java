package io.cryptobridge.software;

import io.cryptobridge.asymmetric.KeyPairEncoding;
import io.cryptobridge.asymmetric.PublicKeyEncoding;
import io.cryptobridge.asymmetric.SecretKeyEncoding;
import java.math.BigInteger;
import java.security.SecureRandom;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.generators.RSAKeyPairGenerator;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.RSAKeyGenerationParameters;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.params.RSAPrivateCrtKeyParameters;

/**
 * RSA keys of one exact modulus size (the algorithm name fixes it; another size is invalid_key).
 * Secret keys and pairs: PKCS#8 with the CRT form; public keys: SubjectPublicKeyInfo. No raw or SEC
 * form exists.
 */
final class RsaKeys implements KeyScheme {
    private static final BigInteger PUBLIC_EXPONENT = BigInteger.valueOf(65537);
    private static final int PRIME_CERTAINTY = 112;

    private final int modulusBits;
    private final SecureRandom random;
    private final String name;

    RsaKeys(int modulusBits, SecureRandom random) {
        this.modulusBits = modulusBits;
        this.random = random;
        this.name = "RSA-" + modulusBits;
    }

    @Override
    public AsymmetricKeyParameter[] generate() {
        RSAKeyPairGenerator generator = new RSAKeyPairGenerator();
        generator.init(
                new RSAKeyGenerationParameters(
                        PUBLIC_EXPONENT, random, modulusBits, PRIME_CERTAINTY));
        AsymmetricCipherKeyPair pair = generator.generateKeyPair();
        return new AsymmetricKeyParameter[] {pair.getPublic(), pair.getPrivate()};
    }

    @Override
    public AsymmetricKeyParameter decodePublic(PublicKeyEncoding encoding, byte[] encoded) {
        if (encoding != PublicKeyEncoding.PKCS8) {
            throw KeyErrors.unsupportedEncoding(name, encoding);
        }
        RSAKeyParameters key = Asn1Keys.fromSpki(encoded, RSAKeyParameters.class);
        checkPublic(key);
        return key;
    }

    @Override
    public AsymmetricKeyParameter decodePrivate(SecretKeyEncoding encoding, byte[] encoded) {
        if (encoding != SecretKeyEncoding.PKCS8) {
            throw KeyErrors.unsupportedEncoding(name, encoding);
        }
        return privateKey(encoded);
    }

    private RSAPrivateCrtKeyParameters privateKey(byte[] encoded) {
        RSAPrivateCrtKeyParameters key =
                Asn1Keys.fromPkcs8(encoded, RSAPrivateCrtKeyParameters.class);
        checkPublic(publicOf(key));
        return key;
    }

    @Override
    public AsymmetricKeyParameter[] decodeKeyPair(KeyPairEncoding encoding, byte[] encoded) {
        if (encoding != KeyPairEncoding.PKCS8) {
            throw KeyErrors.unsupportedEncoding(name, encoding);
        }
        RSAPrivateCrtKeyParameters privateKey = privateKey(encoded);
        return new AsymmetricKeyParameter[] {publicOf(privateKey), privateKey};
    }

    @Override
    public byte[] encodePublic(AsymmetricKeyParameter publicKey, PublicKeyEncoding encoding) {
        if (encoding != PublicKeyEncoding.PKCS8) {
            throw KeyErrors.unsupportedEncoding(name, encoding);
        }
        return Asn1Keys.spki(publicKey);
    }

    @Override
    public byte[] encodePrivate(AsymmetricKeyParameter privateKey, SecretKeyEncoding encoding) {
        if (encoding != SecretKeyEncoding.PKCS8) {
            throw KeyErrors.unsupportedEncoding(name, encoding);
        }
        return Asn1Keys.pkcs8(privateKey);
    }

    @Override
    public byte[] encodeKeyPair(
            AsymmetricKeyParameter publicKey,
            AsymmetricKeyParameter privateKey,
            KeyPairEncoding encoding) {
        if (encoding != KeyPairEncoding.PKCS8) {
            throw KeyErrors.unsupportedEncoding(name, encoding);
        }
        return Asn1Keys.pkcs8(privateKey);
    }

    @Override
    public AsymmetricKeyParameter publicOf(AsymmetricKeyParameter privateKey) {
        RSAPrivateCrtKeyParameters key = (RSAPrivateCrtKeyParameters) privateKey;
        return new RSAKeyParameters(false, key.getModulus(), key.getPublicExponent());
    }

    /** The modulus size the algorithm names; an odd exponent in [3, n). */
    @Override
    public void checkPublic(AsymmetricKeyParameter publicKey) {
        RSAKeyParameters key = (RSAKeyParameters) publicKey;
        BigInteger n = key.getModulus();
        BigInteger e = key.getExponent();
        if (n.bitLength() != modulusBits || !n.testBit(0)) {
            throw KeyErrors.invalidKey("the modulus is not an odd " + modulusBits + "-bit number");
        }
        if (!e.testBit(0) || e.compareTo(BigInteger.valueOf(3)) < 0 || e.compareTo(n) >= 0) {
            throw KeyErrors.invalidKey("the public exponent is not an odd number in [3, n)");
        }
    }

    @Override
    public boolean samePublic(AsymmetricKeyParameter a, AsymmetricKeyParameter b) {
        RSAKeyParameters x = (RSAKeyParameters) a;
        RSAKeyParameters y = (RSAKeyParameters) b;
        return x.getModulus().equals(y.getModulus()) && x.getExponent().equals(y.getExponent());
    }
}
