package io.cryptobridge.software;

import static io.cryptobridge.software.AbiHarness.KEY_EXCHANGE;
import static io.cryptobridge.software.AbiHarness.SIGNATURES;
import static io.cryptobridge.software.AbiHarness.SYMMETRIC;
import static io.cryptobridge.software.AbiHarness.check;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cryptobridge.CryptoErrno;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The asymmetric, signature and kx modules through their core-wasm interface. */
class AsymmetricAbiTest {
    private static final int UNTOUCHED = 0xdeadbeef;
    private final AbiHarness g = new AbiHarness();

    @AfterEach
    void close() {
        g.close();
    }

    private int signState(int keyPair, byte[] message) {
        int state = g.slot();
        check(g.call("signature_state_open", keyPair, state));
        check(g.call("signature_state_update", g.i32(state), g.put(message), message.length));
        return g.i32(state);
    }

    private int sign(int state) {
        int signature = g.slot();
        check(g.call("signature_state_sign", state, signature));
        return g.i32(signature);
    }

    private int verifyState(int publicKey, byte[] message) {
        int state = g.slot();
        check(g.call("signature_verification_state_open", publicKey, state));
        check(
                g.call(
                        "signature_verification_state_update",
                        g.i32(state),
                        g.put(message),
                        message.length));
        return g.i32(state);
    }

    private int publicKeyOf(int keyPair) {
        int out = g.slot();
        check(g.call("keypair_publickey", keyPair, out));
        return g.i32(out);
    }

    @Test
    void ed25519_signThenVerify_succeedsAndTamperedFailsInvalidSignature() {
        int pair = g.generate(SIGNATURES, "Ed25519");
        int signature = sign(signState(pair, "hello".getBytes()));
        int publicKey = publicKeyOf(pair);
        assertEquals(
                0,
                g.call(
                        "signature_verification_state_verify",
                        verifyState(publicKey, "hello".getBytes()),
                        signature));
        assertEquals(
                CryptoErrno.INVALID_SIGNATURE.code(),
                g.call(
                        "signature_verification_state_verify",
                        verifyState(publicKey, "hellO".getBytes()),
                        signature));
        int exported = g.slot();
        check(g.call("signature_export", signature, 0, exported));
        assertEquals(64, g.pull(g.i32(exported)).length);
    }

    @Test
    void statesOfTheOtherKind_failInvalidHandle() {
        int pair = g.generate(SIGNATURES, "ECDSA_P256_SHA256");
        int signing = signState(pair, new byte[] {1});
        int verifying = verifyState(publicKeyOf(pair), new byte[] {1});
        int buffer = g.put(new byte[] {2});
        int invalidHandle = CryptoErrno.INVALID_HANDLE.code();
        assertEquals(
                invalidHandle, g.call("signature_verification_state_update", signing, buffer, 1));
        assertEquals(invalidHandle, g.call("signature_state_update", verifying, buffer, 1));
        assertEquals(
                invalidHandle,
                g.call("signature_verification_state_verify", signing, sign(signing)));
        int out = g.slot();
        assertEquals(invalidHandle, g.call("signature_state_sign", verifying, out));
        assertEquals(UNTOUCHED, g.i32(out));
        assertEquals(invalidHandle, g.call("signature_state_close", verifying));
        check(g.call("signature_state_close", signing));
        assertEquals(CryptoErrno.CLOSED.code(), g.call("signature_state_close", signing));
    }

    @Test
    void signatureImport_derGarbage_failsInvalidSignatureAndWritesNothing() {
        int out = g.slot();
        String algorithm = "ECDSA_P256_SHA256";
        int errno =
                g.call(
                        "signature_import",
                        g.put(algorithm),
                        algorithm.length(),
                        g.put(new byte[] {0x30, 0x00}),
                        2,
                        1,
                        out);
        assertEquals(CryptoErrno.INVALID_SIGNATURE.code(), errno);
        assertEquals(UNTOUCHED, g.i32(out));
    }

    @Test
    void ecdsa_derSignatureFromSign_verifiesAfterReimport_butNotForTamperedMessage() {
        int pair = g.generate(SIGNATURES, "ECDSA_P384_SHA384");
        int signature = sign(signState(pair, "msg".getBytes()));
        int exported = g.slot();
        check(g.call("signature_export", signature, 1, exported));
        byte[] der = g.pull(g.i32(exported));
        String algorithm = "ECDSA_P384_SHA384";
        int imported = g.slot();
        check(
                g.call(
                        "signature_import",
                        g.put(algorithm),
                        algorithm.length(),
                        g.put(der),
                        der.length,
                        1,
                        imported));
        int publicKey = publicKeyOf(pair);
        assertEquals(
                0,
                g.call(
                        "signature_verification_state_verify",
                        verifyState(publicKey, "msg".getBytes()),
                        g.i32(imported)));
        assertEquals(
                CryptoErrno.INVALID_SIGNATURE.code(),
                g.call(
                        "signature_verification_state_verify",
                        verifyState(publicKey, "msG".getBytes()),
                        signature));
    }

