package io.cryptobridge.abi;

import static io.cryptobridge.abi.Args.i32;

import io.cryptobridge.common.ArrayOutput;
import io.cryptobridge.handles.Handles;
import io.cryptobridge.signatures.Signature;
import io.cryptobridge.signatures.SignatureEncoding;
import io.cryptobridge.signatures.SignatureService;

/**
 * {@code wasi_ephemeral_crypto_signatures} (11 functions). Signing and verification states live in
 * separate tables, so one passed where the other is expected is {@code invalid_handle}.
 */
final class SignatureFunctions {
    static final String MODULE = "wasi_ephemeral_crypto_signatures";

    private SignatureFunctions() {}

    static AbiModule create(Handles h, SignatureService service) {
        AbiModule module = new AbiModule(MODULE);
        signatures(module, h, service);
        signing(module, h, service);
        verification(module, h, service);
        return module;
    }

    private static void signatures(AbiModule module, Handles h, SignatureService service) {
        module.function(
                        "signature_export",
                        "iii",
                        (m, a) -> {
                            GuestMemory.Out32 out = m.out32(i32(a, 2));
                            Signature signature = h.signatures.get(i32(a, 0));
                            byte[] encoded = signature.export(SignatureEncoding.fromAbi(i32(a, 1)));
                            out.set(h.arrayOutputs.register(new ArrayOutput(encoded)));
                        })
                .function(
                        "signature_import",
                        "iiiiii",
                        (m, a) -> {
                            GuestMemory.Out32 out = m.out32(i32(a, 5));
                            String algorithm = m.readString(i32(a, 0), i32(a, 1));
                            byte[] encoded = m.read(i32(a, 2), i32(a, 3));
                            SignatureEncoding encoding = SignatureEncoding.fromAbi(i32(a, 4));
                            out.set(
                                    h.signatures.register(
                                            service.importSignature(algorithm, encoded, encoding)));
                        })
                .function("signature_close", "i", (m, a) -> h.signatures.remove(i32(a, 0)));
    }

    private static void signing(AbiModule module, Handles h, SignatureService service) {
        module.function(
                        "signature_state_open",
                        "ii",
                        (m, a) -> {
                            GuestMemory.Out32 out = m.out32(i32(a, 1));
                            out.set(
                                    h.signatureStates.register(
                                            service.openSigner(h.keyPairs.get(i32(a, 0)))));
                        })
                .function(
                        "signature_state_update",
                        "iii",
                        (m, a) ->
                                h.signatureStates
                                        .get(i32(a, 0))
                                        .update(m.read(i32(a, 1), i32(a, 2))))
                .function(
                        "signature_state_sign",
                        "ii",
                        (m, a) -> {
                            // WITX types this as array_output; every peer and WIT 0.11 return a
                            // signature handle.
                            GuestMemory.Out32 out = m.out32(i32(a, 1));
                            Signature signature = h.signatureStates.get(i32(a, 0)).sign();
                            out.set(h.signatures.register(signature));
                        })
                .function(
                        "signature_state_close",
                        "i",
                        (m, a) -> h.signatureStates.remove(i32(a, 0)));
    }

    private static void verification(AbiModule module, Handles h, SignatureService service) {
        module.function(
                        "signature_verification_state_open",
                        "ii",
                        (m, a) -> {
                            GuestMemory.Out32 out = m.out32(i32(a, 1));
                            out.set(
                                    h.verificationStates.register(
                                            service.openVerifier(h.publicKeys.get(i32(a, 0)))));
                        })
                .function(
                        "signature_verification_state_update",
                        "iii",
                        (m, a) ->
                                h.verificationStates
                                        .get(i32(a, 0))
                                        .update(m.read(i32(a, 1), i32(a, 2))))
                .function(
                        "signature_verification_state_verify",
                        "ii",
                        (m, a) ->
                                h.verificationStates
                                        .get(i32(a, 0))
                                        .verify(h.signatures.get(i32(a, 1))))
                .function(
                        "signature_verification_state_close",
                        "i",
                        (m, a) -> h.verificationStates.remove(i32(a, 0)));
    }
}
