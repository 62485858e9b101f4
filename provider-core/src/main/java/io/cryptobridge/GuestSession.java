package io.cryptobridge;

import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.ImportValues;
import io.cryptobridge.abi.WasiCryptoImports;
import io.cryptobridge.asymmetric.AsymmetricService;
import io.cryptobridge.handles.Handles;
import io.cryptobridge.kx.KeyExchangeService;
import io.cryptobridge.secrets.SecretsService;
import io.cryptobridge.signatures.SignatureService;
import io.cryptobridge.symmetric.SymmetricService;
import java.util.List;

/**
 * The wasi-crypto state of one guest instance: its handle tables, limits and policy (allowed
 * algorithms, namespace). Handles and keys of one session are invisible to every other session. A
 * session serves one Wasm instance and is not thread-safe, as a Wasm instance is single-threaded.
 *
 * <pre>{@code
 * try (CryptoHost host = CryptoHost.withDefaults();
 *      GuestSession session = host.newSession()) {
 *     ImportValues imports = session.addTo(ImportValues.builder())
 *             .addFunction(wasi.toHostFunctions())
 *             .build();
 *     Instance.builder(module).withImportValues(imports).build();
 * }
 * }</pre>
 */
public final class GuestSession implements AutoCloseable {
    private final Handles handles;
    private final List<HostFunction> hostFunctions;
    private final SessionLimits limits;
    private final GuestPolicy policy;

    GuestSession(CryptoHost host, SessionLimits limits, GuestPolicy policy) {
        this.limits = limits;
        this.policy = policy;
        this.handles = new Handles(limits.maxHandles());
        this.hostFunctions =
                WasiCryptoImports.create(
                        handles,
                        new SymmetricService(host.router(), host.random(), policy),
                        new AsymmetricService(host.router(), policy),
                        new SignatureService(limits.maxBufferedBytes(), policy),
                        new KeyExchangeService(policy),
                        new SecretsService(
                                host.secretsBackend().orElse(null),
                                policy,
                                host.random(),
                                host.clock()));
    }

    /** The host functions of all six {@code wasi_ephemeral_crypto_*} modules. */
    public List<HostFunction> hostFunctions() {
        return hostFunctions;
    }

    /** Adds {@link #hostFunctions()} to an import builder and returns it. */
    public ImportValues.Builder addTo(ImportValues.Builder builder) {
        return builder.addFunction(hostFunctions.toArray(HostFunction[]::new));
    }

    public SessionLimits limits() {
        return limits;
    }

    /** What this guest may do: its profile, allowed algorithms and namespace. */
    public GuestPolicy policy() {
        return policy;
    }

    /**
     * The namespace of this guest's managed keys: {@code guests.PROFILE.namespace}, else the
     * profile name, else {@code default}.
     */
    public String namespace() {
        return SecretsService.namespace(policy);
    }

    /** Live handles of every type; for tests and monitoring. */
    public int liveHandles() {
        return handles.liveCount();
    }

    /** Releases every handle and key of this session. */
    @Override
    public void close() {
        handles.clear();
    }
}