    @Test
    void kxEncapsulate_writesSecretFirstThenCiphertext() {
        int pair = g.generate(KEY_EXCHANGE, "ML-KEM-768");
        int secretOut = g.slot();
        int ciphertextOut = g.slot();
        check(g.call("kx_encapsulate", publicKeyOf(pair), secretOut, ciphertextOut));
        byte[] secret = g.pull(g.i32(secretOut));
        byte[] ciphertext = g.pull(g.i32(ciphertextOut));
        assertEquals(32, secret.length);
        assertEquals(1088, ciphertext.length);
        int secretKey = g.slot();
        check(g.call("keypair_secretkey", pair, secretKey));
        int decapsulated = g.slot();
        check(
                g.call(
                        "kx_decapsulate",
                        g.i32(secretKey),
                        g.put(ciphertext),
                        ciphertext.length,
                        decapsulated));
        assertArrayEquals(secret, g.pull(g.i32(decapsulated)));
    }

    @Test
    void kxDh_x25519_bothSidesAgree() {
        int alice = g.generate(KEY_EXCHANGE, "X25519");
        int bob = g.generate(KEY_EXCHANGE, "X25519");
        byte[][] secrets = new byte[2][];
        int[][] sides = {{alice, bob}, {bob, alice}};
        for (int i = 0; i < 2; i++) {
            int secretKey = g.slot();
            check(g.call("keypair_secretkey", sides[i][0], secretKey));
            int out = g.slot();
            check(g.call("kx_dh", publicKeyOf(sides[i][1]), g.i32(secretKey), out));
            secrets[i] = g.pull(g.i32(out));
        }
        assertEquals(32, secrets[0].length);
        assertArrayEquals(secrets[0], secrets[1]);
    }

    @Test
    void keyOfOtherFamily_failsInvalidKey() {
        int x25519 = g.generate(KEY_EXCHANGE, "X25519");
        int out = g.slot();
        assertEquals(CryptoErrno.INVALID_KEY.code(), g.call("signature_state_open", x25519, out));
        assertEquals(UNTOUCHED, g.i32(out));
    }

    @Test
    void errnoDecisions_managedLocalEncodingTypeAndName() {
        int pair = g.generate(SIGNATURES, "Ed25519");
        int out = g.slot();
        assertEquals(3, g.call("keypair_store_managed", 0, pair, g.alloc(64), 64));
        assertEquals(3, g.call("keypair_id", pair, g.alloc(64), 64, out, g.slot()));
        assertEquals(
                CryptoErrno.UNSUPPORTED_ENCODING.code(), g.call("keypair_export", pair, 3, out));
        assertEquals(CryptoErrno.GUEST_ERROR.code(), g.call("keypair_export", pair, 9, out));
        String name = "Ed25519";
        assertEquals(
                CryptoErrno.INVALID_OPERATION.code(),
                g.call("keypair_generate", SYMMETRIC, g.put(name), name.length(), g.none(), out));
        assertEquals(
                CryptoErrno.UNSUPPORTED_ALGORITHM.code(),
                g.call(
                        "keypair_generate",
                        KEY_EXCHANGE,
                        g.put(name),
                        name.length(),
                        g.none(),
                        out));
        assertEquals(UNTOUCHED, g.i32(out));
        int data = g.put(new byte[64]);
        assertEquals(
                CryptoErrno.UNSUPPORTED_ENCODING.code(),
                g.call("keypair_import", SIGNATURES, g.put(name), name.length(), data, 64, 3, out));
        assertEquals(
                CryptoErrno.UNSUPPORTED_ENCODING.code(),
                g.call(
                        "publickey_import",
                        SIGNATURES,
                        g.put(name),
                        name.length(),
                        data,
                        32,
                        4,
                        out));
        assertEquals(
                CryptoErrno.UNSUPPORTED_ENCODING.code(),
                g.call(
                        "publickey_import",
                        SIGNATURES,
                        g.put(name),
                        name.length(),
                        data,
                        32,
                        3,
                        out));
        assertEquals(UNTOUCHED, g.i32(out));
    }

