package io.cryptobridge.abi;

import static io.cryptobridge.abi.Args.i32;

import io.cryptobridge.AlgorithmType;
import io.cryptobridge.CryptoErrno;
import io.cryptobridge.asymmetric.AsymmetricService;
import io.cryptobridge.asymmetric.KeyPair;
import io.cryptobridge.asymmetric.KeyPairEncoding;
import io.cryptobridge.asymmetric.PublicKeyEncoding;
import io.cryptobridge.asymmetric.SecretKeyEncoding;
import io.cryptobridge.common.ArrayOutput;
import io.cryptobridge.common.Options;
import io.cryptobridge.handles.Handles;

/**
 * {@code wasi_ephemeral_crypto_asymmetric_common}: key pairs, public and secret keys of both the
 * signature and the key-exchange family (20 functions; the five managed-key ones answer
 * unsupported_feature until the secrets manager exists).
 */
final class AsymmetricCommonFunctions {
    static final String MODULE = "wasi_ephemeral_crypto_asymmetric_common";
    private static final String NO_SECRETS_MANAGER = "managed keys are not available yet";

    private AsymmetricCommonFunctions() {}

    static AbiModule create(Handles h, AsymmetricService service) {
        AbiModule module = new AbiModule(MODULE);
        keyPairs(module, h, service);
        managedKeyPairs(module);
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
                            KeyPair pair = h.keyPairs.get(i32(a, 0));
                            byte[] encoded = pair.export(KeyPairEncoding.fromAbi(i32(a, 1)));
                            out.set(h.arrayOutputs.register(new ArrayOutput(encoded)));
                        })
                .function(
                        "keypair_publickey",
                        "ii",
                        (m, a) -> {
                            GuestMemory.Out32 out = m.out32(i32(a, 1));
                            KeyPair pair = h.keyPairs.get(i32(a, 0));
                            out.set(h.publicKeys.register(pair.publicKey()));
                        })
                .function(
                        "keypair_secretkey",
                        "ii",
                        (m, a) -> {
                            GuestMemory.Out32 out = m.out32(i32(a, 1));
                            KeyPair pair = h.keyPairs.get(i32(a, 0));
                            out.set(h.secretKeys.register(pair.secretKey()));
                        })
                .function("keypair_close", "i", (m, a) -> h.keyPairs.remove(i32(a, 0)).destroy());
    }

    private static void managedKeyPairs(AbiModule module) {
        CryptoErrno errno = CryptoErrno.UNSUPPORTED_FEATURE;
        module.unavailable("keypair_generate_managed", "iiiiii", errno, NO_SECRETS_MANAGER)
                .unavailable("keypair_store_managed", "iiii", errno, NO_SECRETS_MANAGER)
                .unavailable("keypair_replace_managed", "iiii", errno, NO_SECRETS_MANAGER)
                .unavailable("keypair_id", "iiiii", errno, NO_SECRETS_MANAGER)
                .unavailable("keypair_from_id", "iiiIi", errno, NO_SECRETS_MANAGER);
    }

    private static void publicKeys(AbiModule module, Handles h, AsymmetricService service) {
        module.function(
                        "publickey_import",
                        "iiiiiii",
                        (m, a) -> {
                            GuestMemory.Out32 out = m.out32(i32(a, 6));
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
