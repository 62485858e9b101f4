package io.cryptobridge.software;

import io.cryptobridge.asymmetric.Curve;
import io.cryptobridge.signatures.SignatureAlgorithm;
import io.cryptobridge.spi.BackendKeyPair;
import io.cryptobridge.spi.BackendPublicKey;
import io.cryptobridge.spi.SignaturePrimitives;
import io.cryptobridge.spi.SignerEngine;
import io.cryptobridge.spi.VerifierEngine;
import java.security.SecureRandom;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.params.RSAKeyParameters;

/**
 * Every signature algorithm of the spec, in software: BouncyCastle lightweight Ed25519, ECDSA
 * (P-256, P-384, secp256k1) and RSA (PKCS#1 v1.5 and PSS). Chosen by measurement; see
 * docs/asymmetric.md.
 */
final class SoftwareSignatures extends SoftwareAsymmetricKeys implements SignaturePrimitives {
    private final SecureRandom random;

    SoftwareSignatures(SecureRandom random) {
        super(schemes(random));
        this.random = random;
    }

    private static Map<SignatureAlgorithm, KeyScheme> schemes(SecureRandom random) {
        Map<Curve, KeyScheme> curves = new EnumMap<>(Curve.class);
        Map<Integer, KeyScheme> moduli = new HashMap<>();
        Map<SignatureAlgorithm, KeyScheme> schemes = new EnumMap<>(SignatureAlgorithm.class);
        for (SignatureAlgorithm algorithm : SignatureAlgorithm.values()) {
            switch (algorithm.scheme()) {
                case RSA_PKCS1:
                case RSA_PSS:
                    schemes.put(
                            algorithm,
                            moduli.computeIfAbsent(
                                    algorithm.modulusBits(), bits -> new RsaKeys(bits, random)));
                    break;
                case ECDSA:
                    schemes.put(
                            algorithm,
                            curves.computeIfAbsent(
                                    algorithm.curve(), curve -> new EcKeys(curve, random)));
                    break;
                case EDDSA:
                    schemes.put(algorithm, new Ed25519Keys(random));
                    break;
                default:
                    throw new IllegalStateException("unhandled scheme " + algorithm.scheme());
            }
        }
        return schemes;
    }

    @Override
    public SignerEngine newSigner(SignatureAlgorithm algorithm, BackendKeyPair keyPair) {
        SoftKeyPair pair = keyPairOf(keyPair);
        switch (algorithm.scheme()) {
            case EDDSA:
                return Ed25519Engines.signer((Ed25519PrivateKeyParameters) pair.privateKey());
            case ECDSA:
                return EcdsaEngines.signer(
                        (ECPrivateKeyParameters) pair.privateKey(),
                        algorithm.hashName(),
                        algorithm.curve().scalarLength());
            case RSA_PKCS1:
                return RsaEngines.pkcs1Signer(
                        (RSAKeyParameters) pair.privateKey(), algorithm.hashName(), random);
            case RSA_PSS:
                return RsaEngines.pssSigner(
                        (RSAKeyParameters) pair.privateKey(), algorithm.hashName(), random);
            default:
                throw new IllegalStateException("unhandled scheme " + algorithm.scheme());
        }
    }

    @Override
    public VerifierEngine newVerifier(SignatureAlgorithm algorithm, BackendPublicKey publicKey) {
        SoftPublicKey key = publicOf(publicKey);
        switch (algorithm.scheme()) {
            case EDDSA:
                return Ed25519Engines.verifier((Ed25519PublicKeyParameters) key.key);
            case ECDSA:
                return EcdsaEngines.verifier(
                        (ECPublicKeyParameters) key.key,
                        algorithm.hashName(),
                        algorithm.curve().scalarLength());
            case RSA_PKCS1:
                return RsaEngines.pkcs1Verifier((RSAKeyParameters) key.key, algorithm.hashName());
            case RSA_PSS:
                return RsaEngines.pssVerifier((RSAKeyParameters) key.key, algorithm.hashName());
            default:
                throw new IllegalStateException("unhandled scheme " + algorithm.scheme());
        }
    }
}
