package io.cryptobridge.abi;

import static io.cryptobridge.abi.Args.i32;
import static io.cryptobridge.abi.Args.i64;

import io.cryptobridge.common.ArrayOutput;
import io.cryptobridge.handles.Handles;
import io.cryptobridge.secrets.ExternalSecrets;
import io.cryptobridge.secrets.SecretsService;
import io.cryptobridge.secrets.VersionSelector;
import java.nio.charset.StandardCharsets;

/**
 * {@code wasi_ephemeral_crypto_external_secrets}: opaque secrets with an expiry, stored sealed or
 * handed back sealed (6 functions). unsupported_feature on a host without a secrets manager.
 */
final class ExternalSecretsFunctions {
    static final String MODULE = "wasi_ephemeral_crypto_external_secrets";

    private ExternalSecretsFunctions() {}

    static AbiModule create(Handles h, SecretsService secrets) {
        return new AbiModule(MODULE)
                .function(
                        "external_secret_store",
                        "iiiIii",
                        (m, a) -> {
                            ExternalSecrets store = of(h, secrets, i32(a, 0));
                            byte[] secret = m.read(i32(a, 1), i32(a, 2));
                            ManagedCalls.requireRoom(m, i32(a, 4), i32(a, 5));
                            String id = store.store(secret, i64(a, 3));
                            m.write(i32(a, 4), id.getBytes(StandardCharsets.US_ASCII));
                        })
                .function(
                        "external_secret_replace",
                        "iiiIiii",
                        (m, a) -> {
                            GuestMemory.Out64 out = m.out64(i32(a, 6));
                            ExternalSecrets store = of(h, secrets, i32(a, 0));
                            byte[] secret = m.read(i32(a, 1), i32(a, 2));
                            byte[] id = m.read(i32(a, 4), i32(a, 5));
                            out.set(store.replace(id, secret, i64(a, 3)));
                        })
                .function(
                        "external_secret_from_id",
                        "iiiIi",
                        (m, a) -> {
                            GuestMemory.Out32 out = m.out32(i32(a, 4));
                            ExternalSecrets store = of(h, secrets, i32(a, 0));
                            byte[] id = m.read(i32(a, 1), i32(a, 2));
                            h.arrayOutputs.requireRoom();
                            byte[] secret = store.fromId(id, new VersionSelector(i64(a, 3)));
                            out.set(h.arrayOutputs.register(new ArrayOutput(secret)));
                        })
                .function(
                        "external_secret_invalidate",
                        "iiiI",
                        (m, a) -> {
                            ExternalSecrets store = of(h, secrets, i32(a, 0));
                            store.invalidate(
                                    m.read(i32(a, 1), i32(a, 2)), new VersionSelector(i64(a, 3)));
                        })
                .function(
                        "external_secret_encapsulate",
                        "iiiIi",
                        (m, a) -> {
                            GuestMemory.Out32 out = m.out32(i32(a, 4));
                            ExternalSecrets store = of(h, secrets, i32(a, 0));
                            byte[] secret = m.read(i32(a, 1), i32(a, 2));
                            h.arrayOutputs.requireRoom();
                            byte[] envelope = store.encapsulate(secret, i64(a, 3));
                            out.set(h.arrayOutputs.register(new ArrayOutput(envelope)));
                        })
                .function(
                        "external_secret_decapsulate",
                        "iiii",
                        (m, a) -> {
                            GuestMemory.Out32 out = m.out32(i32(a, 3));
                            ExternalSecrets store = of(h, secrets, i32(a, 0));
                            byte[] envelope = m.read(i32(a, 1), i32(a, 2));
                            h.arrayOutputs.requireRoom();
                            out.set(
                                    h.arrayOutputs.register(
                                            new ArrayOutput(store.decapsulate(envelope))));
                        });
    }

    private static ExternalSecrets of(Handles h, SecretsService secrets, int manager) {
        return ManagedCalls.manager(h, secrets, manager).externalSecrets();
    }
}
