package io.cryptobridge.asymmetric;

/** The elliptic curves behind the signature and key-exchange algorithms. */
public enum Curve {
    P256("secp256r1", 32),
    P384("secp384r1", 48),
    SECP256K1("secp256k1", 32),
    ED25519("Ed25519", 32),
    X25519("X25519", 32);

    private final String standardName;
    private final int scalarLength;

    Curve(String standardName, int scalarLength) {
        this.standardName = standardName;
        this.scalarLength = scalarLength;
    }

    /** The SEC 2 / RFC name providers know the curve by (e.g. {@code secp256r1}). */
    public String standardName() {
        return standardName;
    }

    /** Bytes of a scalar or of one field element (a coordinate). */
    public int scalarLength() {
        return scalarLength;
    }

    /** Whether this is a short-Weierstrass curve (SEC 1 point and scalar encodings apply). */
    public boolean isWeierstrass() {
        return this == P256 || this == P384 || this == SECP256K1;
    }
}
