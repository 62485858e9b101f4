package io.cryptobridge.abi;

import static io.cryptobridge.abi.Args.i32;
import static io.cryptobridge.abi.Args.i64;

import io.cryptobridge.AlgorithmType;
import io.cryptobridge.asymmetric.AsymmetricAlgorithm;
import io.cryptobridge.asymmetric.AsymmetricService;
import io.cryptobridge.asymmetric.KeyPair;
import io.cryptobridge.asymmetric.KeyPairEncoding;
import io.cryptobridge.asymmetric.PublicKeyEncoding;
import io.cryptobridge.asymmetric.SecretKeyEncoding;
import io.cryptobridge.common.ArrayOutput;
import io.cryptobridge.common.Options;
import io.cryptobridge.handles.Handles;
import io.cryptobridge.secrets.SecretsManager;
import io.cryptobridge.secrets.SecretsService;
import io.cryptobridge.secrets.VersionSelector;
import java.nio.charset.StandardCharsets;

/**
 * {@code wasi_ephemeral_crypto_asymmetric_common}: key pairs, public and secret keys of both the
 * signature and the key-exchange family (20 functions, five of them for managed key pairs).
 */
final class AsymmetricCommonFunctions {
    static final String MODULE = "wasi_ephemeral_crypto_asymmetric_common";

    private AsymmetricCommonFunctions() {}

    static AbiModule create(Handles h, AsymmetricService service, SecretsService secrets) {
        AbiModule module = new AbiModule(MODULE);
        keyPairs(module, h, service);
        managedKeyPairs(module, h, service, secrets);
        publicKeys(module, h, service);
        secretKeys(module, h, service);
        return module;
    }

    private static void keyPairs(AbiModule module, Handles h, AsymmetricService service) {
        module.function(
                        "keypair_generate",
                        "iiiii",
                        (m, a) -> {
                            GuestMemory.Out32 out = m.out32(i32(a, 4));
                            h.keyPairs.requireRoom();
                            AlgorithmType type = AlgorithmType.fromAbi(i32(a, 0));
                            String algorithm = m.readString(i32(a, 1), i32(a, 2));
                            Options options = optionalOptions(m, h, i32(a, 3));
                            out.set(
                                    h.keyPairs.register(
                                            service.generate(type, algorithm, options)));
                        })
                .function(
                        "keypair_import",
                        "iiiiiii",
                        (m, a) -> {
                            GuestMemory.Out32 out = m.out32(i32(a, 6));
                            h.keyPairs.requireRoom();
                            AlgorithmType type = AlgorithmType.fromAbi(i32(a, 0));
                            String algorithm = m.readString(i32(a, 1), i32(a, 2));
                            byte[] encoded = m.read(i32(a, 3), i32(a, 4));
                            KeyPairEncoding encoding = KeyPairEncoding.fromAbi(i32(a, 5));
                            out.set(
                                    h.keyPairs.register(
                                            service.importKeyPair(
                                                    type, algorithm, encoded, encoding)));
                        })
                .function(
                        "keypair_from_pk_and_sk",
                        "iii",
                        (m, a) -> {
                            GuestMemory.Out32 out = m.out32(i32(a, 2));
                            h.keyPairs.requireRoom();
                            KeyPair pair =
                                    service.keyPair(
                                            h.publicKeys.get(i32(a, 0)),
                                            h.secretKeys.get(i32(a, 1)));
                            out.set(h.keyPairs.register(pair));
                        })
                .function(
                        "keypair_export",
                        "iii",
                        (m, a) -> {
                            GuestMemory.Out32 out = m.out32(i32(a, 2));
                            h.arrayOutputs.requireRoom();
                            KeyPair pair = h.keyPairs.get(i32(a, 0));
                            byte[] encoded = pair.export(KeyPairEncoding.fromAbi(i32(a, 1)));
                            out.set(h.arrayOutputs.register(new ArrayOutput(encoded)));
                        })
                .function(
                        "keypair_publickey",
                        "ii",
                        (m, a) -> {
                            GuestMemory.Out32 out = m.out32(i32(a, 1));
                            h.publicKeys.requireRoom();
                            KeyPair pair = h.keyPairs.get(i32(a, 0));
                            out.set(h.publicKeys.register(pair.publicKey()));
                        })
                .function(
                        "keypair_secretkey",
                        "ii",
                        (m, a) -> {
                            GuestMemory.Out32 out = m.out32(i32(a, 1));
                            h.secretKeys.requireRoom();
                            KeyPair pair = h.keyPairs.get(i32(a, 0));
                            out.set(h.secretKeys.register(pair.secretKey()));
                        })
                .function("keypair_close", "i", (m, a) -> h.keyPairs.remove(i32(a, 0)).destroy());
    }

