package io.cryptobridge.software;

import io.cryptobridge.asymmetric.Curve;
import io.cryptobridge.asymmetric.KeyPairEncoding;
import io.cryptobridge.asymmetric.PublicKeyEncoding;
import io.cryptobridge.asymmetric.SecretKeyEncoding;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.util.BigIntegers;

/**
 * Keys on a short-Weierstrass curve (P-256, P-384, secp256k1), for ECDSA and ECDH alike. Public:
 * {@code sec} and {@code raw} both mean the SEC 1 point, compressed or uncompressed on import,
 * uncompressed on export; {@code pkcs8} is a SubjectPublicKeyInfo with the named curve. Secret and
 * pair: {@code raw}/{@code sec} is the big-endian scalar of the curve's length, {@code pkcs8} a
 * PKCS#8 PrivateKeyInfo.
 */
final class EcKeys implements KeyScheme {
    private final Curve curve;
    private final ECNamedDomainParameters domain;
    private final SecureRandom random;

    EcKeys(Curve curve, SecureRandom random) {
        this.curve = curve;
        X9ECParameters x9 = CustomNamedCurves.getByName(curve.standardName());
        this.domain =
                new ECNamedDomainParameters(CustomNamedCurves.getOID(curve.standardName()), x9);
        this.random = random;
    }

    @Override
    public AsymmetricKeyParameter[] generate() {
        ECKeyPairGenerator generator = new ECKeyPairGenerator();
        generator.init(new ECKeyGenerationParameters(domain, random));
        AsymmetricCipherKeyPair pair = generator.generateKeyPair();
        return new AsymmetricKeyParameter[] {pair.getPublic(), pair.getPrivate()};
    }

    @Override
    public AsymmetricKeyParameter decodePublic(PublicKeyEncoding encoding, byte[] encoded) {
        switch (encoding) {
            case RAW:
            case SEC:
                return point(encoded);
            case PKCS8:
                requireNamedCurve(spkiAlgorithm(encoded));
                ECPublicKeyParameters key = Asn1Keys.fromSpki(encoded, ECPublicKeyParameters.class);
                requireSameCurve(key.getParameters());
                return point(key.getQ().getEncoded(false));
            default:
                throw KeyErrors.unsupportedEncoding(curve.standardName(), encoding);
        }
    }

    /** A SEC 1 point of this curve: on the curve, not the identity, in the subgroup. */
    private ECPublicKeyParameters point(byte[] sec) {
        int coordinate = curve.scalarLength();
        boolean compressed = sec.length == 1 + coordinate && (sec[0] == 2 || sec[0] == 3);
        boolean uncompressed = sec.length == 1 + 2 * coordinate && sec[0] == 4;
        if (!compressed && !uncompressed) {
            throw KeyErrors.invalidKey("not a SEC 1 point of " + curve.standardName());
        }
        try {
            return new ECPublicKeyParameters(domain.getCurve().decodePoint(sec), domain);
        } catch (IllegalArgumentException e) {
            throw KeyErrors.invalidKey("not a valid point of " + curve.standardName(), e);
        }
    }

    /**
     * Only the named-curve form is accepted: explicit curve parameters (which Wycheproof uses for
     * wrong cofactors and generators) are invalid_key, whatever they contain.
     */
    private void requireNamedCurve(AlgorithmIdentifier algorithm) {
        ASN1Encodable parameters = algorithm.getParameters();
        if (!X9ObjectIdentifiers.id_ecPublicKey.equals(algorithm.getAlgorithm())
                || !(parameters instanceof ASN1ObjectIdentifier)
                || !parameters.equals(domain.getName())) {
            throw KeyErrors.invalidKey("the key does not name the curve " + curve.standardName());
        }
    }

    private static AlgorithmIdentifier spkiAlgorithm(byte[] der) {
        try {
            return SubjectPublicKeyInfo.getInstance(der).getAlgorithm();
        } catch (RuntimeException e) {
            throw KeyErrors.invalidKey("malformed SubjectPublicKeyInfo", e);
        }
    }

    private static AlgorithmIdentifier pkcs8Algorithm(byte[] der) {
        try {
            return PrivateKeyInfo.getInstance(der).getPrivateKeyAlgorithm();
        } catch (RuntimeException e) {
            throw KeyErrors.invalidKey("malformed PKCS#8 key", e);
        }
    }

    private void requireSameCurve(ECDomainParameters other) {
        boolean same =
                other.getN().equals(domain.getN())
                        && Arrays.equals(
                                other.getG().getEncoded(false), domain.getG().getEncoded(false))
                        // The whole curve (field, a, b) and the cofactor: explicit parameters
                        // that change only the cofactor are Wycheproof-invalid keys.
                        && other.getCurve().equals(domain.getCurve())
                        && java.util.Objects.equals(other.getH(), domain.getH());
        if (!same) {
            throw KeyErrors.invalidKey("the key is not on " + curve.standardName());
        }
    }

