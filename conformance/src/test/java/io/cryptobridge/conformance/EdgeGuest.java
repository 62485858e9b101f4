package io.cryptobridge.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cryptobridge.CryptoErrno;
import java.nio.charset.StandardCharsets;

/** Small typed calls on an abi_edges.wat instance, for tests that need a few handles. */
final class EdgeGuest {
    static final int ALG = 0x100;
    static final int NONE = 0x200;
    static final int OUT = 0x300;
    static final int DATA = 0x400;
    static final int BUFFER = 0x800;

    private final ReactorGuest guest;

    EdgeGuest(ReactorGuest guest) {
        this.guest = guest;
        guest.write(NONE, new byte[] {1, 0, 0, 0, 0, 0, 0, 0});
    }

    ReactorGuest reactor() {
        return guest;
    }

    /** symmetric_key_import; returns the errno, the handle is then at {@link #OUT}. */
    int importKey(String algorithm, byte[] raw) {
        byte[] name = algorithm.getBytes(StandardCharsets.UTF_8);
        guest.write(ALG, name);
        guest.write(DATA, raw);
        return guest.callErrno("symmetric_key_import", ALG, name.length, DATA, raw.length, OUT);
    }

    /** Imports a key that must succeed and returns its handle. */
    int importedKey(String algorithm, byte[] raw) {
        assertEquals(CryptoErrno.SUCCESS.code(), importKey(algorithm, raw));
        return outHandle();
    }

    int outHandle() {
        return guest.memory().readInt(OUT);
    }

    int exportKey(int key) {
        return guest.callErrno("symmetric_key_export", key, OUT);
    }

    /** Exports a key and pulls its bytes (the pull closes the array_output). */
    byte[] exportedKey(int key) {
        assertEquals(CryptoErrno.SUCCESS.code(), exportKey(key));
        int output = outHandle();
        assertEquals(CryptoErrno.SUCCESS.code(), guest.callErrno("array_output_len", output, OUT));
        int length = guest.memory().readInt(OUT);
        assertEquals(
                CryptoErrno.SUCCESS.code(),
                guest.callErrno("array_output_pull", output, BUFFER, length, OUT));
        return guest.read(BUFFER, length);
    }

    int closeKey(int key) {
        return guest.callErrno("symmetric_key_close", key);
    }

    int openOptions() {
        return guest.callErrno("options_open", 1, OUT);
    }
}
