package io.cryptobridge.pkcs11;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.cryptobridge.CryptoHost;
import io.cryptobridge.software.SoftwareBackend;
import io.cryptobridge.symmetric.SymmetricAlgorithm;
import java.security.SecureRandom;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What SoftHSM 2.6.1 offers, as java-stack.md §1 lists it. */
class CapabilityTableTest {
    @RegisterExtension static final SoftHsmToken TOKEN = new SoftHsmToken();

    private static Pkcs11Backend hsm;

    @BeforeAll
    static void openBackend() {
        hsm = TOKEN.open();
    }

    @AfterAll
    static void closeBackend() {
        hsm.close();
    }

    @Test
    void probe_softHsm_servesShaTwoHmacAndAesGcm() {
        assertEquals(
                Set.of(
                        SymmetricAlgorithm.SHA_256,
                        SymmetricAlgorithm.SHA_384,
                        SymmetricAlgorithm.SHA_512,
                        SymmetricAlgorithm.HMAC_SHA_256,
                        SymmetricAlgorithm.HMAC_SHA_512,
                        SymmetricAlgorithm.AES_128_GCM,
                        SymmetricAlgorithm.AES_256_GCM),
                hsm.capabilities().algorithms());
    }

    @Test
    void probe_softHsm_hmacMinimumIsTheDigestLength() {
        CapabilityTable table = hsm.capabilities();

        assertEquals(32, table.capability(SymmetricAlgorithm.HMAC_SHA_256).minKeyLength());
        assertEquals(64, table.capability(SymmetricAlgorithm.HMAC_SHA_512).minKeyLength());
    }

    @ParameterizedTest
    @EnumSource(
            names = {
                "SHA_512_256",
                "CHACHA20_POLY1305",
                "XCHACHA20_POLY1305",
                "HKDF_EXTRACT_SHA_256",
                "HKDF_EXPAND_SHA_512"
            })
    void supports_missingOnSoftHsm_isFalse(SymmetricAlgorithm algorithm) {
        assertFalse(hsm.symmetric().orElseThrow().supports(algorithm));
    }

    @Test
    void router_hsmFirst_sendsWhatTheTokenLacksToSoftware() {
        SoftwareBackend soft = new SoftwareBackend("soft", new SecureRandom());
        CryptoHost host = CryptoHost.builder().backend(hsm).backend(soft).build();

        assertSame(
                hsm.symmetric().orElseThrow(),
                host.router().symmetric(SymmetricAlgorithm.AES_256_GCM));
        assertSame(
                soft.symmetric().orElseThrow(),
                host.router().symmetric(SymmetricAlgorithm.CHACHA20_POLY1305));
        assertSame(
                soft.symmetric().orElseThrow(),
                host.router().symmetric(SymmetricAlgorithm.HKDF_EXTRACT_SHA_256));
    }
}
