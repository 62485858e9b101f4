package io.cryptobridge.signatures;

import io.cryptobridge.AlgorithmType;
import io.cryptobridge.CryptoErrno;
import io.cryptobridge.CryptoException;
import io.cryptobridge.asymmetric.AsymmetricAlgorithm;
import io.cryptobridge.asymmetric.Curve;
import java.util.Locale;

/**
 * The immutable spec of every signature algorithm cryptobridge knows: its scheme, hash, curve or
 * modulus size, and the length of a raw signature. Names are parsed once, case-insensitively.
 */
public enum SignatureAlgorithm implements AsymmetricAlgorithm {
    RSA_PKCS1_2048_SHA256(Scheme.RSA_PKCS1, "SHA-256", 32, null, 2048),
    RSA_PKCS1_2048_SHA384(Scheme.RSA_PKCS1, "SHA-384", 48, null, 2048),
    RSA_PKCS1_2048_SHA512(Scheme.RSA_PKCS1, "SHA-512", 64, null, 2048),
    RSA_PKCS1_3072_SHA384(Scheme.RSA_PKCS1, "SHA-384", 48, null, 3072),
    RSA_PKCS1_3072_SHA512(Scheme.RSA_PKCS1, "SHA-512", 64, null, 3072),
    RSA_PKCS1_4096_SHA512(Scheme.RSA_PKCS1, "SHA-512", 64, null, 4096),
    RSA_PSS_2048_SHA256(Scheme.RSA_PSS, "SHA-256", 32, null, 2048),
    RSA_PSS_2048_SHA384(Scheme.RSA_PSS, "SHA-384", 48, null, 2048),
    RSA_PSS_2048_SHA512(Scheme.RSA_PSS, "SHA-512", 64, null, 2048),
    RSA_PSS_3072_SHA384(Scheme.RSA_PSS, "SHA-384", 48, null, 3072),
    RSA_PSS_3072_SHA512(Scheme.RSA_PSS, "SHA-512", 64, null, 3072),
    RSA_PSS_4096_SHA512(Scheme.RSA_PSS, "SHA-512", 64, null, 4096),
    ECDSA_P256_SHA256(Scheme.ECDSA, "SHA-256", 32, Curve.P256, 0),
    ECDSA_P384_SHA384(Scheme.ECDSA, "SHA-384", 48, Curve.P384, 0),
    ECDSA_K256_SHA256(Scheme.ECDSA, "SHA-256", 32, Curve.SECP256K1, 0),
    ED25519(Scheme.EDDSA, null, 0, Curve.ED25519, 0);

    /** The signature schemes, which decide encodings and how a state absorbs its input. */
    public enum Scheme {
        RSA_PKCS1,
        RSA_PSS,
        ECDSA,
        EDDSA
    }

    private final Scheme scheme;
    private final String hashName;
    private final int hashLength;
    private final Curve curve;
    private final int modulusBits;

    SignatureAlgorithm(
            Scheme scheme, String hashName, int hashLength, Curve curve, int modulusBits) {
        this.scheme = scheme;
        this.hashName = hashName;
        this.hashLength = hashLength;
        this.curve = curve;
        this.modulusBits = modulusBits;
    }

    /** Parses a wasi-crypto name case-insensitively; unknown names are unsupported_algorithm. */
    public static SignatureAlgorithm parse(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        for (SignatureAlgorithm a : values()) {
            if (a.name().equals(upper)) {
                return a;
            }
        }
        throw new CryptoException(
                CryptoErrno.UNSUPPORTED_ALGORITHM, "unknown signature algorithm: " + name);
    }

    @Override
    public String specName() {
        return this == ED25519 ? "Ed25519" : name();
    }

    @Override
    public AlgorithmType type() {
        return AlgorithmType.SIGNATURES;
    }

    public Scheme scheme() {
        return scheme;
    }

    /** The JCA name of the message hash; null for Ed25519, which hashes internally. */
    public String hashName() {
        return hashName;
    }

    /** Digest length of {@link #hashName()}, also the PSS salt length; 0 for Ed25519. */
    public int hashLength() {
        return hashLength;
    }

    /** The curve of ECDSA and EdDSA keys; null for RSA. */
    public Curve curve() {
        return curve;
    }

    /** The exact RSA modulus size the name promises; 0 for the others. */
    public int modulusBits() {
        return modulusBits;
    }

    public boolean isRsa() {
        return scheme == Scheme.RSA_PKCS1 || scheme == Scheme.RSA_PSS;
    }

    /**
     * Whether the scheme needs the whole message at once (EdDSA hashes it twice), so a state
     * buffers it under the session's cap.
     */
    public boolean buffersMessage() {
        return scheme == Scheme.EDDSA;
    }

    /** Length of a raw signature: modulus bytes, r‖s, or 64 for Ed25519. */
    public int signatureLength() {
        switch (scheme) {
            case RSA_PKCS1:
            case RSA_PSS:
                return modulusBits / 8;
            case ECDSA:
                return 2 * curve.scalarLength();
            default:
                return 64;
        }
    }

    @Override
    public String toString() {
        return specName();
    }
}
