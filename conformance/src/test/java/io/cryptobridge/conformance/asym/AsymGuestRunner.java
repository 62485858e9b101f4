package io.cryptobridge.conformance.asym;

import com.dylibso.chicory.runtime.ExportFunction;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.wasi.WasiExitException;
import com.dylibso.chicory.wasi.WasiOptions;
import com.dylibso.chicory.wasi.WasiPreview1;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import io.cryptobridge.CryptoHost;
import io.cryptobridge.GuestSession;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs the asymmetric guests of {@code guests/wasm} in Chicory against a host with the default
 * (software) backend: command guests to completion, reactor guests call by call.
 */
final class AsymGuestRunner {
    private AsymGuestRunner() {}

    /** The committed build of a guest, relative to the conformance module. */
    static Path wasm(String name) {
        Path path = Path.of("..", "guests", "wasm", name).toAbsolutePath().normalize();
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException(
                    path + " is missing: run guests/build.sh and commit the .wasm");
        }
        return path;
    }

    /** What a command guest printed and how it exited. */
    record Run(int exitCode, List<String> lines, String stderr) {
        List<String> checkLines() {
            return lines.stream()
                    .filter(l -> l.startsWith("ok - ") || l.startsWith("FAIL - "))
                    .toList();
        }

        List<String> failures() {
            return lines.stream().filter(l -> l.startsWith("FAIL - ")).toList();
        }

        /** The N of the plan line "1..N", or -1 when the guest printed none. */
        int plannedChecks() {
            return lines.stream()
                    .filter(l -> l.matches("1\\.\\.\\d+"))
                    .mapToInt(l -> Integer.parseInt(l.substring(3)))
                    .findFirst()
                    .orElse(-1);
        }
    }

    /** Runs a command guest's {@code _start} in a fresh session and collects its output. */
    static Run runCommand(Path wasmFile) throws Exception {
        WasmModule module = Parser.parse(wasmFile);
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        WasiOptions options = WasiOptions.builder().withStdout(stdout).withStderr(stderr).build();
        int exit;
        try (CryptoHost host = CryptoHost.withDefaults();
                GuestSession session = host.newSession();
                WasiPreview1 wasi = WasiPreview1.builder().withOptions(options).build()) {
            ImportValues imports =
                    session.addTo(ImportValues.builder())
                            .addFunction(wasi.toHostFunctions())
                            .build();
            Instance instance =
                    Instance.builder(module).withImportValues(imports).withStart(false).build();
            try {
                instance.export("_start").apply();
                exit = 0;
            } catch (WasiExitException e) {
                exit = e.exitCode();
            }
        }
        String out = stdout.toString(StandardCharsets.UTF_8);
        return new Run(exit, out.lines().toList(), stderr.toString(StandardCharsets.UTF_8));
    }

    /** A reactor guest instance bound to one host session; close it after use. */
    static final class Reactor implements AutoCloseable {
        private final CryptoHost host;
        private final GuestSession session;
        private final WasiPreview1 wasi;
        private final Instance instance;
        private final ExportFunction alloc;
        private final ExportFunction release;

        Reactor(Path wasmFile) {
            WasmModule module = Parser.parse(wasmFile);
            this.host = CryptoHost.withDefaults();
            this.session = host.newSession();
            this.wasi =
                    WasiPreview1.builder()
                            .withOptions(WasiOptions.builder().inheritSystem().build())
                            .build();
            ImportValues imports =
                    session.addTo(ImportValues.builder())
                            .addFunction(wasi.toHostFunctions())
                            .build();
            this.instance =
                    Instance.builder(module).withImportValues(imports).withStart(false).build();
            instance.export("_initialize").apply();
            this.alloc = instance.export("alloc");
            this.release = instance.export("release");
        }

        /** Copies bytes into a fresh guest buffer and returns its address. */
        int put(byte[] bytes) {
            int ptr = (int) alloc.apply(Math.max(bytes.length, 1))[0];
            memory().write(ptr, bytes);
            return ptr;
        }

        int reserve(int len) {
            return (int) alloc.apply(Math.max(len, 1))[0];
        }

        void free(int ptr) {
            release.apply(ptr);
        }

        Memory memory() {
            return instance.memory();
        }

        /** Calls an export with i32 arguments and returns its i32 result. */
        int call(String export, long... args) {
            return (int) instance.export(export).apply(args)[0];
        }

        /** Handles the session holds right now; the guest closes all of its own after each call. */
        int liveHandles() {
            return session.liveHandles();
        }

        @Override
        public void close() {
            wasi.close();
            session.close();
            host.close();
        }
    }
}