    @Override
    public AsymmetricKeyParameter decodePrivate(SecretKeyEncoding encoding, byte[] encoded) {
        switch (encoding) {
            case RAW:
            case SEC:
                return scalar(encoded);
            case PKCS8:
                return fromPkcs8(encoded);
            default:
                throw KeyErrors.unsupportedEncoding(curve.standardName(), encoding);
        }
    }

    private ECPrivateKeyParameters scalar(byte[] encoded) {
        KeyErrors.requireLength(
                encoded, curve.scalarLength(), "a " + curve.standardName() + " scalar");
        return checkedScalar(new BigInteger(1, encoded));
    }

    private ECPrivateKeyParameters checkedScalar(BigInteger d) {
        if (d.signum() <= 0 || d.compareTo(domain.getN()) >= 0) {
            throw KeyErrors.invalidKey("the scalar is outside [1, n-1]");
        }
        return new ECPrivateKeyParameters(d, domain);
    }

    private ECPrivateKeyParameters fromPkcs8(byte[] encoded) {
        requireNamedCurve(pkcs8Algorithm(encoded));
        ECPrivateKeyParameters key = Asn1Keys.fromPkcs8(encoded, ECPrivateKeyParameters.class);
        requireSameCurve(key.getParameters());
        return checkedScalar(key.getD());
    }

    @Override
    public AsymmetricKeyParameter[] decodeKeyPair(KeyPairEncoding encoding, byte[] encoded) {
        ECPrivateKeyParameters privateKey;
        switch (encoding) {
            case RAW:
                privateKey = scalar(encoded);
                break;
            case PKCS8:
                privateKey = fromPkcs8(encoded);
                break;
            default:
                throw KeyErrors.unsupportedEncoding(curve.standardName(), encoding);
        }
        return new AsymmetricKeyParameter[] {publicOf(privateKey), privateKey};
    }

    @Override
    public byte[] encodePublic(AsymmetricKeyParameter publicKey, PublicKeyEncoding encoding) {
        switch (encoding) {
            case RAW:
            case SEC:
                return ((ECPublicKeyParameters) publicKey).getQ().getEncoded(false);
            case PKCS8:
                return Asn1Keys.spki(publicKey);
            default:
                throw KeyErrors.unsupportedEncoding(curve.standardName(), encoding);
        }
    }

    @Override
    public byte[] encodePrivate(AsymmetricKeyParameter privateKey, SecretKeyEncoding encoding) {
        switch (encoding) {
            case RAW:
            case SEC:
                return scalarBytes(privateKey);
            case PKCS8:
                return Asn1Keys.pkcs8(privateKey);
            default:
                throw KeyErrors.unsupportedEncoding(curve.standardName(), encoding);
        }
    }

    private byte[] scalarBytes(AsymmetricKeyParameter privateKey) {
        return BigIntegers.asUnsignedByteArray(
                curve.scalarLength(), ((ECPrivateKeyParameters) privateKey).getD());
    }

    @Override
    public byte[] encodeKeyPair(
            AsymmetricKeyParameter publicKey,
            AsymmetricKeyParameter privateKey,
            KeyPairEncoding encoding) {
        switch (encoding) {
            case RAW:
                return scalarBytes(privateKey);
            case PKCS8:
                return Asn1Keys.pkcs8(privateKey);
            default:
                throw KeyErrors.unsupportedEncoding(curve.standardName(), encoding);
        }
    }

    @Override
    public AsymmetricKeyParameter publicOf(AsymmetricKeyParameter privateKey) {
        BigInteger d = ((ECPrivateKeyParameters) privateKey).getD();
        ECPoint q = new FixedPointCombMultiplier().multiply(domain.getG(), d).normalize();
        return new ECPublicKeyParameters(q, domain);
    }

    @Override
    public void checkPublic(AsymmetricKeyParameter publicKey) {
        try {
            domain.validatePublicPoint(((ECPublicKeyParameters) publicKey).getQ());
        } catch (IllegalArgumentException e) {
            throw KeyErrors.invalidKey("not a valid point of " + curve.standardName(), e);
        }
    }

    @Override
    public boolean samePublic(AsymmetricKeyParameter a, AsymmetricKeyParameter b) {
        return ((ECPublicKeyParameters) a)
                .getQ()
                .normalize()
                .equals(((ECPublicKeyParameters) b).getQ().normalize());
    }

    ECNamedDomainParameters domain() {
        return domain;
    }
}