    private static void managedKeyPairs(
            AbiModule module, Handles h, AsymmetricService service, SecretsService secrets) {
        module.function(
                        "keypair_generate_managed",
                        "iiiiii",
                        (m, a) -> {
                            GuestMemory.Out32 out = m.out32(i32(a, 5));
                            SecretsManager manager = ManagedCalls.manager(h, secrets, i32(a, 0));
                            AlgorithmType type = AlgorithmType.fromAbi(i32(a, 1));
                            String name = m.readString(i32(a, 2), i32(a, 3));
                            Options options = optionalOptions(m, h, i32(a, 4));
                            AsymmetricAlgorithm algorithm =
                                    service.generationAlgorithm(type, name, options);
                            h.keyPairs.requireRoom();
                            out.set(h.keyPairs.register(manager.generateKeyPair(algorithm)));
                        })
                .function(
                        "keypair_store_managed",
                        "iiii",
                        (m, a) -> {
                            SecretsManager manager = ManagedCalls.manager(h, secrets, i32(a, 0));
                            KeyPair pair = h.keyPairs.get(i32(a, 1));
                            ManagedCalls.requireRoom(m, i32(a, 2), i32(a, 3));
                            KeyPair managed = manager.storeKeyPair(pair);
                            if (managed != pair) {
                                h.keyPairs.replace(i32(a, 1), managed).destroy();
                            }
                            m.write(
                                    i32(a, 2),
                                    managed.managed()
                                            .orElseThrow()
                                            .id()
                                            .getBytes(StandardCharsets.US_ASCII));
                        })
                .function(
                        "keypair_replace_managed",
                        "iiii",
                        (m, a) -> {
                            GuestMemory.Out64 out = m.out64(i32(a, 3));
                            SecretsManager manager = ManagedCalls.manager(h, secrets, i32(a, 0));
                            ManagedCalls.requireDistinct(i32(a, 1), i32(a, 2));
                            KeyPair old = h.keyPairs.get(i32(a, 1));
                            KeyPair replacement = h.keyPairs.get(i32(a, 2));
                            KeyPair managed = manager.replaceKeyPair(old, replacement);
                            h.keyPairs.replace(i32(a, 2), managed).destroy();
                            h.keyPairs.remove(i32(a, 1)).destroy();
                            out.set(managed.managed().orElseThrow().version());
                        })
                .function(
                        "keypair_id",
                        "iiiii",
                        (m, a) -> {
                            GuestMemory.Out32 size = m.out32(i32(a, 3));
                            GuestMemory.Out64 version = m.out64(i32(a, 4));
                            KeyPair pair = h.keyPairs.get(i32(a, 0));
                            ManagedCalls.write(
                                    m,
                                    i32(a, 1),
                                    i32(a, 2),
                                    size,
                                    version,
                                    pair.managed().orElseThrow(SecretsManager::notManaged));
                        })
                .function(
                        "keypair_from_id",
                        "iiiIi",
                        (m, a) -> {
                            GuestMemory.Out32 out = m.out32(i32(a, 4));
                            SecretsManager manager = ManagedCalls.manager(h, secrets, i32(a, 0));
                            byte[] id = m.read(i32(a, 1), i32(a, 2));
                            h.keyPairs.requireRoom();
                            out.set(
                                    h.keyPairs.register(
                                            manager.keyPairFromId(
                                                    id, new VersionSelector(i64(a, 3)))));
                        });
    }

    private static void publicKeys(AbiModule module, Handles h, AsymmetricService service) {
        module.function(
                        "publickey_import",
                        "iiiiiii",
                        (m, a) -> {
                            GuestMemory.Out32 out = m.out32(i32(a, 6));
                            h.publicKeys.requireRoom();
                            AlgorithmType type = AlgorithmType.fromAbi(i32(a, 0));
                            String algorithm = m.readString(i32(a, 1), i32(a, 2));
                            byte[] encoded = m.read(i32(a, 3), i32(a, 4));
                            PublicKeyEncoding encoding = PublicKeyEncoding.fromAbi(i32(a, 5));
                            out.set(
                                    h.publicKeys.register(
                                            service.importPublicKey(
                                                    type, algorithm, encoded, encoding)));
                        })
                .function(
                        "publickey_export",
                        "iii",
                        (m, a) -> {
                            GuestMemory.Out32 out = m.out32(i32(a, 2));
                            h.arrayOutputs.requireRoom();
                            byte[] encoded =
                                    h.publicKeys
                                            .get(i32(a, 0))
                                            .export(PublicKeyEncoding.fromAbi(i32(a, 1)));
                            out.set(h.arrayOutputs.register(new ArrayOutput(encoded)));
                        })
                .function("publickey_verify", "i", (m, a) -> h.publicKeys.get(i32(a, 0)).verify())
                .function(
                        "publickey_from_secretkey",
                        "ii",
                        (m, a) -> {
                            GuestMemory.Out32 out = m.out32(i32(a, 1));
                            h.publicKeys.requireRoom();
                            out.set(h.publicKeys.register(h.secretKeys.get(i32(a, 0)).publicKey()));
                        })
                .function("publickey_close", "i", (m, a) -> h.publicKeys.remove(i32(a, 0)));
    }

    private static void secretKeys(AbiModule module, Handles h, AsymmetricService service) {
        module.function(
                        "secretkey_import",
                        "iiiiiii",
                        (m, a) -> {
                            GuestMemory.Out32 out = m.out32(i32(a, 6));
                            h.secretKeys.requireRoom();
                            AlgorithmType type = AlgorithmType.fromAbi(i32(a, 0));
                            String algorithm = m.readString(i32(a, 1), i32(a, 2));
                            byte[] encoded = m.read(i32(a, 3), i32(a, 4));
                            SecretKeyEncoding encoding = SecretKeyEncoding.fromAbi(i32(a, 5));
                            out.set(
                                    h.secretKeys.register(
                                            service.importSecretKey(
                                                    type, algorithm, encoded, encoding)));
                        })
                .function(
                        "secretkey_export",
                        "iii",
                        (m, a) -> {
                            GuestMemory.Out32 out = m.out32(i32(a, 2));
                            h.arrayOutputs.requireRoom();
                            byte[] encoded =
                                    h.secretKeys
                                            .get(i32(a, 0))
                                            .export(SecretKeyEncoding.fromAbi(i32(a, 1)));
                            out.set(h.arrayOutputs.register(new ArrayOutput(encoded)));
                        })
                .function(
                        "secretkey_close", "i", (m, a) -> h.secretKeys.remove(i32(a, 0)).destroy());
    }

    private static Options optionalOptions(GuestMemory m, Handles h, int pointer) {
        Integer handle = m.readOptionalHandle(pointer);
        return handle == null ? null : h.options.get(handle);
    }
}
