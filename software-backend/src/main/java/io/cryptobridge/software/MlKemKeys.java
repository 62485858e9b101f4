package io.cryptobridge.software;

import io.cryptobridge.asymmetric.KeyPairEncoding;
import io.cryptobridge.asymmetric.PublicKeyEncoding;
import io.cryptobridge.asymmetric.SecretKeyEncoding;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.digests.SHA3Digest;
import org.bouncycastle.crypto.generators.MLKEMKeyPairGenerator;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.MLKEMKeyGenerationParameters;
import org.bouncycastle.crypto.params.MLKEMParameters;
import org.bouncycastle.crypto.params.MLKEMPrivateKeyParameters;
import org.bouncycastle.crypto.params.MLKEMPublicKeyParameters;

/**
 * ML-KEM keys (FIPS 203), raw only. Public: the encapsulation key (384k+32 bytes), checked for
 * coefficients below q. Secret: exported as the expanded decapsulation key (768k+96 bytes);
 * imported from that form (its embedded hash is checked) or from the 64-byte seed d‖z. Pair: secret
 * raw ‖ public raw.
 */
final class MlKemKeys implements KeyScheme {
    static final int SEED_LENGTH = 64;
    private static final int Q = 3329;
    private static final int POLY_BYTES = 384;
    private static final int HASH_LENGTH = 32;

    private final MLKEMParameters parameters;
    private final SecureRandom random;
    private final int publicLength;
    private final int expandedLength;

    MlKemKeys(MLKEMParameters parameters, SecureRandom random) {
        this.parameters = parameters;
        this.random = random;
        this.publicLength = POLY_BYTES * parameters.getK() + HASH_LENGTH;
        this.expandedLength = 2 * POLY_BYTES * parameters.getK() + 3 * HASH_LENGTH;
    }

    @Override
    public AsymmetricKeyParameter[] generate() {
        MLKEMKeyPairGenerator generator = new MLKEMKeyPairGenerator();
        generator.init(new MLKEMKeyGenerationParameters(random, parameters));
        AsymmetricCipherKeyPair pair = generator.generateKeyPair();
        return new AsymmetricKeyParameter[] {pair.getPublic(), pair.getPrivate()};
    }

    @Override
    public AsymmetricKeyParameter decodePublic(PublicKeyEncoding encoding, byte[] encoded) {
        if (encoding != PublicKeyEncoding.RAW) {
            throw KeyErrors.unsupportedEncoding(parameters.getName(), encoding);
        }
        KeyErrors.requireLength(
                encoded, publicLength, "an " + parameters.getName() + " public key");
        requireReducedCoefficients(encoded, parameters.getK());
        return new MLKEMPublicKeyParameters(parameters, encoded);
    }

    /** FIPS 203 §7.2 input check: every 12-bit coefficient of t is below q. */
    static void requireReducedCoefficients(byte[] encapsulationKey, int k) {
        for (int i = 0; i < POLY_BYTES * k; i += 3) {
            int b0 = encapsulationKey[i] & 0xff;
            int b1 = encapsulationKey[i + 1] & 0xff;
            int b2 = encapsulationKey[i + 2] & 0xff;
            int first = b0 | ((b1 & 0x0f) << 8);
            int second = (b1 >> 4) | (b2 << 4);
            if (first >= Q || second >= Q) {
                throw KeyErrors.invalidKey("ML-KEM public key has an unreduced coefficient");
            }
        }
    }

    @Override
    public AsymmetricKeyParameter decodePrivate(SecretKeyEncoding encoding, byte[] encoded) {
        if (encoding != SecretKeyEncoding.RAW) {
            throw KeyErrors.unsupportedEncoding(parameters.getName(), encoding);
        }
        if (encoded.length == SEED_LENGTH) {
            return new MLKEMPrivateKeyParameters(parameters, encoded);
        }
        KeyErrors.requireLength(
                encoded, expandedLength, "an " + parameters.getName() + " secret key");
        return expanded(encoded);
    }

