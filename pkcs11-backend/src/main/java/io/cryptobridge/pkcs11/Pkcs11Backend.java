package io.cryptobridge.pkcs11;

import io.cryptobridge.software.SoftwareBackend;
import io.cryptobridge.spi.Backend;
import io.cryptobridge.spi.KeyExchangePrimitives;
import io.cryptobridge.spi.SecretStore;
import io.cryptobridge.spi.SignaturePrimitives;
import io.cryptobridge.spi.SymmetricPrimitives;
import java.security.Provider;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import sun.security.pkcs11.wrapper.PKCS11;

/**
 * The PKCS#11 backend: keys stay on an HSM token, operations run there. Symmetric primitives go
 * through the raw wrapper ({@code sun.security.pkcs11.wrapper}) on a bounded session pool; a
 * SunPKCS11 provider object for the same token is available for JCA-level operations.
 *
 * <p>Needs the JVM option {@code --add-exports
 * jdk.crypto.cryptoki/sun.security.pkcs11.wrapper=ALL-UNNAMED}; see docs/hsm.md.
 */
public final class Pkcs11Backend implements Backend {
    private static final System.Logger LOG = System.getLogger(Pkcs11Backend.class.getName());

    /** The JVM option the raw wrapper needs at run time. */
    public static final String REQUIRED_JVM_OPTION =
            "--add-exports jdk.crypto.cryptoki/sun.security.pkcs11.wrapper=ALL-UNNAMED";

    private final String name;
    private final Pkcs11Token token;
    private final CapabilityTable capabilities;
    private final SessionPool pool;
    private final KeyOwnerSession owner;
    private final Pkcs11Symmetric symmetric;
    private final AsymmetricCapabilities asymmetricCapabilities;
    private final Pkcs11Signatures signatures;
    private final Pkcs11KeyExchange keyExchange;
    private final String library;
    private final boolean extractable;
    private final TokenSecretStore secretStore;
    private Provider provider;

    private Pkcs11Backend(
            String name,
            Pkcs11Token token,
            CapabilityTable capabilities,
            SessionPool pool,
            KeyOwnerSession owner,
            Pkcs11Symmetric symmetric,
            AsymmetricCapabilities asymmetricCapabilities,
            Pkcs11Signatures signatures,
            Pkcs11KeyExchange keyExchange,
            String library,
            boolean extractable,
            TokenSecretStore secretStore) {
        this.asymmetricCapabilities = asymmetricCapabilities;
        this.signatures = signatures;
        this.keyExchange = keyExchange;
        this.name = name;
        this.token = token;
        this.capabilities = capabilities;
        this.pool = pool;
        this.owner = owner;
        this.symmetric = symmetric;
        this.library = library;
        this.extractable = extractable;
        this.secretStore = secretStore;
    }

    /**
     * Opens the backend: loads the library, finds the token, logs in, probes the mechanisms.
     *
     * @throws Pkcs11SetupException naming the problem (library, token, PIN, JVM option)
     */
    public static Pkcs11Backend open(String name, Map<String, Object> settings) {
        Pkcs11Settings parsed = Pkcs11Settings.from(name, settings);
        try {
            return open(name, parsed);
        } catch (IllegalAccessError e) {
            // The only place that meets a JVM started without the add-exports option.
            throw Pkcs11Settings.problem(
                    name,
                    "the JVM must be started with "
                            + REQUIRED_JVM_OPTION
                            + " (or 'Add-Exports: jdk.crypto.cryptoki/sun.security.pkcs11.wrapper'"
                            + " in the manifest of an executable jar)");
        } catch (NoClassDefFoundError e) {
            throw Pkcs11Settings.problem(
                    name,
                    "this Java runtime lacks the module jdk.crypto.cryptoki (add it to the jlink image)");
        }
    }

