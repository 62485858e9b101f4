package io.cryptobridge.software;

import io.cryptobridge.asymmetric.KeyPairEncoding;
import io.cryptobridge.asymmetric.PublicKeyEncoding;
import io.cryptobridge.asymmetric.SecretKeyEncoding;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.digests.SHAKEDigest;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.MLKEMParameters;
import org.bouncycastle.crypto.params.MLKEMPrivateKeyParameters;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.bouncycastle.pqc.crypto.xwing.XWingKeyGenerationParameters;
import org.bouncycastle.pqc.crypto.xwing.XWingKeyPairGenerator;
import org.bouncycastle.pqc.crypto.xwing.XWingPrivateKeyParameters;
import org.bouncycastle.pqc.crypto.xwing.XWingPublicKeyParameters;

/**
 * X-Wing keys (draft-connolly-cfrg-xwing-kem), raw only: secret = the 32-byte seed, public = ML-KEM
 * -768 encapsulation key ‖ X25519 public key (1216 bytes), pair = seed ‖ public.
 */
final class XWingKeys implements KeyScheme {
    private static final String NAME = "X-WING";
    private static final int SEED_LENGTH = 32;
    private static final int PUBLIC_LENGTH = 1216;
    private static final int ML_KEM_768_K = 3;

    private final SecureRandom random;

    XWingKeys(SecureRandom random) {
        this.random = random;
    }

    @Override
    public AsymmetricKeyParameter[] generate() {
        XWingKeyPairGenerator generator = new XWingKeyPairGenerator();
        generator.init(new XWingKeyGenerationParameters(random));
        AsymmetricCipherKeyPair pair = generator.generateKeyPair();
        return new AsymmetricKeyParameter[] {pair.getPublic(), pair.getPrivate()};
    }

    @Override
    public AsymmetricKeyParameter decodePublic(PublicKeyEncoding encoding, byte[] encoded) {
        if (encoding != PublicKeyEncoding.RAW) {
            throw KeyErrors.unsupportedEncoding(NAME, encoding);
        }
        KeyErrors.requireLength(encoded, PUBLIC_LENGTH, "an X-Wing public key");
        MlKemKeys.requireReducedCoefficients(encoded, ML_KEM_768_K);
        return new XWingPublicKeyParameters(encoded);
    }

    @Override
    public AsymmetricKeyParameter decodePrivate(SecretKeyEncoding encoding, byte[] encoded) {
        if (encoding != SecretKeyEncoding.RAW) {
            throw KeyErrors.unsupportedEncoding(NAME, encoding);
        }
        KeyErrors.requireLength(encoded, SEED_LENGTH, "an X-Wing secret key");
        return new XWingPrivateKeyParameters(encoded);
    }

    @Override
    public AsymmetricKeyParameter[] decodeKeyPair(KeyPairEncoding encoding, byte[] encoded) {
        if (encoding != KeyPairEncoding.RAW) {
            throw KeyErrors.unsupportedEncoding(NAME, encoding);
        }
        KeyErrors.requireLength(encoded, SEED_LENGTH + PUBLIC_LENGTH, "an X-Wing key pair");
        AsymmetricKeyParameter privateKey =
                decodePrivate(SecretKeyEncoding.RAW, Arrays.copyOf(encoded, SEED_LENGTH));
        AsymmetricKeyParameter publicKey = publicOf(privateKey);
        byte[] given = Arrays.copyOfRange(encoded, SEED_LENGTH, encoded.length);
        if (!Arrays.equals(((XWingPublicKeyParameters) publicKey).getEncoded(), given)) {
            throw KeyErrors.invalidKey("the public half does not match the seed");
        }
        return new AsymmetricKeyParameter[] {publicKey, privateKey};
    }

    @Override
    public byte[] encodePublic(AsymmetricKeyParameter publicKey, PublicKeyEncoding encoding) {
        if (encoding != PublicKeyEncoding.RAW) {
            throw KeyErrors.unsupportedEncoding(NAME, encoding);
        }
        return ((XWingPublicKeyParameters) publicKey).getEncoded();
    }

    @Override
    public byte[] encodePrivate(AsymmetricKeyParameter privateKey, SecretKeyEncoding encoding) {
        if (encoding != SecretKeyEncoding.RAW) {
            throw KeyErrors.unsupportedEncoding(NAME, encoding);
        }
        return ((XWingPrivateKeyParameters) privateKey).getSeed();
    }

    @Override
    public byte[] encodeKeyPair(
            AsymmetricKeyParameter publicKey,
            AsymmetricKeyParameter privateKey,
            KeyPairEncoding encoding) {
        if (encoding != KeyPairEncoding.RAW) {
            throw KeyErrors.unsupportedEncoding(NAME, encoding);
        }
        return org.bouncycastle.util.Arrays.concatenate(
                ((XWingPrivateKeyParameters) privateKey).getSeed(),
                ((XWingPublicKeyParameters) publicKey).getEncoded());
    }

    /**
     * The draft's key derivation: SHAKE256(seed, 96) = ML-KEM-768 seed (64) ‖ X25519 secret (32);
     * public = ML-KEM ek ‖ X25519 public. (BouncyCastle keeps its own derivation package-private.)
     */
    @Override
    public AsymmetricKeyParameter publicOf(AsymmetricKeyParameter privateKey) {
        byte[] seed = ((XWingPrivateKeyParameters) privateKey).getSeed();
        SHAKEDigest shake = new SHAKEDigest(256);
        shake.update(seed, 0, seed.length);
        byte[] expanded = new byte[96];
        shake.doFinal(expanded, 0, expanded.length);
        MLKEMPrivateKeyParameters mlKem =
                new MLKEMPrivateKeyParameters(
                        MLKEMParameters.ml_kem_768, Arrays.copyOfRange(expanded, 0, 64));
        X25519PrivateKeyParameters x25519 =
                new X25519PrivateKeyParameters(Arrays.copyOfRange(expanded, 64, 96));
        return new XWingPublicKeyParameters(
                org.bouncycastle.util.Arrays.concatenate(
                        mlKem.getPublicKey(), x25519.generatePublicKey().getEncoded()));
    }

    @Override
    public void checkPublic(AsymmetricKeyParameter publicKey) {
        MlKemKeys.requireReducedCoefficients(
                ((XWingPublicKeyParameters) publicKey).getEncoded(), ML_KEM_768_K);
    }

    @Override
    public boolean samePublic(AsymmetricKeyParameter a, AsymmetricKeyParameter b) {
        return Arrays.equals(
                ((XWingPublicKeyParameters) a).getEncoded(),
                ((XWingPublicKeyParameters) b).getEncoded());
    }

    /** X-Wing has no PKCS8 encoding of a pair here. */
    @Override
    public KeyPairEncoding storageEncoding() {
        return KeyPairEncoding.RAW;
    }
}
