package io.cryptobridge.software;

import io.cryptobridge.spi.Backend;
import io.cryptobridge.spi.KeyExchangePrimitives;
import io.cryptobridge.spi.SecretStore;
import io.cryptobridge.spi.SignaturePrimitives;
import io.cryptobridge.spi.SymmetricPrimitives;
import java.security.SecureRandom;
import java.util.Optional;

/**
 * The software backend: JDK and BouncyCastle primitives, chosen per algorithm for speed; with a
 * keystore directory, also a durable {@link SecretStore} for the secrets manager.
 */
public final class SoftwareBackend implements Backend {
    private final String name;
    private final SoftwareSymmetric symmetric;
    private final SoftwareSignatures signatures;
    private final SoftwareKeyExchange keyExchange;
    private final Optional<SecretStore> secretStore;

    /** A backend without a keystore. */
    public SoftwareBackend(String name, SecureRandom random) {
        this(name, random, null, KeystoreKekSource.DEFAULT_ITERATIONS);
    }

    /**
     * A backend keeping managed keys in {@code keystore}. The directory is created on first store;
     * if it exists, its key is checked now.
     *
     * @throws KeystoreException for a wrong password, naming the keystore directory
     */
    public SoftwareBackend(String name, SecureRandom random, KeystoreSettings keystore) {
        this(name, random, keystore, KeystoreKekSource.DEFAULT_ITERATIONS);
    }

    /** As above, with the PBKDF2 iteration count for a new keystore (tests use fewer). */
    SoftwareBackend(
            String name, SecureRandom random, KeystoreSettings keystore, int newIterations) {
        this.name = name;
        this.symmetric = new SoftwareSymmetric(random);
        this.signatures = new SoftwareSignatures(random);
        this.keyExchange = new SoftwareKeyExchange(random);
        this.secretStore =
                keystore == null
                        ? Optional.empty()
                        : Optional.of(openStore(keystore, random, newIterations));
    }

    private SecretStore openStore(
            KeystoreSettings keystore, SecureRandom random, int newIterations) {
        DurableFiles files = new DurableFiles(keystore.directory(), random);
        KeystoreKekSource keks =
                new KeystoreKekSource(
                        keystore.directory(), keystore.password(), newIterations, files, random);
        // A wrong password fails here, at start-up, not at the first guest call.
        keks.existing();
        return new SoftwareSecretStore(
                new KeystoreDirectory(keystore.directory()),
                files,
                keks,
                new KeystoreMaterial(
                        name,
                        symmetric,
                        signatures,
                        keyExchange,
                        random,
                        keystore.managedKeysExtractable()));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Optional<SymmetricPrimitives> symmetric() {
        return Optional.of(symmetric);
    }

    @Override
    public Optional<SignaturePrimitives> signatures() {
        return Optional.of(signatures);
    }

    @Override
    public Optional<KeyExchangePrimitives> keyExchange() {
        return Optional.of(keyExchange);
    }

    @Override
    public Optional<SecretStore> secretStore() {
        return secretStore;
    }

    @Override
    public String toString() {
        return "SoftwareBackend[" + name + "]";
    }
}
