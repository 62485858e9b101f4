package io.cryptobridge.pkcs11;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cryptobridge.CryptoErrno;
import io.cryptobridge.CryptoException;
import io.cryptobridge.asymmetric.AsymmetricAlgorithm;
import io.cryptobridge.asymmetric.Curve;
import io.cryptobridge.kx.KxAlgorithm;
import io.cryptobridge.signatures.SignatureAlgorithm;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import sun.security.pkcs11.wrapper.PKCS11Constants;

/** The asymmetric capability rules and key-material parsing on made-up inputs (no token). */
class OfflineAsymmetricCapabilitiesTest {
    private static final long SIGN = PKCS11Constants.CKF_SIGN | PKCS11Constants.CKF_VERIFY;
    private static final long GEN = PKCS11Constants.CKF_GENERATE_KEY_PAIR;

    @Test
    void from_ecdsaOnlyAndK256Refused_servesNistCurvesOnce() {
        List<Curve> probed = new ArrayList<>();
        AsymmetricCapabilities table =
                AsymmetricCapabilities.from(
                        Map.of(
                                PKCS11Constants.CKM_ECDSA, info(256, 521, SIGN),
                                PKCS11Constants.CKM_EC_KEY_PAIR_GEN, info(256, 521, GEN)),
                        m -> {
                            probed.add(m.curve());
                            return m.curve() != Curve.SECP256K1;
                        });

        assertEquals(
                Set.of(SignatureAlgorithm.ECDSA_P256_SHA256, SignatureAlgorithm.ECDSA_P384_SHA384),
                table.algorithms());
        assertEquals(List.of(Curve.P256, Curve.P384, Curve.SECP256K1), probed, "once per curve");
    }

    @Test
    void from_rsaRangeUpTo3072_servesNo4096Names() {
        AsymmetricCapabilities table =
                AsymmetricCapabilities.from(
                        Map.of(
                                PKCS11Constants.CKM_RSA_PKCS, info(1024, 3072, SIGN),
                                PKCS11Constants.CKM_RSA_PKCS_KEY_PAIR_GEN, info(1024, 3072, GEN)),
                        m -> true);

        Set<AsymmetricAlgorithm> expected =
                Set.of(
                        SignatureAlgorithm.RSA_PKCS1_2048_SHA256,
                        SignatureAlgorithm.RSA_PKCS1_2048_SHA384,
                        SignatureAlgorithm.RSA_PKCS1_2048_SHA512,
                        SignatureAlgorithm.RSA_PKCS1_3072_SHA384,
                        SignatureAlgorithm.RSA_PKCS1_3072_SHA512);
        assertEquals(expected, table.algorithms());
    }

    @Test
    void from_ecdhWithoutDeriveFlag_isNotServed() {
        Map<Long, CapabilityTable.MechanismInfo> mechanisms = new HashMap<>();
        mechanisms.put(PKCS11Constants.CKM_ECDH1_DERIVE, info(256, 521, 0));
        mechanisms.put(PKCS11Constants.CKM_EC_KEY_PAIR_GEN, info(256, 521, GEN));
        assertEquals(Set.of(), AsymmetricCapabilities.from(mechanisms, m -> true).algorithms());

        mechanisms.put(
                PKCS11Constants.CKM_ECDH1_DERIVE, info(256, 521, PKCS11Constants.CKF_DERIVE));
        assertEquals(
                Set.of(KxAlgorithm.P256_SHA256, KxAlgorithm.P384_SHA384),
                AsymmetricCapabilities.from(mechanisms, m -> true).algorithms());
    }

    @Test
    void from_eddsaWithoutEdwardsKeyGeneration_isNotServed() {
        AsymmetricCapabilities table =
                AsymmetricCapabilities.from(
                        Map.of(PKCS11Constants.CKM_EDDSA, info(256, 456, SIGN)), m -> true);

        assertEquals(Set.of(), table.algorithms());
    }

    @Test
    void point_octetStringWrappedOrBare_sameBytes() {
        byte[] raw = new byte[32];
        raw[0] = 9;
        byte[] wrapped = new byte[34];
        wrapped[0] = 0x04;
        wrapped[1] = 32;
        System.arraycopy(raw, 0, wrapped, 2, 32);

        assertArrayEquals(raw, TokenKeyMaterial.point(wrapped, 32));
        assertArrayEquals(raw, TokenKeyMaterial.point(raw, 32));
        CryptoException e =
                assertThrows(CryptoException.class, () -> TokenKeyMaterial.point(new byte[33], 32));
        assertEquals(CryptoErrno.ALGORITHM_FAILURE, e.errno());
    }

    @Test
    void fixedLength_shortOrZeroPrefixedScalar_isPaddedOrStripped() {
        assertArrayEquals(
                new byte[] {0, 0, 1, 2}, TokenKeyMaterial.fixedLength(new byte[] {1, 2}, 4));
        assertArrayEquals(
                new byte[] {1, 2}, TokenKeyMaterial.fixedLength(new byte[] {0, 0, 1, 2}, 2));
    }

    @Test
    void curveOid_p256_isDerOid() {
        assertArrayEquals(
                new byte[] {0x06, 0x08, 0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 3, 1, 7},
                AsymmetricMechanismMap.curveOid(Curve.P256));
    }

    private static CapabilityTable.MechanismInfo info(long min, long max, long flags) {
        return new CapabilityTable.MechanismInfo(min, max, flags);
    }
}
