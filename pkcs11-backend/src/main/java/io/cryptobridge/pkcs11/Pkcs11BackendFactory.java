package io.cryptobridge.pkcs11;

import io.cryptobridge.spi.Backend;
import io.cryptobridge.spi.BackendFactory;
import io.cryptobridge.spi.BackendSetting;
import io.cryptobridge.spi.BackendSetting.Type;
import java.util.List;
import java.util.Map;

/** Builds {@code type: pkcs11} backends; the settings are described in docs/hsm.md. */
public final class Pkcs11BackendFactory implements BackendFactory {
    @Override
    public String type() {
        return "pkcs11";
    }

    @Override
    public List<BackendSetting> settings() {
        return List.of(
                BackendSetting.required("library", Type.PATH),
                BackendSetting.optional("token", Type.STRING),
                BackendSetting.optional("slot", Type.INTEGER),
                BackendSetting.optional("pin", Type.SECRET),
                BackendSetting.optional("sessions", Type.INTEGER),
                BackendSetting.optional("extractable", Type.BOOLEAN),
                BackendSetting.optional("max-buffered-bytes", Type.INTEGER),
                BackendSetting.optional("managed-keys-extractable", Type.BOOLEAN));
    }

    @Override
    public Backend create(String name, Map<String, Object> settings) {
        return Pkcs11Backend.open(name, settings);
    }
}
