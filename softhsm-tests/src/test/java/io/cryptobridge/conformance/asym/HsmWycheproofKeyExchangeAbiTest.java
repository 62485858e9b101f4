package io.cryptobridge.conformance.asym;

import io.cryptobridge.pkcs11.SoftHsmToken;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * conformance's Wycheproof key-exchange vectors through the ABI on a host with the HSM first: ECDH
 * P-256/P-384 secret keys are imported into the token and the shared secret is derived there;
 * X25519 and the KEMs fall back to software by capability.
 */
class HsmWycheproofKeyExchangeAbiTest extends WycheproofKeyExchangeAbiTest {
    @RegisterExtension static final SoftHsmToken TOKEN = new SoftHsmToken();

    private static HsmHost hsmHost;

    /** Hides the superclass's: the guest runs on the HSM host. */
    @BeforeAll
    static void startGuest() {
        hsmHost = new HsmHost(TOKEN);
        guest = new AsymReactor(hsmHost.runner());
    }

    /** Hides the superclass's. */
    @AfterAll
    static void stopGuest() {
        if (guest != null) {
            guest.close();
        }
        if (hsmHost != null) {
            hsmHost.close();
        }
    }
}
