package io.cryptobridge.abi;

import static io.cryptobridge.abi.Args.i32;
import static io.cryptobridge.abi.Args.i64;

import io.cryptobridge.CryptoErrno;
import io.cryptobridge.CryptoException;
import io.cryptobridge.common.ArrayOutput;
import io.cryptobridge.common.Options;
import io.cryptobridge.handles.Handles;
import io.cryptobridge.secrets.SecretsManager;
import io.cryptobridge.secrets.SecretsService;
import io.cryptobridge.secrets.VersionSelector;
import io.cryptobridge.symmetric.SymmetricAlgorithm;
import io.cryptobridge.symmetric.SymmetricKey;
import io.cryptobridge.symmetric.SymmetricService;
import io.cryptobridge.symmetric.SymmetricState;
import io.cryptobridge.symmetric.SymmetricTag;
import java.nio.charset.StandardCharsets;

/** {@code wasi_ephemeral_crypto_symmetric}: keys, states and tags (28 functions). */
final class SymmetricFunctions {
    static final String MODULE = "wasi_ephemeral_crypto_symmetric";

    private SymmetricFunctions() {}

    static AbiModule create(Handles h, SymmetricService service, SecretsService secrets) {
        AbiModule module = new AbiModule(MODULE);
        keys(module, h, service);
        managedKeys(module, h, service, secrets);
        states(module, h, service);
        aead(module, h);
        tags(module, h);
        return module;
    }

    private static void keys(AbiModule module, Handles h, SymmetricService service) {
        module.function(
                        "symmetric_key_generate",
                        "iiii",
                        (m, a) -> {
                            GuestMemory.Out32 out = m.out32(i32(a, 3));
                            String algorithm = m.readString(i32(a, 0), i32(a, 1));
                            Options options = optionalOptions(m, h, i32(a, 2));
                            h.symmetricKeys.requireRoom();
                            out.set(
                                    h.symmetricKeys.register(
                                            service.generateKey(algorithm, options)));
                        })
                .function(
                        "symmetric_key_import",
                        "iiiii",
                        (m, a) -> {
                            GuestMemory.Out32 out = m.out32(i32(a, 4));
                            String algorithm = m.readString(i32(a, 0), i32(a, 1));
                            byte[] raw = m.read(i32(a, 2), i32(a, 3));
                            h.symmetricKeys.requireRoom();
                            out.set(h.symmetricKeys.register(service.importKey(algorithm, raw)));
                        })
                .function(
                        "symmetric_key_export",
                        "ii",
                        (m, a) -> {
                            GuestMemory.Out32 out = m.out32(i32(a, 1));
                            SymmetricKey key = h.symmetricKeys.get(i32(a, 0));
                            h.arrayOutputs.requireRoom();
                            out.set(h.arrayOutputs.register(new ArrayOutput(key.exportRaw())));
                        })
                .function("symmetric_key_close", "i", (m, a) -> h.symmetricKeys.remove(i32(a, 0)));
    }

    private static void managedKeys(
            AbiModule module, Handles h, SymmetricService service, SecretsService secrets) {
        module.function(
                        "symmetric_key_generate_managed",
                        "iiiii",
                        (m, a) -> {
                            GuestMemory.Out32 out = m.out32(i32(a, 4));
                            SecretsManager manager = ManagedCalls.manager(h, secrets, i32(a, 0));
                            String name = m.readString(i32(a, 1), i32(a, 2));
                            Options options = optionalOptions(m, h, i32(a, 3));
                            SymmetricAlgorithm algorithm = service.keyAlgorithm(name, options);
                            h.symmetricKeys.requireRoom();
                            out.set(
                                    h.symmetricKeys.register(
                                            manager.generateSymmetricKey(algorithm)));
                        })
                .function(
                        "symmetric_key_store_managed",
                        "iiii",
                        (m, a) -> {
                            SecretsManager manager = ManagedCalls.manager(h, secrets, i32(a, 0));
                            SymmetricKey key = h.symmetricKeys.get(i32(a, 1));
                            ManagedCalls.requireRoom(m, i32(a, 2), i32(a, 3));
                            SymmetricKey managed = manager.storeSymmetricKey(key);
                            h.symmetricKeys.replace(i32(a, 1), managed);
                            m.write(
                                    i32(a, 2),
                                    managed.managed()
                                            .orElseThrow()
                                            .id()
                                            .getBytes(StandardCharsets.US_ASCII));
                        })
                .function(
                        "symmetric_key_replace_managed",
                        "iiii",
                        (m, a) -> {
                            GuestMemory.Out64 out = m.out64(i32(a, 3));
                            SecretsManager manager = ManagedCalls.manager(h, secrets, i32(a, 0));
                            ManagedCalls.requireDistinct(i32(a, 1), i32(a, 2));
                            SymmetricKey old = h.symmetricKeys.get(i32(a, 1));
                            SymmetricKey replacement = h.symmetricKeys.get(i32(a, 2));
                            SymmetricKey managed = manager.replaceSymmetricKey(old, replacement);
                            h.symmetricKeys.replace(i32(a, 2), managed);
                            h.symmetricKeys.remove(i32(a, 1));
                            out.set(managed.managed().orElseThrow().version());
                        })
                .function(
                        "symmetric_key_id",
                        "iiiii",
                        (m, a) -> {
                            GuestMemory.Out32 size = m.out32(i32(a, 3));
                            GuestMemory.Out64 version = m.out64(i32(a, 4));
                            SymmetricKey key = h.symmetricKeys.get(i32(a, 0));
                            ManagedCalls.write(
                                    m,
                                    i32(a, 1),
                                    i32(a, 2),
                                    size,
                                    version,
                                    key.managed().orElseThrow(SecretsManager::notManaged));
                        })
                .function(
                        "symmetric_key_from_id",
                        "iiiIi",
                        (m, a) -> {
                            GuestMemory.Out32 out = m.out32(i32(a, 4));
                            SecretsManager manager = ManagedCalls.manager(h, secrets, i32(a, 0));
                            byte[] id = m.read(i32(a, 1), i32(a, 2));
                            h.symmetricKeys.requireRoom();
                            out.set(
                                    h.symmetricKeys.register(
                                            manager.symmetricKeyFromId(
                                                    id, new VersionSelector(i64(a, 3)))));
                        });
    }

