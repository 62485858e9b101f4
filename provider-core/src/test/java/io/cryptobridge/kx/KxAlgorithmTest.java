package io.cryptobridge.kx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cryptobridge.CryptoErrno;
import io.cryptobridge.CryptoException;
import org.junit.jupiter.api.Test;

class KxAlgorithmTest {

    @Test
    void parse_anyCase_findsAlgorithm() {
        assertEquals(KxAlgorithm.X_WING, KxAlgorithm.parse("x-wing"));
        assertEquals(KxAlgorithm.P256_SHA256, KxAlgorithm.parse("p256-sha256"));
        assertEquals(KxAlgorithm.ML_KEM_1024, KxAlgorithm.parse("ML-KEM-1024"));
    }

    @Test
    void parse_retiredKyberOrSignatureName_failsUnsupportedAlgorithm() {
        for (String name : new String[] {"Kyber-1024", "Ed25519", "X448"}) {
            assertEquals(
                    CryptoErrno.UNSUPPORTED_ALGORITHM,
                    assertThrows(CryptoException.class, () -> KxAlgorithm.parse(name)).errno());
        }
    }
}
