package io.cryptobridge.pkcs11;

import io.cryptobridge.asymmetric.AsymmetricAlgorithm;
import io.cryptobridge.asymmetric.Curve;
import io.cryptobridge.kx.KxAlgorithm;
import io.cryptobridge.signatures.SignatureAlgorithm;
import java.util.Optional;
import sun.security.pkcs11.wrapper.PKCS11Constants;

/**
 * Which PKCS#11 mechanisms serve which asymmetric wasi-crypto algorithm, as data. Hashing for ECDSA
 * and RSA runs in the JVM (running digests make the spec's cumulative states cheap), so only the
 * raw mechanisms are needed: {@code CKM_ECDSA}, {@code CKM_RSA_PKCS} (over a DigestInfo), {@code
 * CKM_RSA_PKCS_PSS} (over the digest), {@code CKM_EDDSA}, {@code CKM_ECDH1_DERIVE}. Algorithms
 * missing here (X25519, ML-KEM, X-Wing) are never served by the token.
 */
final class AsymmetricMechanismMap {

    /** The PKCS#11 key type family. */
    enum KeyKind {
        EC,
        EDWARDS,
        RSA
    }

    /**
     * @param kind the key type
     * @param keyGeneration the key-pair generation mechanism
     * @param operation the mechanism that signs or derives
     * @param operationFlag the {@code CKF_*} usage {@code operation} must report
     * @param keyBits the key size that must lie in both mechanisms' ranges (bits)
     * @param curve the curve of EC and Edwards keys, else null
     * @param derive whether the private key derives (ECDH) instead of signing
     */
    record Mechanisms(
            KeyKind kind,
            long keyGeneration,
            long operation,
            long operationFlag,
            int keyBits,
            Curve curve,
            boolean derive) {

        /** {@code CKA_EC_PARAMS}: the curve's OID in DER. */
        byte[] curveParameters() {
            return curveOid(curve);
        }
    }

    private AsymmetricMechanismMap() {}

    static Optional<Mechanisms> of(AsymmetricAlgorithm algorithm) {
        if (algorithm instanceof SignatureAlgorithm) {
            return signature((SignatureAlgorithm) algorithm);
        }
        KxAlgorithm kx = (KxAlgorithm) algorithm;
        if (kx == KxAlgorithm.P256_SHA256 || kx == KxAlgorithm.P384_SHA384) {
            return Optional.of(
                    new Mechanisms(
                            KeyKind.EC,
                            PKCS11Constants.CKM_EC_KEY_PAIR_GEN,
                            PKCS11Constants.CKM_ECDH1_DERIVE,
                            PKCS11Constants.CKF_DERIVE,
                            kx.curve().scalarLength() * 8,
                            kx.curve(),
                            true));
        }
        return Optional.empty();
    }

    private static Optional<Mechanisms> signature(SignatureAlgorithm algorithm) {
        switch (algorithm.scheme()) {
            case ECDSA:
                return Optional.of(
                        signing(
                                KeyKind.EC,
                                PKCS11Constants.CKM_EC_KEY_PAIR_GEN,
                                PKCS11Constants.CKM_ECDSA,
                                algorithm.curve().scalarLength() * 8,
                                algorithm.curve()));
            case EDDSA:
                return Optional.of(
                        signing(
                                KeyKind.EDWARDS,
                                PKCS11Constants.CKM_EC_EDWARDS_KEY_PAIR_GEN,
                                PKCS11Constants.CKM_EDDSA,
                                256,
                                algorithm.curve()));
            case RSA_PKCS1:
                return Optional.of(
                        signing(
                                KeyKind.RSA,
                                PKCS11Constants.CKM_RSA_PKCS_KEY_PAIR_GEN,
                                PKCS11Constants.CKM_RSA_PKCS,
                                algorithm.modulusBits(),
                                null));
            case RSA_PSS:
                return Optional.of(
                        signing(
                                KeyKind.RSA,
                                PKCS11Constants.CKM_RSA_PKCS_KEY_PAIR_GEN,
                                PKCS11Constants.CKM_RSA_PKCS_PSS,
                                algorithm.modulusBits(),
                                null));
            default:
                return Optional.empty();
        }
    }

    private static Mechanisms signing(
            KeyKind kind, long generation, long operation, int bits, Curve curve) {
        return new Mechanisms(
                kind, generation, operation, PKCS11Constants.CKF_SIGN, bits, curve, false);
    }

    /** The DER OID of a curve, as {@code CKA_EC_PARAMS} carries it. */
    static byte[] curveOid(Curve curve) {
        switch (curve) {
            case P256: // 1.2.840.10045.3.1.7
                return new byte[] {0x06, 0x08, 0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 3, 1, 7};
            case P384: // 1.3.132.0.34
                return new byte[] {0x06, 0x05, 0x2b, (byte) 0x81, 0x04, 0x00, 0x22};
            case SECP256K1: // 1.3.132.0.10
                return new byte[] {0x06, 0x05, 0x2b, (byte) 0x81, 0x04, 0x00, 0x0a};
            case ED25519: // 1.3.101.112
                return new byte[] {0x06, 0x03, 0x2b, 0x65, 0x70};
            default:
                throw new IllegalArgumentException("no PKCS#11 curve for " + curve);
        }
    }
}
