package io.cryptobridge.symmetric;

import io.cryptobridge.CryptoErrno;
import io.cryptobridge.CryptoException;

/**
 * Enforces that one (key, nonce) pair seals at most one message. It is shared by an AEAD state and
 * all its clones, so cloning a state never yields a second encryption under the same nonce. A nonce
 * that already opened a message (so the peer used it) never seals one.
 */
final class NonceGuard {
    private enum Use {
        FRESH,
        SEALED,
        OPENED
    }

    private Use use = Use.FRESH;

    synchronized void beforeSeal() {
        if (use != Use.FRESH) {
            throw new CryptoException(
                    CryptoErrno.NONCE_REQUIRED,
                    "this nonce was already used; open a new state with a fresh nonce");
        }
        use = Use.SEALED;
    }

    synchronized void beforeOpen() {
        if (use == Use.FRESH) {
            use = Use.OPENED;
        }
    }
}
