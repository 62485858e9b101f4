package io.cryptobridge.conformance.asym;

import io.cryptobridge.pkcs11.SoftHsmToken;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * conformance's Wycheproof signature vectors (Ed25519, ECDSA P-256/P-384/K-256, RSA PKCS#1 and PSS)
 * through the ABI on a host with the HSM first: every algorithm is served by the PKCS#11 backend
 * (public key import and verification through its delegation to the software code), with the same
 * expected tallies as on the software host.
 */
class HsmWycheproofSignaturesAbiTest extends WycheproofSignaturesAbiTest {
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
        if (hsmHost != null) {
            hsmHost.close();
        }
    }
}
