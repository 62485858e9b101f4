package io.cryptobridge.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cryptobridge.CryptoErrno;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * ABI edge cases through guests/wat/abi_edges.wat, whose exports forward their arguments unchanged
 * to the wasi-crypto imports: pointers and lengths outside the guest's memory and malformed
 * opt_options are guest_error, and such a call writes nothing and changes no host state.
 */
class AbiEdgesTest {
    private static final int GUEST_ERROR = CryptoErrno.GUEST_ERROR.code();
    private static final int SUCCESS = CryptoErrno.SUCCESS.code();

    /** abi_edges.wat has exactly one 64 KiB page. */
    private static final int MEMORY_SIZE = 65536;

    private static final int ALG = 0x100;
    private static final int NONE = 0x200;
    private static final int BAD_TAG = 0x208;
    private static final int SOME_KEY = 0x210;
    private static final int SOME_OPTIONS = 0x218;
    private static final int OUT = 0x300;
    private static final int OUT2 = 0x308;
    private static final int DATA = 0x400;
    private static final int BUFFER = 0x800;
    private static final int NAME = 0x1000;

    private static GuestRunner runner;
    private ReactorGuest guest;

    @BeforeAll
    static void startRunner() {
        runner = GuestRunner.withDefaults();
    }

    @AfterAll
    static void stopRunner() {
        runner.close();
    }

    @BeforeEach
    void startGuest() {
        guest = runner.startReactor(Guests.wasm("abi_edges"));
        guest.write(NONE, new byte[] {1, 0, 0, 0, 0, 0, 0, 0});
        guest.write(BAD_TAG, new byte[] {2, 0, 0, 0, 0, 0, 0, 0});
    }

    @AfterEach
    void stopGuest() {
        guest.close();
    }

    @Test
    void keyGenerate_algorithmLengthAllOnes_guestErrorNothingChanged() {
        int alg = string(ALG, "AES-128-GCM");
        assertUntouchedGuestError(
                () -> call("symmetric_key_generate", alg, 0xFFFF_FFFFL, NONE, OUT));
    }

    @Test
    void keyGenerate_algorithmNameCrossesEndOfMemory_guestErrorNothingChanged() {
        assertUntouchedGuestError(
                () -> call("symmetric_key_generate", MEMORY_SIZE - 5, 11, NONE, OUT));
    }

    @Test
    void keyGenerate_outPointerPastEnd_guestErrorAndNoKeyCreated() {
        int len = stringLength(ALG, "AES-128-GCM");
        assertUntouchedGuestError(
                () -> call("symmetric_key_generate", ALG, len, NONE, MEMORY_SIZE - 2));
        assertUntouchedGuestError(
                () -> call("symmetric_key_generate", ALG, len, NONE, 0xFFFF_FFFFL));
    }

    @Test
    void keyGenerate_optOptionsPastEnd_guestErrorNothingChanged() {
        int len = stringLength(ALG, "AES-128-GCM");
        assertUntouchedGuestError(
                () -> call("symmetric_key_generate", ALG, len, MEMORY_SIZE - 4, OUT));
    }

    @Test
    void keyGenerate_optOptionsTagTwo_guestErrorNothingChanged() {
        int len = stringLength(ALG, "AES-128-GCM");
        assertUntouchedGuestError(() -> call("symmetric_key_generate", ALG, len, BAD_TAG, OUT));
        guest.write(BAD_TAG, new byte[] {(byte) 0xFF});
        assertUntouchedGuestError(() -> call("symmetric_key_generate", ALG, len, BAD_TAG, OUT));
    }

    @Test
    void keyImport_rawKeyCrossesEndOfMemory_guestErrorNothingChanged() {
        int len = stringLength(ALG, "HMAC/SHA-256");
        assertUntouchedGuestError(
                () -> call("symmetric_key_import", ALG, len, MEMORY_SIZE - 16, 32, OUT));
    }

    @Test
    void stateOpen_optSymmetricKeyTagFive_guestErrorAndNoState() {
        int len = stringLength(ALG, "HMAC/SHA-256");
        int key = generateKey("HMAC/SHA-256");
        guest.write(SOME_KEY, optional(5, key));
        assertUntouchedGuestError(
                () -> call("symmetric_state_open", ALG, len, SOME_KEY, NONE, OUT));
    }

    @Test
    void absorb_dataPastEnd_guestErrorAndStateUnchanged() {
        int state = openHash();
        absorb(state, "abc");
        assertUntouchedGuestError(() -> call("symmetric_state_absorb", state, 0xFFFF_FF00L, 0x100));
        assertUntouchedGuestError(() -> call("symmetric_state_absorb", state, DATA, 0xFFFF_FFFFL));
        assertEquals(SUCCESS, call("symmetric_state_squeeze", state, BUFFER, 32));
        assertEquals(
                "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                HexFormat.of().formatHex(guest.read(BUFFER, 32)),
                "SHA-256(abc): the failed absorbs added nothing");
    }