    private static Pkcs11Backend open(String name, Pkcs11Settings settings) {
        TokenOpener opener = new TokenOpener(name, settings);
        String library = opener.canonicalLibrary();
        PKCS11 p11 = opener.load(library);
        long slot = opener.findSlot(p11);
        Pkcs11Token.TokenDescription description = opener.describe(p11, slot);
        Pkcs11Token token = new Pkcs11Token(p11, library, slot, description, settings.pin());
        long firstSession = opener.firstSession(token);
        CapabilityTable capabilities;
        try {
            capabilities = opener.probe(p11, slot);
        } catch (RuntimeException e) {
            token.closeQuietly(firstSession);
            throw e;
        }
        VendorQuirks quirks = VendorQuirks.forManufacturer(description.manufacturer());
        Pkcs11Errors errors = new Pkcs11Errors(name, quirks);
        int poolSize = poolSize(settings.sessions(), description);
        KeyOwnerSession owner = new KeyOwnerSession(token, errors, firstSession);
        SessionPool pool = new SessionPool(token, errors, poolSize, owner::loginLost);
        Pkcs11Symmetric symmetric =
                new Pkcs11Symmetric(
                        capabilities,
                        pool,
                        owner,
                        quirks,
                        settings.extractable(),
                        settings.maxBufferedBytes());
        Map<Long, CapabilityTable.MechanismInfo> mechanisms =
                new HashMap<>(capabilities.probedMechanisms());
        if (!quirks.readableEcdhSecret()) {
            mechanisms.remove(sun.security.pkcs11.wrapper.PKCS11Constants.CKM_ECDH1_DERIVE);
        }
        AsymmetricCapabilities asymmetric =
                AsymmetricCapabilities.from(
                        mechanisms, m -> TokenAsymmetricKeys.curveWorks(owner, m));
        // Public keys, encodings and verification: the software backend's code (no secrets).
        SoftwareBackend software = new SoftwareBackend(name + "-public", new SecureRandom());
        SignaturePrimitives softwareSignatures = software.signatures().orElseThrow();
        KeyExchangePrimitives softwareKx = software.keyExchange().orElseThrow();
        Pkcs11Signatures signatures =
                new Pkcs11Signatures(
                        new TokenAsymmetricKeys(
                                asymmetric,
                                owner,
                                pool,
                                settings.extractable(),
                                softwareSignatures),
                        pool,
                        softwareSignatures);
        Pkcs11KeyExchange keyExchange =
                new Pkcs11KeyExchange(
                        new TokenAsymmetricKeys(
                                asymmetric, owner, pool, settings.extractable(), softwareKx),
                        pool);
        SecureRandom random = new SecureRandom();
        HostWriteLock writeLock = HostWriteLock.forToken(name, description);
        TokenSecretStore secretStore =
                new TokenSecretStore(
                        new TokenRecords(pool),
                        new PersistentKeys(pool, owner, settings.managedKeysExtractable()),
                        new ManagedSources(
                                name,
                                symmetric,
                                signatures,
                                keyExchange,
                                settings.managedKeysExtractable()),
                        new TokenKek(name, pool, token, symmetric, random, writeLock),
                        owner,
                        pool,
                        writeLock);
        LOG.log(
                System.Logger.Level.INFO,
                () ->
                        "PKCS#11 backend '"
                                + name
                                + "': token '"
                                + description.label()
                                + "' ("
                                + description.manufacturer()
                                + " "
                                + description.model()
                                + "), "
                                + poolSize
                                + " sessions, quirks "
                                + quirks.vendor()
                                + ", serves:\n"
                                + capabilities.describe()
                                + asymmetric.describe());
        return new Pkcs11Backend(
                name,
                token,
                capabilities,
                pool,
                owner,
                symmetric,
                asymmetric,
                signatures,
                keyExchange,
                library,
                settings.extractable(),
                secretStore);
    }

    /**
     * The configured size, kept below the token's own limit: one session stays free for the key
     * owner and one for the SunPKCS11 provider.
     */
    static int poolSize(int configured, Pkcs11Token.TokenDescription description) {
        return description.sessionLimit().stream()
                .mapToInt(limit -> (int) Math.max(1, Math.min(configured, limit - 2)))
                .findFirst()
                .orElse(configured);
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

    /**
     * Managed keys and external secrets as persistent objects on this token (docs/hsm.md, "Managed
     * keys on the token").
     */
    @Override
    public Optional<SecretStore> secretStore() {
        return Optional.of(secretStore);
    }

    /**
     * The SunPKCS11 provider for this token, for JCA-level operations ({@code
     * Signature.getInstance(algorithm, provider)}). Not registered JVM-wide. Configured on first
     * use: the provider keeps sessions open for the life of the JVM (it has no close), and an open
     * session keeps the token logged in for the whole process, so a backend that never needs it
     * should not create it.
     *
     * @throws Pkcs11SetupException if SunPKCS11 rejects the configuration
     */
    public synchronized Provider jcaProvider() {
        if (provider == null) {
            provider =
                    JcaProviderConfig.configure(
                            name,
                            JcaProviderConfig.text(name, library, token.slotId(), extractable));
        }
        return provider;
    }

    /** Label, manufacturer and model of the token, for diagnostics. */
    public String tokenDescription() {
        Pkcs11Token.TokenDescription d = token.description();
        return "'" + d.label() + "' (" + d.manufacturer() + " " + d.model() + ")";
    }

    Pkcs11Token token() {
        return token;
    }

    CapabilityTable capabilities() {
        return capabilities;
    }

    AsymmetricCapabilities asymmetricCapabilities() {
        return asymmetricCapabilities;
    }

    SessionPool pool() {
        return pool;
    }

    /** Closes the sessions; session keys are destroyed with their session. Idempotent. */
    @Override
    public void close() {
        pool.close();
        owner.close();
    }

    @Override
    public String toString() {
        return "Pkcs11Backend[" + name + ", token " + tokenDescription() + "]";
    }
}
