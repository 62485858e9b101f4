package io.cryptobridge.abi;

import static io.cryptobridge.abi.Args.i32;
import static io.cryptobridge.abi.Args.i64;

import io.cryptobridge.AlgorithmType;
import io.cryptobridge.common.ArrayOutput;
import io.cryptobridge.common.Options;
import io.cryptobridge.handles.Handles;
import io.cryptobridge.secrets.SecretsService;
import io.cryptobridge.secrets.VersionSelector;

/** {@code wasi_ephemeral_crypto_common}: options, array outputs, the secrets manager. */
final class CommonFunctions {
    static final String MODULE = "wasi_ephemeral_crypto_common";

    private CommonFunctions() {}

    static AbiModule create(Handles h, SecretsService secrets) {
        return new AbiModule(MODULE)
                .function(
                        "options_open",
                        "ii",
                        (m, a) -> {
                            GuestMemory.Out32 out = m.out32(i32(a, 1));
                            AlgorithmType type = AlgorithmType.fromAbi(i32(a, 0));
                            out.set(h.options.register(new Options(type)));
                        })
                .function("options_close", "i", (m, a) -> h.options.remove(i32(a, 0)))
                .function(
                        "options_set",
                        "iiiii",
                        (m, a) -> {
                            Options options = h.options.get(i32(a, 0));
                            String name = m.readString(i32(a, 1), i32(a, 2));
                            options.set(name, m.read(i32(a, 3), i32(a, 4)));
                        })
                .function(
                        "options_set_u64",
                        "iiiI",
                        (m, a) -> {
                            Options options = h.options.get(i32(a, 0));
                            options.setU64(m.readString(i32(a, 1), i32(a, 2)), i64(a, 3));
                        })
                .function(
                        "options_set_guest_buffer",
                        "iiiii",
                        (m, a) -> {
                            Options options = h.options.get(i32(a, 0));
                            String name = m.readString(i32(a, 1), i32(a, 2));
                            m.check(i32(a, 3), i32(a, 4));
                            options.setGuestBuffer(
                                    name, new Options.GuestRegion(i32(a, 3), i32(a, 4)));
                        })
                .function(
                        "array_output_len",
                        "ii",
                        (m, a) -> {
                            GuestMemory.Out32 out = m.out32(i32(a, 1));
                            out.set(h.arrayOutputs.get(i32(a, 0)).length());
                        })
                .function(
                        "array_output_pull",
                        "iiii",
                        (m, a) -> {
                            GuestMemory.Out32 out = m.out32(i32(a, 3));
                            m.check(i32(a, 1), i32(a, 2));
                            ArrayOutput output = h.arrayOutputs.get(i32(a, 0));
                            byte[] chunk = output.pull(i32(a, 2));
                            m.write(i32(a, 1), chunk);
                            if (output.exhausted()) {
                                h.arrayOutputs.remove(i32(a, 0));
                            }
                            out.set(chunk.length);
                        })
                .function(
                        "secrets_manager_open",
                        "ii",
                        (m, a) -> {
                            GuestMemory.Out32 out = m.out32(i32(a, 1));
                            secrets.requireAvailable();
                            h.secretsManagers.requireRoom();
                            Integer options = m.readOptionalHandle(i32(a, 0));
                            out.set(
                                    h.secretsManagers.register(
                                            secrets.open(
                                                    options == null
                                                            ? null
                                                            : h.options.get(options))));
                        })
                .function(
                        "secrets_manager_close",
                        "i",
                        (m, a) -> {
                            secrets.requireAvailable();
                            h.secretsManagers.remove(i32(a, 0));
                        })
                .function(
                        "secrets_manager_invalidate",
                        "iiiI",
                        (m, a) -> {
                            secrets.requireAvailable();
                            h.secretsManagers
                                    .get(i32(a, 0))
                                    .invalidateKey(
                                            m.read(i32(a, 1), i32(a, 2)),
                                            new VersionSelector(i64(a, 3)));
                        });
    }
}
