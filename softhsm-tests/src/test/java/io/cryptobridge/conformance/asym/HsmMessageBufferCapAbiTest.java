package io.cryptobridge.conformance.asym;

import io.cryptobridge.SessionLimits;
import io.cryptobridge.pkcs11.SoftHsmToken;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * conformance's message-buffer cap tests with the HSM first: Ed25519 on the token buffers the whole
 * message under the session's cap (overflow past it, state unchanged), ECDSA on the token streams
 * through a running digest and is not capped.
 */
class HsmMessageBufferCapAbiTest extends MessageBufferCapAbiTest {
    @RegisterExtension static final SoftHsmToken TOKEN = new SoftHsmToken();

    private static HsmHost hsmHost;

    /** Hides the superclass's: same keys, but the guest runs on the HSM host. */
    @BeforeAll
    static void start() {
        MessageBufferCapAbiTest.start();
        guest.close();
        hsmHost = new HsmHost(TOKEN, new SessionLimits(4096, CAP));
        guest = new AsymReactor(hsmHost.runner());
    }

    /** Hides the superclass's. */
    @AfterAll
    static void stop() {
        MessageBufferCapAbiTest.stop();
        if (hsmHost != null) {
            hsmHost.close();
        }
    }
}
