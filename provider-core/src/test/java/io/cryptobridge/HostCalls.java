package io.cryptobridge;

import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.wasm.Parser;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Calls a session's wasi-crypto host functions the way a guest does: core-wasm arguments, with
 * strings and out-slots in the memory of a module that only exports memory.
 */
final class HostCalls {
    static final int SIGNATURES = 0;
    static final int SYMMETRIC = 1;
    static final int KEY_EXCHANGE = 2;
    static final int UNTOUCHED = 0xdeadbeef;

    /** (module (memory (export "memory") 1)) */
    private static final byte[] MEMORY_ONLY_MODULE = {
        0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x05, 0x03, 0x01, 0x00, 0x01, 0x07, 0x0a,
        0x01, 0x06, 'm', 'e', 'm', 'o', 'r', 'y', 0x02, 0x00
    };

    private final Map<String, HostFunction> functions = new HashMap<>();
    private final Instance instance;
    private final Memory memory;
    private int next = 16;

    HostCalls(GuestSession session) {
        for (HostFunction f : session.hostFunctions()) {
            functions.put(f.name(), f);
        }
        instance =
                Instance.builder(Parser.parse(new ByteArrayInputStream(MEMORY_ONLY_MODULE)))
                        .build();
        memory = instance.memory();
    }

    /** Calls a host function by name; returns its errno. */
    int call(String name, long... args) {
        return (int) functions.get(name).handle().apply(instance, args)[0];
    }

    int put(byte[] data) {
        int pointer = next;
        next += (data.length + 7) & ~7;
        memory.write(pointer, data);
        return pointer;
    }

    int put(String text) {
        return put(text.getBytes(StandardCharsets.UTF_8));
    }

    /** An out-slot, pre-filled with {@link #UNTOUCHED}. */
    int slot() {
        int pointer = put(new byte[8]);
        memory.writeI32(pointer, UNTOUCHED);
        return pointer;
    }

    int i32(int pointer) {
        return memory.readInt(pointer);
    }

    long i64(int pointer) {
        return memory.readLong(pointer);
    }

    byte[] bytes(int pointer, int length) {
        return memory.readBytes(pointer, length);
    }

    /** An opt_options that holds {@code handle}. */
    int some(int handle) {
        int pointer = put(new byte[8]);
        memory.writeI32(pointer + 4, handle);
        return pointer;
    }

    /** An opt_options / opt_symmetric_key that says none. */
    int none() {
        return put(new byte[] {1, 0, 0, 0, 0, 0, 0, 0});
    }

    /** symmetric_state_open without key and options; returns the errno, the handle in out. */
    int openState(String algorithm, int out) {
        return call(
                "symmetric_state_open", put(algorithm), algorithm.length(), none(), none(), out);
    }

    int generateKeyPair(int type, String algorithm, int out) {
        return call("keypair_generate", type, put(algorithm), algorithm.length(), none(), out);
    }
}
