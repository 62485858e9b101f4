package io.cryptobridge.pkcs11;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cryptobridge.symmetric.SymmetricAlgorithm;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import sun.security.pkcs11.wrapper.PKCS11Constants;

/** The capability rules on made-up mechanism lists (no token needed). */
class OfflineCapabilityTableTest {
    private static final long ENC_DEC = PKCS11Constants.CKF_ENCRYPT | PKCS11Constants.CKF_DECRYPT;

    @Test
    void from_aesGcmOnlyFor16ByteKeys_servesAes128Only() {
        CapabilityTable table =
                CapabilityTable.from(
                        Map.of(
                                PKCS11Constants.CKM_AES_GCM, info(16, 16, ENC_DEC),
                                PKCS11Constants.CKM_AES_KEY_GEN,
                                        info(16, 32, PKCS11Constants.CKF_GENERATE)));

        assertEquals(Set.of(SymmetricAlgorithm.AES_128_GCM), table.algorithms());
    }

    @Test
    void from_hmacWithoutKeyGeneration_isNotServed() {
        CapabilityTable table =
                CapabilityTable.from(
                        Map.of(
                                PKCS11Constants.CKM_SHA256_HMAC,
                                info(32, 512, PKCS11Constants.CKF_SIGN)));

        assertFalse(table.supports(SymmetricAlgorithm.HMAC_SHA_256));
    }

    @Test
    void from_digestWithoutDigestFlag_isNotServed() {
        CapabilityTable table =
                CapabilityTable.from(
                        Map.of(
                                PKCS11Constants.CKM_SHA256, info(0, 0, PKCS11Constants.CKF_DIGEST),
                                PKCS11Constants.CKM_SHA512, info(0, 0, 0)));

        assertTrue(table.supports(SymmetricAlgorithm.SHA_256));
        assertFalse(table.supports(SymmetricAlgorithm.SHA_512));
    }

    private static CapabilityTable.MechanismInfo info(long min, long max, long flags) {
        return new CapabilityTable.MechanismInfo(min, max, flags);
    }
}
