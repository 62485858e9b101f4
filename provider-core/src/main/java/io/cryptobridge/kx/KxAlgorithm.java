package io.cryptobridge.kx;

import io.cryptobridge.AlgorithmType;
import io.cryptobridge.CryptoErrno;
import io.cryptobridge.CryptoException;
import io.cryptobridge.asymmetric.AsymmetricAlgorithm;
import io.cryptobridge.asymmetric.Curve;
import java.util.Locale;

/**
 * The immutable spec of every key-exchange algorithm: Diffie-Hellman or KEM, its curve or parameter
 * set, and the sizes of what it produces. Names are parsed once, case-insensitively.
 */
public enum KxAlgorithm implements AsymmetricAlgorithm {
    X25519("X25519", Kind.DH, Curve.X25519, 32, 0),
    P256_SHA256("P256-SHA256", Kind.DH, Curve.P256, 32, 0),
    P384_SHA384("P384-SHA384", Kind.DH, Curve.P384, 48, 0),
    ML_KEM_512("ML-KEM-512", Kind.KEM, null, 32, 768),
    ML_KEM_768("ML-KEM-768", Kind.KEM, null, 32, 1088),
    ML_KEM_1024("ML-KEM-1024", Kind.KEM, null, 32, 1568),
    X_WING("X-WING", Kind.KEM, null, 32, 1120);

    /** Whether the algorithm agrees on a secret (DH) or encapsulates one (KEM). */
    public enum Kind {
        DH,
        KEM
    }

    private final String specName;
    private final Kind kind;
    private final Curve curve;
    private final int sharedSecretLength;
    private final int ciphertextLength;

    KxAlgorithm(
            String specName, Kind kind, Curve curve, int sharedSecretLength, int ciphertextLength) {
        this.specName = specName;
        this.kind = kind;
        this.curve = curve;
        this.sharedSecretLength = sharedSecretLength;
        this.ciphertextLength = ciphertextLength;
    }

    /** Parses a wasi-crypto name case-insensitively; unknown names are unsupported_algorithm. */
    public static KxAlgorithm parse(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        for (KxAlgorithm a : values()) {
            if (a.specName.equals(upper)) {
                return a;
            }
        }
        throw new CryptoException(
                CryptoErrno.UNSUPPORTED_ALGORITHM, "unknown key-exchange algorithm: " + name);
    }

    @Override
    public String specName() {
        return specName;
    }

    @Override
    public AlgorithmType type() {
        return AlgorithmType.KEY_EXCHANGE;
    }

    public Kind kind() {
        return kind;
    }

    /** The curve of a DH algorithm; null for the KEMs. */
    public Curve curve() {
        return curve;
    }

    /**
     * Length of the shared secret: 32 for X25519 and the KEMs; the x-coordinate (32/48) for ECDH.
     */
    public int sharedSecretLength() {
        return sharedSecretLength;
    }

    /** Length of a KEM ciphertext; 0 for DH. */
    public int ciphertextLength() {
        return ciphertextLength;
    }

    @Override
    public String toString() {
        return specName;
    }
}
