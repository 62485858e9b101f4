package io.cryptobridge.config;

import io.cryptobridge.spi.Backend;
import io.cryptobridge.spi.BackendFactory;
import io.cryptobridge.spi.BackendSetting;
import java.util.List;
import java.util.Map;

/** A backend type {@code needs-token} with one required setting, for provider-core's tests. */
public final class RequiredSettingBackendFactory implements BackendFactory {
    @Override
    public String type() {
        return "needs-token";
    }

    @Override
    public List<BackendSetting> settings() {
        return List.of(BackendSetting.required("token", BackendSetting.Type.STRING));
    }

    @Override
    public Backend create(String name, Map<String, Object> settings) {
        return new TestBackendFactory.TestBackend(name, settings);
    }
}