    private static void states(AbiModule module, Handles h, SymmetricService service) {
        module.function(
                        "symmetric_state_open",
                        "iiiii",
                        (m, a) -> {
                            GuestMemory.Out32 out = m.out32(i32(a, 4));
                            String algorithm = m.readString(i32(a, 0), i32(a, 1));
                            Integer keyHandle = m.readOptionalHandle(i32(a, 2));
                            SymmetricKey key =
                                    keyHandle == null ? null : h.symmetricKeys.get(keyHandle);
                            Options options = optionalOptions(m, h, i32(a, 3));
                            h.symmetricStates.requireRoom();
                            out.set(
                                    h.symmetricStates.register(
                                            service.open(algorithm, key, options)));
                        })
                .function(
                        "symmetric_state_options_get",
                        "iiiiii",
                        (m, a) -> {
                            GuestMemory.Out32 out = m.out32(i32(a, 5));
                            m.check(i32(a, 3), i32(a, 4));
                            SymmetricState state = h.symmetricStates.get(i32(a, 0));
                            byte[] value = state.option(m.readString(i32(a, 1), i32(a, 2)));
                            if (value.length > i32(a, 4)) {
                                throw new CryptoException(
                                        CryptoErrno.OVERFLOW,
                                        "option value needs " + value.length + " bytes");
                            }
                            m.write(i32(a, 3), value);
                            out.set(value.length);
                        })
                .function(
                        "symmetric_state_options_get_u64",
                        "iiii",
                        (m, a) -> {
                            GuestMemory.Out64 out = m.out64(i32(a, 3));
                            SymmetricState state = h.symmetricStates.get(i32(a, 0));
                            out.set(state.optionU64(m.readString(i32(a, 1), i32(a, 2))));
                        })
                .function(
                        "symmetric_state_clone",
                        "ii",
                        (m, a) -> {
                            GuestMemory.Out32 out = m.out32(i32(a, 1));
                            SymmetricState state = h.symmetricStates.get(i32(a, 0));
                            h.symmetricStates.requireRoom();
                            out.set(h.symmetricStates.register(state.copy()));
                        })
                .function(
                        "symmetric_state_close",
                        "i",
                        (m, a) -> h.symmetricStates.remove(i32(a, 0)).close())
                .function(
                        "symmetric_state_absorb",
                        "iii",
                        (m, a) -> {
                            SymmetricState state = h.symmetricStates.get(i32(a, 0));
                            state.absorb(m.read(i32(a, 1), i32(a, 2)));
                        })
                .function(
                        "symmetric_state_squeeze",
                        "iii",
                        (m, a) -> {
                            m.check(i32(a, 1), i32(a, 2));
                            SymmetricState state = h.symmetricStates.get(i32(a, 0));
                            m.write(i32(a, 1), state.squeeze(i32(a, 2)));
                        })
                .function(
                        "symmetric_state_squeeze_tag",
                        "ii",
                        (m, a) -> {
                            GuestMemory.Out32 out = m.out32(i32(a, 1));
                            SymmetricState state = h.symmetricStates.get(i32(a, 0));
                            h.symmetricTags.requireRoom();
                            out.set(h.symmetricTags.register(state.squeezeTag()));
                        })
                .function(
                        "symmetric_state_squeeze_key",
                        "iiii",
                        (m, a) -> {
                            GuestMemory.Out32 out = m.out32(i32(a, 3));
                            SymmetricState state = h.symmetricStates.get(i32(a, 0));
                            SymmetricAlgorithm target =
                                    service.algorithm(m.readString(i32(a, 1), i32(a, 2)));
                            h.symmetricKeys.requireRoom();
                            out.set(h.symmetricKeys.register(state.squeezeKey(target)));
                        })
                .function(
                        "symmetric_state_max_tag_len",
                        "ii",
                        (m, a) -> {
                            GuestMemory.Out32 out = m.out32(i32(a, 1));
                            out.set(h.symmetricStates.get(i32(a, 0)).maxTagLength());
                        })
                .function(
                        "symmetric_state_ratchet",
                        "i",
                        (m, a) -> h.symmetricStates.get(i32(a, 0)).ratchet());
    }