    @Test
    void keypairGenerate_symmetricOptions_failsInvalidHandle() {
        int options = g.slot();
        check(g.call("options_open", SYMMETRIC, options));
        int some = g.put(new byte[8]);
        g.memory.writeI32(some + 4, g.i32(options));
        String name = "Ed25519";
        int out = g.slot();
        assertEquals(
                CryptoErrno.INVALID_HANDLE.code(),
                g.call("keypair_generate", SIGNATURES, g.put(name), name.length(), some, out));
    }

    @Test
    void keypairFromPkAndSk_mismatchFailsIncompatibleKeys_matchRebuildsPair() {
        int a = g.generate(SIGNATURES, "ECDSA_K256_SHA256");
        int b = g.generate(SIGNATURES, "ECDSA_K256_SHA256");
        int secretOut = g.slot();
        check(g.call("keypair_secretkey", a, secretOut));
        int out = g.slot();
        assertEquals(
                CryptoErrno.INCOMPATIBLE_KEYS.code(),
                g.call("keypair_from_pk_and_sk", publicKeyOf(b), g.i32(secretOut), out));
        check(g.call("keypair_from_pk_and_sk", publicKeyOf(a), g.i32(secretOut), out));
        int fromSecret = g.slot();
        check(g.call("publickey_from_secretkey", g.i32(secretOut), fromSecret));
        check(g.call("publickey_verify", g.i32(fromSecret)));
    }

    @Test
    void importExport_everyKeyKind_roundTrips() {
        int pair = g.generate(SIGNATURES, "Ed25519");
        int exported = g.slot();
        check(g.call("keypair_export", pair, 0, exported));
        byte[] raw = g.pull(g.i32(exported));
        assertEquals(64, raw.length);
        String name = "ED25519";
        int imported = g.slot();
        check(
                g.call(
                        "keypair_import",
                        SIGNATURES,
                        g.put(name),
                        name.length(),
                        g.put(raw),
                        raw.length,
                        0,
                        imported));
        int secret = g.slot();
        check(g.call("keypair_secretkey", g.i32(imported), secret));
        int secretExport = g.slot();
        check(g.call("secretkey_export", g.i32(secret), 0, secretExport));
        assertArrayEquals(Arrays.copyOf(raw, 32), g.pull(g.i32(secretExport)));
        int publicExport = g.slot();
        check(g.call("publickey_export", publicKeyOf(pair), 2, publicExport));
        byte[] pem = g.pull(g.i32(publicExport));
        assertTrue(new String(pem).startsWith("-----BEGIN PUBLIC KEY-----"));
        int publicImported = g.slot();
        check(
                g.call(
                        "publickey_import",
                        SIGNATURES,
                        g.put(name),
                        name.length(),
                        g.put(pem),
                        pem.length,
                        2,
                        publicImported));
        check(g.call("keypair_close", pair));
        check(g.call("secretkey_close", g.i32(secret)));
        assertEquals(CryptoErrno.CLOSED.code(), g.call("keypair_close", pair));
    }

    @Test
    void keypairClose_leavesDerivedKeysAndOpenStatesWorking() {
        int pair = g.generate(SIGNATURES, "ECDSA_P256_SHA256");
        int secret = g.slot();
        check(g.call("keypair_secretkey", pair, secret));
        int publicKey = publicKeyOf(pair);
        int state = signState(pair, "m".getBytes());
        check(g.call("keypair_close", pair));
        int out = g.slot();
        assertEquals(CryptoErrno.INVALID_HANDLE.code(), g.call("keypair_publickey", pair, out));
        int signature = sign(state);
        assertEquals(
                0,
                g.call(
                        "signature_verification_state_verify",
                        verifyState(publicKey, "m".getBytes()),
                        signature));
        check(g.call("secretkey_export", g.i32(secret), 1, out));
        assertTrue(g.pull(g.i32(out)).length > 32);
    }

    @Test
    void allFunctions_registeredUnderTheirModules() {
        String common = "wasi_ephemeral_crypto_asymmetric_common";
        for (String f :
                new String[] {
                    "keypair_generate", "keypair_import", "keypair_generate_managed",
                    "keypair_store_managed", "keypair_replace_managed", "keypair_id",
                    "keypair_from_id", "keypair_from_pk_and_sk", "keypair_export",
                    "keypair_publickey", "keypair_secretkey", "keypair_close",
                    "publickey_import", "publickey_export", "publickey_verify",
                    "publickey_from_secretkey", "publickey_close", "secretkey_import",
                    "secretkey_export", "secretkey_close"
                }) {
            assertTrue(g.has(common, f), f);
        }
        for (String f : new String[] {"kx_dh", "kx_encapsulate", "kx_decapsulate"}) {
            assertTrue(g.has("wasi_ephemeral_crypto_kx", f), f);
        }
        assertTrue(g.has("wasi_ephemeral_crypto_signatures", "signature_state_sign"));
    }
}
