package io.cryptobridge.signatures;

import io.cryptobridge.CryptoErrno;
import io.cryptobridge.CryptoException;

/**
 * A signature of a known algorithm, held in its raw form (r‖s for ECDSA, 64 bytes for Ed25519, the
 * modulus size for RSA). DER is accepted and produced for ECDSA only.
 */
public final class Signature {
    private final SignatureAlgorithm algorithm;
    private final byte[] raw;

    public Signature(SignatureAlgorithm algorithm, byte[] raw) {
        this.algorithm = algorithm;
        this.raw = raw.clone();
    }

    /** Decodes an imported signature; invalid_signature when it cannot be one of the algorithm. */
    public static Signature decode(
            SignatureAlgorithm algorithm, byte[] encoded, SignatureEncoding encoding) {
        byte[] raw;
        if (encoding == SignatureEncoding.DER) {
            requireDerCapable(algorithm);
            raw = DerSignature.toRaw(encoded, algorithm.curve().scalarLength());
        } else {
            raw = encoded;
        }
        if (raw.length != algorithm.signatureLength()) {
            throw new CryptoException(
                    CryptoErrno.INVALID_SIGNATURE,
                    algorithm
                            + " signatures are "
                            + algorithm.signatureLength()
                            + " bytes, not "
                            + raw.length);
        }
        return new Signature(algorithm, raw);
    }

    public SignatureAlgorithm algorithm() {
        return algorithm;
    }

    /** A copy of the raw signature. */
    public byte[] raw() {
        return raw.clone();
    }

    public byte[] export(SignatureEncoding encoding) {
        if (encoding == SignatureEncoding.DER) {
            requireDerCapable(algorithm);
            return DerSignature.fromRaw(raw);
        }
        return raw.clone();
    }

    private static void requireDerCapable(SignatureAlgorithm algorithm) {
        if (algorithm.scheme() != SignatureAlgorithm.Scheme.ECDSA) {
            throw new CryptoException(
                    CryptoErrno.UNSUPPORTED_ENCODING, algorithm + " signatures have no DER form");
        }
    }

    @Override
    public String toString() {
        return "Signature[" + algorithm + ", " + raw.length + " bytes]";
    }
}
