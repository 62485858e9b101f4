package io.cryptobridge.conformance;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.wasi.WasiPreview1;
import com.dylibso.chicory.wasm.types.ExportSection;
import io.cryptobridge.GuestSession;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A reactor guest instantiated by {@link GuestRunner#startReactor}: call its exports, read and
 * write its memory, and watch its session. Closing it ends the session.
 */
public final class ReactorGuest implements AutoCloseable {
    private static final String INITIALIZE = "_initialize";

    private final Instance instance;
    private final GuestSession session;
    private final WasiPreview1 wasi;
    private final ByteArrayOutputStream stdout;
    private final ByteArrayOutputStream stderr;

    ReactorGuest(
            Instance instance,
            GuestSession session,
            WasiPreview1 wasi,
            ByteArrayOutputStream stdout,
            ByteArrayOutputStream stderr) {
        this.instance = instance;
        this.session = session;
        this.wasi = wasi;
        this.stdout = stdout;
        this.stderr = stderr;
        if (hasExport(INITIALIZE)) {
            instance.export(INITIALIZE).apply();
        }
    }

    /** Whether the module exports something by this name. */
    public boolean hasExport(String name) {
        ExportSection exports = instance.module().exportSection();
        for (int i = 0; i < exports.exportCount(); i++) {
            if (exports.getExport(i).name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** Calls an export that returns one value (e.g. an errno) and returns it. */
    public long call(String export, long... args) {
        long[] results = instance.export(export).apply(args);
        return results == null || results.length == 0 ? 0 : results[0];
    }

    /** Calls an export that returns an i32 errno. */
    public int callErrno(String export, long... args) {
        return (int) call(export, args);
    }

    public Instance instance() {
        return instance;
    }

    public Memory memory() {
        return instance.memory();
    }

    public GuestSession session() {
        return session;
    }

    /** Live wasi-crypto handles the guest holds now. */
    public int liveHandles() {
        return session.liveHandles();
    }

    /** Allocates {@code size} bytes with the guest's exported {@code alloc(size) -> ptr}. */
    public int alloc(int size) {
        return (int) call("alloc", size);
    }

    /** Frees with the guest's exported {@code dealloc(ptr)}. */
    public void dealloc(int pointer) {
        call("dealloc", pointer);
    }

    /** Copies bytes into a fresh {@code alloc}ed buffer and returns its address. */
    public int copyIn(byte[] bytes) {
        int pointer = alloc(bytes.length);
        memory().write(pointer, bytes);
        return pointer;
    }

    /** Copies a string (UTF-8, no terminator) into a fresh buffer and returns its address. */
    public int copyIn(String text) {
        return copyIn(text.getBytes(StandardCharsets.UTF_8));
    }

    public byte[] read(int pointer, int length) {
        return memory().readBytes(pointer, length);
    }

    public void write(int pointer, byte[] bytes) {
        memory().write(pointer, bytes);
    }

    public String stdout() {
        return stdout.toString(StandardCharsets.UTF_8);
    }

    public String stderr() {
        return stderr.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        wasi.close();
        session.close();
    }
}