    @Test
    void squeeze_outputCrossesEnd_guestErrorNothingWritten() {
        int state = openHash();
        assertUntouchedGuestError(
                () -> call("symmetric_state_squeeze", state, MEMORY_SIZE - 16, 32));
    }

    @Test
    void arrayOutputPull_bufferPastEnd_guestErrorAndNothingConsumed() {
        int output = exportedKey();
        assertUntouchedGuestError(
                () -> call("array_output_pull", output, MEMORY_SIZE - 10, 32, OUT2));
        assertUntouchedGuestError(() -> call("array_output_pull", output, BUFFER, 32, MEMORY_SIZE));
        assertEquals(SUCCESS, call("array_output_len", output, OUT2));
        assertEquals(32, guest.memory().readInt(OUT2), "array_output_len still 32");
        assertEquals(SUCCESS, call("array_output_pull", output, BUFFER, 32, OUT2));
        assertEquals(32, guest.memory().readInt(OUT2), "a later pull still gets every byte");
    }

    @Test
    void encrypt_outputPastEnd_guestErrorAndNonceNotSpent() {
        int state = openAesGcm();
        write(DATA, new byte[20]);
        assertUntouchedGuestError(
                () -> call("symmetric_state_encrypt", state, MEMORY_SIZE - 20, 36, DATA, 20, OUT2));
        assertUntouchedGuestError(
                () ->
                        call(
                                "symmetric_state_encrypt",
                                state,
                                BUFFER,
                                36,
                                DATA,
                                20,
                                MEMORY_SIZE - 1));
        assertEquals(
                SUCCESS,
                call("symmetric_state_encrypt", state, BUFFER, 36, DATA, 20, OUT2),
                "the failed calls did not use up the nonce");
        assertEquals(36, guest.memory().readInt(OUT2));
    }

    @Test
    void decrypt_outputPastEnd_guestErrorNothingWritten() {
        int state = openAesGcm();
        assertUntouchedGuestError(
                () -> call("symmetric_state_decrypt", state, MEMORY_SIZE - 4, 20, DATA, 36, OUT2));
    }

    @Test
    void tagPull_bufferPastEnd_guestErrorAndTagStillOpen() {
        int tag = hmacTag();
        assertUntouchedGuestError(() -> call("symmetric_tag_pull", tag, MEMORY_SIZE - 8, 32, OUT2));
        assertEquals(SUCCESS, call("symmetric_tag_pull", tag, BUFFER, 32, OUT2));
        assertEquals(32, guest.memory().readInt(OUT2));
    }

    @Test
    void handleOutputs_pastEnd_guestErrorAndNoHandleCreated() {
        int state = openHash();
        int options = openOptions();
        assertUntouchedGuestError(() -> call("symmetric_state_clone", state, MEMORY_SIZE - 3));
        assertUntouchedGuestError(() -> call("options_open", 1, 0xFFFF_FFFCL));
        int mac = openHmac();
        assertUntouchedGuestError(() -> call("symmetric_state_squeeze_tag", mac, MEMORY_SIZE));
        assertEquals(SUCCESS, call("options_close", options));
    }

    @Test
    void optionsSet_nameLengthAllOnes_guestErrorNothingChanged() {
        int options = openOptions();
        string(NAME, "nonce");
        assertUntouchedGuestError(() -> call("options_set", options, NAME, 0xFFFF_FFFFL, DATA, 12));
        assertUntouchedGuestError(() -> call("options_set", options, NAME, 5, MEMORY_SIZE - 6, 12));
    }

    @Test
    void optionsGet_valueBufferOrU64OutPastEnd_guestErrorNothingWritten() {
        int state = openAesGcm();
        int name = stringLength(NAME, "nonce");
        assertUntouchedGuestError(
                () ->
                        call(
                                "symmetric_state_options_get",
                                state,
                                NAME,
                                name,
                                MEMORY_SIZE - 4,
                                12,
                                OUT2));
        int limit = stringLength(NAME, "memory_limit");
        assertUntouchedGuestError(
                () -> call("symmetric_state_options_get_u64", state, NAME, limit, MEMORY_SIZE - 4));
    }

    @Test
    void optionsSetGuestBuffer_regionPastEnd_guestErrorNothingChanged() {
        int options = openOptions();
        int name = stringLength(NAME, "buffer");
        assertUntouchedGuestError(
                () -> call("options_set_guest_buffer", options, NAME, name, MEMORY_SIZE - 8, 16));
        assertUntouchedGuestError(
                () -> call("options_set_guest_buffer", options, NAME, name, BUFFER, 0xFFFF_FFFFL));
        assertEquals(
                SUCCESS,
                call("options_set_guest_buffer", options, NAME, name, BUFFER, 16),
                "an in-range region is accepted");
    }

