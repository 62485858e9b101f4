package io.cryptobridge.software;

import io.cryptobridge.config.SecretRef;
import io.cryptobridge.spi.Backend;
import io.cryptobridge.spi.BackendFactory;
import io.cryptobridge.spi.BackendSetting;
import io.cryptobridge.spi.BackendSetting.Type;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds {@code type: software} backends. Settings, all optional: {@code keystore} (a directory for
 * the secrets manager's managed keys and external secrets), {@code keystore-password} and {@code
 * managed-keys-extractable}; see docs/configuration.md.
 */
public final class SoftwareBackendFactory implements BackendFactory {
    static final String KEYSTORE = "keystore";
    static final String KEYSTORE_PASSWORD = "keystore-password";
    static final String MANAGED_KEYS_EXTRACTABLE = "managed-keys-extractable";

    @Override
    public String type() {
        return "software";
    }

    @Override
    public List<BackendSetting> settings() {
        return List.of(
                BackendSetting.optional(KEYSTORE, Type.PATH),
                BackendSetting.optional(KEYSTORE_PASSWORD, Type.SECRET),
                BackendSetting.optional(MANAGED_KEYS_EXTRACTABLE, Type.BOOLEAN));
    }

    /**
     * @throws IllegalArgumentException for keystore options without a {@code keystore}
     * @throws KeystoreException for a wrong password or an unreadable keystore
     */
    @Override
    public Backend create(String name, Map<String, Object> settings) {
        SecureRandom random = new SecureRandom();
        Path keystore = (Path) settings.get(KEYSTORE);
        if (keystore == null) {
            for (String dependent : List.of(KEYSTORE_PASSWORD, MANAGED_KEYS_EXTRACTABLE)) {
                if (settings.containsKey(dependent)) {
                    throw new IllegalArgumentException(
                            dependent + " needs a keystore directory (keystore: PATH)");
                }
            }
            return new SoftwareBackend(name, random);
        }
        return new SoftwareBackend(
                name,
                random,
                new KeystoreSettings(
                        keystore,
                        Optional.ofNullable((SecretRef) settings.get(KEYSTORE_PASSWORD)),
                        Boolean.TRUE.equals(settings.get(MANAGED_KEYS_EXTRACTABLE))));
    }
}
