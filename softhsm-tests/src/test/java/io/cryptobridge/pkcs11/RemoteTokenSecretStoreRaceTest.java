package io.cryptobridge.pkcs11;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The two-process race of {@link StoreRace} through p11-kit: both writers load p11-kit's client,
 * and the server serves each connection from a SoftHSM process of its own.
 */
class RemoteTokenSecretStoreRaceTest {
    @RegisterExtension
    @Order(1)
    static final SoftHsmToken TOKEN = new SoftHsmToken();

    @RegisterExtension
    @Order(2)
    static final P11KitServer SERVER = new P11KitServer(TOKEN);

    @Test
    void create_twoRemoteClientsSameVersions_eachVersionOnceNothingPending() throws Exception {
        try (Pkcs11Backend checker = TOKEN.open()) {
            StoreRace.run(SERVER.client(), TOKEN.label(), TOKEN.pin(), checker);
        }
    }
}