    @Test
    void decryptDetached_tagPastEnd_guestErrorOutputNotZeroed() {
        int state = openAesGcm();
        write(BUFFER, new byte[] {1, 2, 3, 4});
        assertUntouchedGuestError(
                () ->
                        call(
                                "symmetric_state_decrypt_detached",
                                state,
                                BUFFER,
                                4,
                                DATA,
                                4,
                                MEMORY_SIZE - 8,
                                16,
                                OUT2));
    }

    @Test
    void tagVerify_expectedPastEnd_guestErrorAndTagStillOpen() {
        int tag = hmacTag();
        assertUntouchedGuestError(() -> call("symmetric_tag_verify", tag, MEMORY_SIZE - 16, 32));
        assertEquals(
                CryptoErrno.INVALID_TAG.code(),
                call("symmetric_tag_verify", tag, DATA, 32),
                "the tag is still there to verify (against zeros: invalid_tag)");
    }

    @Test
    void noMemoryGuest_callNeedingMemory_guestErrorNotTrap() {
        try (ReactorGuest noMemory = runner.startReactor(Guests.wasm("no_memory"))) {
            assertEquals(GUEST_ERROR, noMemory.callErrno("generate"));
            assertEquals(
                    CryptoErrno.INVALID_HANDLE.code(),
                    noMemory.callErrno("close"),
                    "a call that touches no memory still answers normally");
            assertEquals(0, noMemory.liveHandles());
        }
    }

    // ---- helpers ----

    /** Runs a call that must fail with guest_error and leave memory and handles as they were. */
    private void assertUntouchedGuestError(IntSupplier call) {
        byte[] before = guest.read(0, MEMORY_SIZE);
        int handlesBefore = guest.liveHandles();
        assertEquals(GUEST_ERROR, call.getAsInt(), "errno");
        assertArrayEquals(before, guest.read(0, MEMORY_SIZE), "guest memory changed");
        assertEquals(handlesBefore, guest.liveHandles(), "live handles changed");
    }

    private int call(String export, long... args) {
        return guest.callErrno(export, args);
    }

    private int string(int pointer, String text) {
        write(pointer, text.getBytes(StandardCharsets.UTF_8));
        return pointer;
    }

    private int stringLength(int pointer, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        write(pointer, bytes);
        return bytes.length;
    }

    private void write(int pointer, byte[] bytes) {
        guest.write(pointer, bytes);
    }

    private static byte[] optional(int tag, int handle) {
        return new byte[] {
            (byte) tag,
            0,
            0,
            0,
            (byte) handle,
            (byte) (handle >>> 8),
            (byte) (handle >>> 16),
            (byte) (handle >>> 24)
        };
    }

    private int handleAt(int pointer) {
        return guest.memory().readInt(pointer);
    }

    private int generateKey(String algorithm) {
        int len = stringLength(ALG, algorithm);
        assertEquals(SUCCESS, call("symmetric_key_generate", ALG, len, NONE, OUT));
        return handleAt(OUT);
    }

    private int openOptions() {
        assertEquals(SUCCESS, call("options_open", 1, OUT));
        return handleAt(OUT);
    }

    private int openHash() {
        int len = stringLength(ALG, "SHA-256");
        assertEquals(SUCCESS, call("symmetric_state_open", ALG, len, NONE, NONE, OUT));
        return handleAt(OUT);
    }

    private int openHmac() {
        int key = generateKey("HMAC/SHA-256");
        guest.write(SOME_KEY, optional(0, key));
        int len = stringLength(ALG, "HMAC/SHA-256");
        assertEquals(SUCCESS, call("symmetric_state_open", ALG, len, SOME_KEY, NONE, OUT));
        return handleAt(OUT);
    }

    private int hmacTag() {
        int state = openHmac();
        assertEquals(SUCCESS, call("symmetric_state_squeeze_tag", state, OUT));
        return handleAt(OUT);
    }

    private void absorb(int state, String text) {
        int len = stringLength(DATA, text);
        assertEquals(SUCCESS, call("symmetric_state_absorb", state, DATA, len));
    }

    private int exportedKey() {
        int key = generateKey("HMAC/SHA-256");
        assertEquals(SUCCESS, call("symmetric_key_export", key, OUT));
        return handleAt(OUT);
    }

    private int openAesGcm() {
        int key = generateKey("AES-128-GCM");
        int options = openOptions();
        int name = stringLength(NAME, "nonce");
        write(DATA, new byte[12]);
        assertEquals(SUCCESS, call("options_set", options, NAME, name, DATA, 12));
        guest.write(SOME_KEY, optional(0, key));
        guest.write(SOME_OPTIONS, optional(0, options));
        int len = stringLength(ALG, "AES-128-GCM");
        assertEquals(SUCCESS, call("symmetric_state_open", ALG, len, SOME_KEY, SOME_OPTIONS, OUT));
        return handleAt(OUT);
    }
}
