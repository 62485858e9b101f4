package io.cryptobridge.abi;

import static io.cryptobridge.abi.Args.i32;

import io.cryptobridge.common.ArrayOutput;
import io.cryptobridge.handles.Handles;
import io.cryptobridge.kx.KeyExchangeService;
import io.cryptobridge.spi.KeyExchangePrimitives;

/** {@code wasi_ephemeral_crypto_kx}: DH and KEM operations (3 functions). */
final class KeyExchangeFunctions {
    static final String MODULE = "wasi_ephemeral_crypto_kx";

    private KeyExchangeFunctions() {}

    static AbiModule create(Handles h, KeyExchangeService service) {
        return new AbiModule(MODULE)
                .function(
                        "kx_dh",
                        "iii",
                        (m, a) -> {
                            GuestMemory.Out32 out = m.out32(i32(a, 2));
                            byte[] secret =
                                    service.dh(
                                            h.publicKeys.get(i32(a, 0)),
                                            h.secretKeys.get(i32(a, 1)));
                            out.set(h.arrayOutputs.register(new ArrayOutput(secret)));
                        })
                .function(
                        "kx_encapsulate",
                        "iii",
                        (m, a) -> {
                            // Two outputs: the secret first, then the ciphertext.
                            GuestMemory.Out32 secretOut = m.out32(i32(a, 1));
                            GuestMemory.Out32 ciphertextOut = m.out32(i32(a, 2));
                            KeyExchangePrimitives.Encapsulation result =
                                    service.encapsulate(h.publicKeys.get(i32(a, 0)));
                            int secret = h.arrayOutputs.register(new ArrayOutput(result.secret()));
                            int ciphertext = registerOrRelease(h, secret, result.ciphertext());
                            secretOut.set(secret);
                            ciphertextOut.set(ciphertext);
                        })
                .function(
                        "kx_decapsulate",
                        "iiii",
                        (m, a) -> {
                            GuestMemory.Out32 out = m.out32(i32(a, 3));
                            byte[] ciphertext = m.read(i32(a, 1), i32(a, 2));
                            byte[] secret =
                                    service.decapsulate(h.secretKeys.get(i32(a, 0)), ciphertext);
                            out.set(h.arrayOutputs.register(new ArrayOutput(secret)));
                        });
    }

    /** Registers the second output; if that fails, the first is not left behind. */
    private static int registerOrRelease(Handles h, int first, byte[] data) {
        try {
            return h.arrayOutputs.register(new ArrayOutput(data));
        } catch (RuntimeException e) {
            h.arrayOutputs.remove(first);
            throw e;
        }
    }
}
