package io.cryptobridge.software;

import io.cryptobridge.CryptoErrno;
import io.cryptobridge.CryptoException;
import io.cryptobridge.kx.KxAlgorithm;
import io.cryptobridge.spi.BackendPublicKey;
import io.cryptobridge.spi.BackendSecretKey;
import io.cryptobridge.spi.KeyExchangePrimitives;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.EnumMap;
import java.util.Map;
import org.bouncycastle.crypto.EncapsulatedSecretExtractor;
import org.bouncycastle.crypto.SecretWithEncapsulation;
import org.bouncycastle.crypto.agreement.ECDHBasicAgreement;
import org.bouncycastle.crypto.kems.MLKEMExtractor;
import org.bouncycastle.crypto.kems.MLKEMGenerator;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.MLKEMParameters;
import org.bouncycastle.crypto.params.MLKEMPrivateKeyParameters;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.X25519PublicKeyParameters;
import org.bouncycastle.pqc.crypto.xwing.XWingKEMExtractor;
import org.bouncycastle.pqc.crypto.xwing.XWingKEMGenerator;
import org.bouncycastle.pqc.crypto.xwing.XWingPrivateKeyParameters;
import org.bouncycastle.util.BigIntegers;

/**
 * Key exchange in software, all BouncyCastle lightweight API: X25519, ECDH on P-256/P-384 (the
 * shared secret is the raw x-coordinate, no KDF applied), ML-KEM-512/768/1024 and X-Wing (JDK 17
 * has no ML-KEM).
 */
final class SoftwareKeyExchange extends SoftwareAsymmetricKeys implements KeyExchangePrimitives {
    private final SecureRandom random;

    SoftwareKeyExchange(SecureRandom random) {
        super(schemes(random));
        this.random = random;
    }

    private static Map<KxAlgorithm, KeyScheme> schemes(SecureRandom random) {
        Map<KxAlgorithm, KeyScheme> schemes = new EnumMap<>(KxAlgorithm.class);
        schemes.put(KxAlgorithm.X25519, new X25519Keys(random));
        schemes.put(KxAlgorithm.P256_SHA256, new EcKeys(KxAlgorithm.P256_SHA256.curve(), random));
        schemes.put(KxAlgorithm.P384_SHA384, new EcKeys(KxAlgorithm.P384_SHA384.curve(), random));
        schemes.put(KxAlgorithm.ML_KEM_512, new MlKemKeys(MLKEMParameters.ml_kem_512, random));
        schemes.put(KxAlgorithm.ML_KEM_768, new MlKemKeys(MLKEMParameters.ml_kem_768, random));
        schemes.put(KxAlgorithm.ML_KEM_1024, new MlKemKeys(MLKEMParameters.ml_kem_1024, random));
        schemes.put(KxAlgorithm.X_WING, new XWingKeys(random));
        return schemes;
    }

    @Override
    public byte[] dh(KxAlgorithm algorithm, BackendPublicKey peer, BackendSecretKey own) {
        AsymmetricKeyParameter peerKey = publicOf(peer).key;
        AsymmetricKeyParameter ownKey = secretOf(own).key();
        if (algorithm == KxAlgorithm.X25519) {
            byte[] secret = new byte[algorithm.sharedSecretLength()];
            try {
                ((X25519PrivateKeyParameters) ownKey)
                        .generateSecret((X25519PublicKeyParameters) peerKey, secret, 0);
            } catch (IllegalStateException e) {
                // BouncyCastle refuses the all-zero result of a low-order peer point.
                throw KeyErrors.invalidKey("the peer's X25519 key is of low order", e);
            }
            return secret;
        }
        ECDHBasicAgreement agreement = new ECDHBasicAgreement();
        agreement.init((ECPrivateKeyParameters) ownKey);
        BigInteger x;
        try {
            x = agreement.calculateAgreement((ECPublicKeyParameters) peerKey);
        } catch (IllegalStateException e) {
            throw KeyErrors.invalidKey("ECDH with the peer's key failed", e);
        }
        return BigIntegers.asUnsignedByteArray(algorithm.sharedSecretLength(), x);
    }

    @Override
    public Encapsulation encapsulate(KxAlgorithm algorithm, BackendPublicKey publicKey) {
        AsymmetricKeyParameter key = publicOf(publicKey).key;
        SecretWithEncapsulation result =
                algorithm == KxAlgorithm.X_WING
                        ? new XWingKEMGenerator(random).generateEncapsulated(key)
                        : new MLKEMGenerator(random).generateEncapsulated(key);
        return new Encapsulation(result.getSecret(), result.getEncapsulation());
    }

    @Override
    public byte[] decapsulate(
            KxAlgorithm algorithm, BackendSecretKey secretKey, byte[] ciphertext) {
        AsymmetricKeyParameter key = secretOf(secretKey).key();
        EncapsulatedSecretExtractor extractor =
                algorithm == KxAlgorithm.X_WING
                        ? new XWingKEMExtractor((XWingPrivateKeyParameters) key)
                        : new MLKEMExtractor((MLKEMPrivateKeyParameters) key);
        try {
            return extractor.extractSecret(ciphertext);
        } catch (IllegalArgumentException e) {
            throw new CryptoException(
                    CryptoErrno.VERIFICATION_FAILED, algorithm + " rejected the ciphertext", e);
        }
    }
}
