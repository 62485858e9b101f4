package io.cryptobridge.software;

import io.cryptobridge.config.SecretRef;
import io.cryptobridge.spi.ManagedEntry;
import io.cryptobridge.spi.ManagedKind;
import io.cryptobridge.spi.SecretStore;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/** Software backends with a keystore, for the keystore tests. */
final class KeystoreFixture {
    static final SecureRandom RANDOM = new SecureRandom();

    /** Enough to exercise PBKDF2, few enough that tests do not wait for it. */
    static final int FAST_ITERATIONS = 1_000;

    static final Instant CREATED = Instant.ofEpochSecond(1_763_700_000L);

    private KeystoreFixture() {}

    /** A keystore protected by a random key file, managed keys not extractable. */
    static SoftwareBackend backend(Path dir) {
        return backend(dir, null, false);
    }

    static SoftwareBackend backend(Path dir, String password, boolean extractable) {
        return new SoftwareBackend(
                "soft",
                RANDOM,
                new KeystoreSettings(
                        dir, Optional.ofNullable(password).map(KeystoreFixture::env), extractable),
                FAST_ITERATIONS);
    }

    /** A secret reference to {@code value}, as {@code {env: KEYSTORE_PASSWORD}} would give it. */
    static SecretRef env(String value) {
        return SecretRef.env("KEYSTORE_PASSWORD", name -> value);
    }

    static SecretStore store(SoftwareBackend backend) {
        return backend.secretStore().orElseThrow();
    }

    static String newId() {
        byte[] id = new byte[16];
        RANDOM.nextBytes(id);
        return HexFormat.of().formatHex(id);
    }

    static ManagedEntry entry(
            String namespace, String id, long version, ManagedKind kind, String algorithm) {
        return new ManagedEntry(namespace, id, version, kind, algorithm, CREATED, 0);
    }
}
