package io.cryptobridge.pkcs11;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Two host processes create the same managed versions on one SoftHSM token ({@link StoreRace}). */
class TokenSecretStoreRaceTest {
    @RegisterExtension static final SoftHsmToken TOKEN = new SoftHsmToken();

    @Test
    void create_twoProcessesSameVersions_eachVersionOnceNothingPending() throws Exception {
        try (Pkcs11Backend checker = TOKEN.open()) {
            StoreRace.run(TOKEN.library(), TOKEN.label(), TOKEN.pin(), checker);
        }
    }
}
