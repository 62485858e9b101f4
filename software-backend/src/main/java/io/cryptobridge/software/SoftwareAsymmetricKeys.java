package io.cryptobridge.software;

import io.cryptobridge.CryptoErrno;
import io.cryptobridge.CryptoException;
import io.cryptobridge.asymmetric.AsymmetricAlgorithm;
import io.cryptobridge.asymmetric.KeyPairEncoding;
import io.cryptobridge.asymmetric.PublicKeyEncoding;
import io.cryptobridge.asymmetric.SecretKeyEncoding;
import io.cryptobridge.spi.AsymmetricKeyPrimitives;
import io.cryptobridge.spi.BackendKeyPair;
import io.cryptobridge.spi.BackendPublicKey;
import io.cryptobridge.spi.BackendSecretKey;
import java.util.Map;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;

/** The key half of the software signature and key-exchange primitives: one scheme per algorithm. */
abstract class SoftwareAsymmetricKeys implements AsymmetricKeyPrimitives {
    private final Map<? extends AsymmetricAlgorithm, KeyScheme> schemes;

    SoftwareAsymmetricKeys(Map<? extends AsymmetricAlgorithm, KeyScheme> schemes) {
        this.schemes = Map.copyOf(schemes);
    }

    KeyScheme scheme(AsymmetricAlgorithm algorithm) {
        KeyScheme scheme = schemes.get(algorithm);
        if (scheme == null) {
            throw new CryptoException(
                    CryptoErrno.UNSUPPORTED_ALGORITHM, "the software backend lacks " + algorithm);
        }
        return scheme;
    }

    @Override
    public boolean supports(AsymmetricAlgorithm algorithm) {
        return schemes.containsKey(algorithm);
    }

    @Override
    public BackendKeyPair generateKeyPair(AsymmetricAlgorithm algorithm) {
        KeyScheme scheme = scheme(algorithm);
        return new SoftKeyPair(scheme, scheme.generate());
    }

    @Override
    public BackendKeyPair importKeyPair(
            AsymmetricAlgorithm algorithm, KeyPairEncoding encoding, byte[] encoded) {
        KeyScheme scheme = scheme(algorithm);
        return new SoftKeyPair(scheme, scheme.decodeKeyPair(encoding, encoded));
    }

    @Override
    public BackendPublicKey importPublicKey(
            AsymmetricAlgorithm algorithm, PublicKeyEncoding encoding, byte[] encoded) {
        KeyScheme scheme = scheme(algorithm);
        return new SoftPublicKey(scheme, scheme.decodePublic(encoding, encoded));
    }

    @Override
    public BackendSecretKey importSecretKey(
            AsymmetricAlgorithm algorithm, SecretKeyEncoding encoding, byte[] encoded) {
        KeyScheme scheme = scheme(algorithm);
        return new SoftSecretKey(scheme, scheme.decodePrivate(encoding, encoded));
    }

    @Override
    public BackendKeyPair keyPair(
            AsymmetricAlgorithm algorithm, BackendPublicKey publicKey, BackendSecretKey secretKey) {
        KeyScheme scheme = scheme(algorithm);
        AsymmetricKeyParameter publicPart = publicOf(publicKey).key;
        SoftSecretKey secret = secretOf(secretKey);
        AsymmetricKeyParameter privatePart = secret.key();
        if (!scheme.samePublic(publicPart, scheme.publicOf(privatePart))) {
            throw new CryptoException(
                    CryptoErrno.INCOMPATIBLE_KEYS, "the public key does not match the secret key");
        }
        // A managed (non-extractable) secret key keeps its protection inside the joined pair.
        return new SoftKeyPair(
                scheme, new AsymmetricKeyParameter[] {publicPart, privatePart}, secret.extractable);
    }

    @Override
    public void verifyPublicKey(AsymmetricAlgorithm algorithm, BackendPublicKey publicKey) {
        scheme(algorithm).checkPublic(publicOf(publicKey).key);
    }

    static SoftPublicKey publicOf(BackendPublicKey key) {
        if (key instanceof SoftPublicKey) {
            return (SoftPublicKey) key;
        }
        throw KeyErrors.invalidKey("not a software-backend public key");
    }

    static SoftSecretKey secretOf(BackendSecretKey key) {
        if (key instanceof SoftSecretKey) {
            return (SoftSecretKey) key;
        }
        throw KeyErrors.invalidKey("not a software-backend secret key");
    }

    static SoftKeyPair keyPairOf(BackendKeyPair key) {
        if (key instanceof SoftKeyPair) {
            return (SoftKeyPair) key;
        }
        throw KeyErrors.invalidKey("not a software-backend key pair");
    }
}