    /** dk = s ‖ ek ‖ H(ek) ‖ z, with ek = t ‖ rho. */
    private MLKEMPrivateKeyParameters expanded(byte[] dk) {
        int sLength = POLY_BYTES * parameters.getK();
        byte[] s = Arrays.copyOfRange(dk, 0, sLength);
        byte[] ek = Arrays.copyOfRange(dk, sLength, sLength + publicLength);
        byte[] hash = Arrays.copyOfRange(dk, sLength + publicLength, expandedLength - HASH_LENGTH);
        byte[] z = Arrays.copyOfRange(dk, expandedLength - HASH_LENGTH, expandedLength);
        if (!MessageDigest.isEqual(sha3(ek), hash)) {
            throw KeyErrors.invalidKey("ML-KEM secret key fails its hash check");
        }
        requireReducedCoefficients(ek, parameters.getK());
        byte[] t = Arrays.copyOfRange(ek, 0, sLength);
        byte[] rho = Arrays.copyOfRange(ek, sLength, publicLength);
        return new MLKEMPrivateKeyParameters(parameters, s, hash, z, t, rho);
    }

    private static byte[] sha3(byte[] data) {
        SHA3Digest digest = new SHA3Digest(256);
        digest.update(data, 0, data.length);
        byte[] out = new byte[HASH_LENGTH];
        digest.doFinal(out, 0);
        return out;
    }

    @Override
    public AsymmetricKeyParameter[] decodeKeyPair(KeyPairEncoding encoding, byte[] encoded) {
        if (encoding != KeyPairEncoding.RAW) {
            throw KeyErrors.unsupportedEncoding(parameters.getName(), encoding);
        }
        int secretLength = encoded.length - publicLength;
        if (secretLength != SEED_LENGTH && secretLength != expandedLength) {
            throw KeyErrors.invalidKey("not an " + parameters.getName() + " key pair");
        }
        AsymmetricKeyParameter privateKey =
                decodePrivate(SecretKeyEncoding.RAW, Arrays.copyOf(encoded, secretLength));
        byte[] given = Arrays.copyOfRange(encoded, secretLength, encoded.length);
        AsymmetricKeyParameter publicKey = publicOf(privateKey);
        if (!Arrays.equals(((MLKEMPublicKeyParameters) publicKey).getEncoded(), given)) {
            throw KeyErrors.invalidKey("the public half does not match the secret key");
        }
        return new AsymmetricKeyParameter[] {publicKey, privateKey};
    }

    @Override
    public byte[] encodePublic(AsymmetricKeyParameter publicKey, PublicKeyEncoding encoding) {
        if (encoding != PublicKeyEncoding.RAW) {
            throw KeyErrors.unsupportedEncoding(parameters.getName(), encoding);
        }
        return ((MLKEMPublicKeyParameters) publicKey).getEncoded();
    }

    @Override
    public byte[] encodePrivate(AsymmetricKeyParameter privateKey, SecretKeyEncoding encoding) {
        if (encoding != SecretKeyEncoding.RAW) {
            throw KeyErrors.unsupportedEncoding(parameters.getName(), encoding);
        }
        return expandedBytes((MLKEMPrivateKeyParameters) privateKey);
    }

    private static byte[] expandedBytes(MLKEMPrivateKeyParameters key) {
        return org.bouncycastle.util.Arrays.concatenate(
                new byte[][] {key.getS(), key.getT(), key.getRho(), key.getHPK(), key.getNonce()});
    }

    @Override
    public byte[] encodeKeyPair(
            AsymmetricKeyParameter publicKey,
            AsymmetricKeyParameter privateKey,
            KeyPairEncoding encoding) {
        if (encoding != KeyPairEncoding.RAW) {
            throw KeyErrors.unsupportedEncoding(parameters.getName(), encoding);
        }
        return org.bouncycastle.util.Arrays.concatenate(
                expandedBytes((MLKEMPrivateKeyParameters) privateKey),
                ((MLKEMPublicKeyParameters) publicKey).getEncoded());
    }

    @Override
    public AsymmetricKeyParameter publicOf(AsymmetricKeyParameter privateKey) {
        return ((MLKEMPrivateKeyParameters) privateKey).getPublicKeyParameters();
    }

    @Override
    public void checkPublic(AsymmetricKeyParameter publicKey) {
        requireReducedCoefficients(
                ((MLKEMPublicKeyParameters) publicKey).getEncoded(), parameters.getK());
    }

    @Override
    public boolean samePublic(AsymmetricKeyParameter a, AsymmetricKeyParameter b) {
        return Arrays.equals(
                ((MLKEMPublicKeyParameters) a).getEncoded(),
                ((MLKEMPublicKeyParameters) b).getEncoded());
    }

    /** ML-KEM has no PKCS8 encoding of a pair here. */
    @Override
    public KeyPairEncoding storageEncoding() {
        return KeyPairEncoding.RAW;
    }
}