    private static void aead(AbiModule module, Handles h) {
        module.function(
                        "symmetric_state_encrypt",
                        "iiiiii",
                        (m, a) -> {
                            GuestMemory.Out32 out = m.out32(i32(a, 5));
                            m.check(i32(a, 1), i32(a, 2));
                            SymmetricState state = h.symmetricStates.get(i32(a, 0));
                            byte[] sealed = state.encrypt(m.read(i32(a, 3), i32(a, 4)), i32(a, 2));
                            m.write(i32(a, 1), sealed);
                            out.set(sealed.length);
                        })
                .function(
                        "symmetric_state_encrypt_detached",
                        "iiiiii",
                        (m, a) -> {
                            GuestMemory.Out32 out = m.out32(i32(a, 5));
                            m.check(i32(a, 1), i32(a, 2));
                            SymmetricState state = h.symmetricStates.get(i32(a, 0));
                            h.symmetricTags.requireRoom();
                            byte[][] sealed =
                                    state.encryptDetached(m.read(i32(a, 3), i32(a, 4)), i32(a, 2));
                            m.write(i32(a, 1), sealed[0]);
                            out.set(h.symmetricTags.register(new SymmetricTag(sealed[1])));
                        })
                .function(
                        "symmetric_state_decrypt",
                        "iiiiii",
                        (m, a) -> {
                            GuestMemory.Out32 out = m.out32(i32(a, 5));
                            m.check(i32(a, 1), i32(a, 2));
                            SymmetricState state = h.symmetricStates.get(i32(a, 0));
                            byte[] data = m.read(i32(a, 3), i32(a, 4));
                            byte[] plaintext =
                                    zeroOnInvalidTag(
                                            m,
                                            i32(a, 1),
                                            i32(a, 2),
                                            () -> state.decrypt(data, i32(a, 2)));
                            m.write(i32(a, 1), plaintext);
                            out.set(plaintext.length);
                        })
                .function(
                        "symmetric_state_decrypt_detached",
                        "iiiiiiii",
                        (m, a) -> {
                            GuestMemory.Out32 out = m.out32(i32(a, 7));
                            m.check(i32(a, 1), i32(a, 2));
                            SymmetricState state = h.symmetricStates.get(i32(a, 0));
                            byte[] data = m.read(i32(a, 3), i32(a, 4));
                            byte[] tag = m.read(i32(a, 5), i32(a, 6));
                            byte[] plaintext =
                                    zeroOnInvalidTag(
                                            m,
                                            i32(a, 1),
                                            i32(a, 2),
                                            () -> state.decryptDetached(data, tag, i32(a, 2)));
                            m.write(i32(a, 1), plaintext);
                            out.set(plaintext.length);
                        });
    }

    private static void tags(AbiModule module, Handles h) {
        module.function(
                        "symmetric_tag_len",
                        "ii",
                        (m, a) -> {
                            GuestMemory.Out32 out = m.out32(i32(a, 1));
                            out.set(h.symmetricTags.get(i32(a, 0)).length());
                        })
                .function(
                        "symmetric_tag_pull",
                        "iiii",
                        (m, a) -> {
                            GuestMemory.Out32 out = m.out32(i32(a, 3));
                            m.check(i32(a, 1), i32(a, 2));
                            byte[] tag = h.symmetricTags.get(i32(a, 0)).pull(i32(a, 2));
                            m.write(i32(a, 1), tag);
                            h.symmetricTags.remove(i32(a, 0));
                            out.set(tag.length);
                        })
                .function(
                        "symmetric_tag_verify",
                        "iii",
                        (m, a) -> {
                            SymmetricTag tag = h.symmetricTags.get(i32(a, 0));
                            tag.verify(m.read(i32(a, 1), i32(a, 2)));
                        })
                .function("symmetric_tag_close", "i", (m, a) -> h.symmetricTags.remove(i32(a, 0)));
    }

    private static Options optionalOptions(GuestMemory m, Handles h, int pointer) {
        Integer handle = m.readOptionalHandle(pointer);
        return handle == null ? null : h.options.get(handle);
    }

    /** A failed decryption leaves zeros, never unauthenticated plaintext, in the guest buffer. */
    private static byte[] zeroOnInvalidTag(
            GuestMemory m, int pointer, int length, java.util.function.Supplier<byte[]> decrypt) {
        try {
            return decrypt.get();
        } catch (CryptoException e) {
            if (e.errno() == CryptoErrno.INVALID_TAG) {
                m.zero(pointer, length);
            }
            throw e;
        }
    }
}
