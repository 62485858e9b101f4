package io.cryptobridge.conformance.asym;

import io.cryptobridge.CryptoHost;
import io.cryptobridge.SessionLimits;
import io.cryptobridge.conformance.GuestRunner;
import io.cryptobridge.pkcs11.Pkcs11Backend;
import io.cryptobridge.pkcs11.SoftHsmToken;
import io.cryptobridge.software.SoftwareBackend;
import java.security.SecureRandom;

/** A host with the SoftHSM backend first and software second, and a guest runner on it. */
final class HsmHost implements AutoCloseable {
    private final Pkcs11Backend hsm;
    private final CryptoHost host;
    private final GuestRunner runner;

    HsmHost(SoftHsmToken token) {
        this(token, SessionLimits.DEFAULT);
    }

    HsmHost(SoftHsmToken token, SessionLimits limits) {
        hsm = token.open();
        host =
                CryptoHost.builder()
                        .backend(hsm)
                        .backend(new SoftwareBackend("soft", new SecureRandom()))
                        .build();
        runner = GuestRunner.builder().host(host).limits(limits).build();
    }

    GuestRunner runner() {
        return runner;
    }

    @Override
    public void close() {
        runner.close();
        host.close();
        hsm.close();
    }
}
