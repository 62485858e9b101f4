package io.cryptobridge.software;

import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.wasm.Parser;
import io.cryptobridge.CryptoHost;
import io.cryptobridge.GuestSession;
import io.cryptobridge.SessionLimits;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Calls the wasi-crypto host functions the way a guest does: arguments as core-wasm values, buffers
 * and out-pointers in the linear memory of a minimal module that only exports memory.
 */
final class AbiHarness implements AutoCloseable {
    static final int SIGNATURES = 0;
    static final int SYMMETRIC = 1;
    static final int KEY_EXCHANGE = 2;

    /** (module (memory (export "memory") 1)) */
    private static final byte[] MEMORY_ONLY_MODULE = {
        0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x05, 0x03, 0x01, 0x00, 0x01, 0x07, 0x0a,
        0x01, 0x06, 'm', 'e', 'm', 'o', 'r', 'y', 0x02, 0x00
    };

    private final CryptoHost host;
    final GuestSession session;
    private final Instance instance;
    final Memory memory;
    private final Map<String, HostFunction> functions = new HashMap<>();
    private int next = 16;

    AbiHarness() {
        this(SessionLimits.DEFAULT);
    }

    AbiHarness(SessionLimits limits) {
        this(new SoftwareBackend("soft", AsymmetricFixture.RANDOM), limits);
    }

    /** A host over {@code backend} alone (e.g. one with a keystore). */
    AbiHarness(SoftwareBackend backend) {
        this(backend, SessionLimits.DEFAULT);
    }

    private AbiHarness(SoftwareBackend backend, SessionLimits limits) {
        host = CryptoHost.builder().backend(backend).limits(limits).build();
        session = host.newSession();
        for (HostFunction f : session.hostFunctions()) {
            functions.put(f.name(), f);
        }
        instance =
                Instance.builder(Parser.parse(new ByteArrayInputStream(MEMORY_ONLY_MODULE)))
                        .build();
        memory = instance.memory();
    }

    /** Calls a host function by name and returns its errno. */
    int call(String name, long... args) {
        HostFunction f = functions.get(name);
        if (f == null) {
            throw new IllegalArgumentException("no host function " + name);
        }
        return (int) f.handle().apply(instance, args)[0];
    }

    boolean has(String module, String name) {
        HostFunction f = functions.get(name);
        return f != null && f.module().equals(module);
    }

    /** Copies bytes into fresh guest memory; returns the pointer. */
    int put(byte[] data) {
        int pointer = alloc(data.length);
        memory.write(pointer, data);
        return pointer;
    }

    int put(String text) {
        return put(text.getBytes(StandardCharsets.UTF_8));
    }

    int alloc(int length) {
        int pointer = next;
        next += (length + 7) & ~7;
        return pointer;
    }

    /** An out-slot for a handle or size. */
    int slot() {
        int pointer = alloc(8);
        memory.writeI32(pointer, 0xdeadbeef);
        return pointer;
    }

    int i32(int pointer) {
        return memory.readInt(pointer);
    }

    /** An opt_options/opt_symmetric_key struct that says none. */
    int none() {
        return put(new byte[] {1, 0, 0, 0, 0, 0, 0, 0});
    }

    /** Pulls a whole array_output. */
    byte[] pull(int arrayOutput) {
        int length = slot();
        check(call("array_output_len", arrayOutput, length));
        int size = i32(length);
        int buffer = alloc(size);
        int copied = slot();
        check(call("array_output_pull", arrayOutput, buffer, size, copied));
        return memory.readBytes(buffer, i32(copied));
    }

    /** keypair_generate; returns the handle. */
    int generate(int type, String algorithm) {
        int out = slot();
        check(call("keypair_generate", type, put(algorithm), algorithm.length(), none(), out));
        return i32(out);
    }

    static void check(int errno) {
        if (errno != 0) {
            throw new AssertionError("errno " + errno);
        }
    }

    @Override
    public void close() {
        session.close();
        host.close();
    }
}
