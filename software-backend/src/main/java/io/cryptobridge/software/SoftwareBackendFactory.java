package io.cryptobridge.software;

import io.cryptobridge.spi.Backend;
import io.cryptobridge.spi.BackendFactory;
import java.security.SecureRandom;
import java.util.Map;

/** Builds {@code type: software} backends. */
public final class SoftwareBackendFactory implements BackendFactory {
    @Override
    public String type() {
        return "software";
    }

    @Override
    public Backend create(String name, Map<String, Object> settings) {
        return new SoftwareBackend(name, new SecureRandom());
    }
}
