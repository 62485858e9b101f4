package io.cryptobridge.pkcs11;

import io.cryptobridge.symmetric.SymmetricAlgorithm;
import java.util.Map;
import java.util.Optional;
import sun.security.pkcs11.wrapper.PKCS11Constants;

/**
 * Which PKCS#11 mechanisms serve which wasi-crypto algorithm in this backend, as data. An algorithm
 * missing here (ChaCha20-Poly1305, XChaCha20-Poly1305, HKDF) is not implemented on the token,
 * whatever the token offers, so the router sends it to the next backend.
 */
final class MechanismMap {

    /**
     * @param operation the mechanism that does the work
     * @param operationFlag the {@code CKF_*} usage the mechanism must report
     * @param keyGeneration the mechanism that makes keys, or -1 for keyless algorithms
     * @param keyLength the key length that must lie in both mechanisms' ranges (bytes), or 0 when
     *     any length is acceptable (HMAC: short keys are padded, see {@link VendorQuirks})
     * @param blockSize the hash block size for HMAC key shaping, else 0
     */
    record Mechanisms(
            long operation, long operationFlag, long keyGeneration, int keyLength, int blockSize) {}

    private static final Map<SymmetricAlgorithm, Mechanisms> BY_ALGORITHM =
            Map.of(
                    SymmetricAlgorithm.SHA_256, digest(PKCS11Constants.CKM_SHA256),
                    SymmetricAlgorithm.SHA_384, digest(PKCS11Constants.CKM_SHA384),
                    SymmetricAlgorithm.SHA_512, digest(PKCS11Constants.CKM_SHA512),
                    SymmetricAlgorithm.SHA_512_256, digest(PKCS11Constants.CKM_SHA512_256),
                    SymmetricAlgorithm.HMAC_SHA_256, hmac(PKCS11Constants.CKM_SHA256_HMAC, 64),
                    SymmetricAlgorithm.HMAC_SHA_512, hmac(PKCS11Constants.CKM_SHA512_HMAC, 128),
                    SymmetricAlgorithm.AES_128_GCM, aesGcm(16),
                    SymmetricAlgorithm.AES_256_GCM, aesGcm(32));

    private MechanismMap() {}

    static Optional<Mechanisms> of(SymmetricAlgorithm algorithm) {
        return Optional.ofNullable(BY_ALGORITHM.get(algorithm));
    }

    /** The mechanism name for logs and docs, e.g. {@code CKM_AES_GCM}. */
    static String name(long mechanism) {
        return sun.security.pkcs11.wrapper.Functions.getMechanismName(mechanism);
    }

    private static Mechanisms digest(long mechanism) {
        return new Mechanisms(mechanism, PKCS11Constants.CKF_DIGEST, -1, 0, 0);
    }

    private static Mechanisms hmac(long mechanism, int blockSize) {
        return new Mechanisms(
                mechanism,
                PKCS11Constants.CKF_SIGN,
                PKCS11Constants.CKM_GENERIC_SECRET_KEY_GEN,
                0,
                blockSize);
    }

    private static Mechanisms aesGcm(int keyLength) {
        return new Mechanisms(
                PKCS11Constants.CKM_AES_GCM,
                PKCS11Constants.CKF_ENCRYPT | PKCS11Constants.CKF_DECRYPT,
                PKCS11Constants.CKM_AES_KEY_GEN,
                keyLength,
                0);
    }
}
