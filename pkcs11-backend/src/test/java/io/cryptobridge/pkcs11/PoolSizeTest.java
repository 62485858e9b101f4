package io.cryptobridge.pkcs11;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The pool never asks the token for more sessions than it allows. */
class PoolSizeTest {
    @Test
    void poolSize_tokenWithoutLimit_isTheConfiguredSize() {
        assertEquals(8, Pkcs11Backend.poolSize(8, token(0, 0)));
        assertEquals(8, Pkcs11Backend.poolSize(8, token(-1, -1)));
    }

    @Test
    void poolSize_smallTokenLimit_leavesTwoSessionsFree() {
        assertEquals(2, Pkcs11Backend.poolSize(8, token(4, 0)));
        assertEquals(3, Pkcs11Backend.poolSize(8, token(16, 5)));
    }

    @Test
    void poolSize_tinyTokenLimit_keepsOneSession() {
        assertEquals(1, Pkcs11Backend.poolSize(8, token(2, 2)));
    }

    private static Pkcs11Token.TokenDescription token(long maxSessions, long maxRwSessions) {
        return new Pkcs11Token.TokenDescription(
                "t", "m", "model", "s", 0, maxSessions, maxRwSessions);
    }
}
