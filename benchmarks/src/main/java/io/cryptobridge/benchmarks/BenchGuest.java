package io.cryptobridge.benchmarks;

import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.ExportFunction;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import io.cryptobridge.CryptoHost;
import io.cryptobridge.GuestSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The benchmark guest ({@code bench_guest.wasm}, source in {@code src/main/guest}) instantiated on
 * the embedded software default, compiled to bytecode as the CLI runs guests.
 */
final class BenchGuest implements AutoCloseable {
    private final CryptoHost host;
    private final GuestSession session;
    private final Instance instance;

    BenchGuest() {
        WasmModule module = Parser.parse(load());
        host = CryptoHost.withDefaults();
        session = host.newSession();
        instance =
                Instance.builder(module)
                        .withImportValues(session.addTo(ImportValues.builder()).build())
                        .withMachineFactory(MachineFactoryCompiler.compile(module))
                        .withStart(false)
                        .build();
        instance.export("_initialize").apply();
    }

    ExportFunction export(String name) {
        return instance.export(name);
    }

    /** Calls an export that returns a crypto_errno and fails on anything but success. */
    static void require(ExportFunction function, long... args) {
        long errno = function.apply(args)[0];
        if (errno != 0) {
            throw new IllegalStateException("guest call failed with crypto_errno " + errno);
        }
    }

    private static byte[] load() {
        try (InputStream in = BenchGuest.class.getResourceAsStream("/bench_guest.wasm")) {
            if (in == null) {
                throw new IllegalStateException("bench_guest.wasm is not on the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        session.close();
        host.close();
    }
}
