package io.cryptobridge.cli;

import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.ExportFunction;
import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasi.WasiExitException;
import com.dylibso.chicory.wasi.WasiOptions;
import com.dylibso.chicory.wasi.WasiPreview1;
import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.Export;
import com.dylibso.chicory.wasm.types.ExternalType;
import io.cryptobridge.CryptoHost;
import io.cryptobridge.GuestSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Runs one WASI preview-1 command with the wasi-crypto imports: reads and parses the module, checks
 * its imports, instantiates it (compiled to bytecode unless the interpreter is asked for) and calls
 * {@code _start}. The guest's standard streams are the given ones, untouched.
 */
final class GuestRunner {
    /** Exit status for a guest trap, as wasmtime uses it (128 + SIGABRT). */
    static final int TRAP_STATUS = 134;

    private static final byte[] WASM_MAGIC = {0x00, 0x61, 0x73, 0x6d};

    private final InputStream stdin;
    private final OutputStream stdout;
    private final OutputStream stderr;

    GuestRunner(InputStream stdin, OutputStream stdout, OutputStream stderr) {
        this.stdin = stdin;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /**
     * @return the guest's exit status
     * @throws HostException for anything that keeps the guest from starting
     * @throws GuestTrap when the guest traps
     */
    int run(CryptoHost host, RunOptions options) {
        WasmModule module = parse(options.module());
        requireCommand(module, options.module());
        checkDirectories(options.directories());
        try (GuestSession session = host.newSession();
                WasiPreview1 wasi =
                        WasiPreview1.builder().withOptions(wasiOptions(options)).build()) {
            List<HostFunction> provided = new ArrayList<>(session.hostFunctions());
            provided.addAll(Arrays.asList(wasi.toHostFunctions()));
            ImportCheck.requireSatisfied(module, provided);

            ImportValues imports =
                    session.addTo(ImportValues.builder())
                            .addFunction(wasi.toHostFunctions())
                            .build();
            Instance.Builder instance =
                    Instance.builder(module).withImportValues(imports).withStart(false);
            if (!options.interpreter()) {
                instance.withMachineFactory(MachineFactoryCompiler.compile(module));
            }
            return start(instance);
        }
    }

    private static int start(Instance.Builder builder) {
        try {
            Instance instance = builder.build();
            ExportFunction start = instance.export("_start");
            start.apply();
            return 0;
        } catch (WasiExitException e) {
            return e.exitCode();
        } catch (ChicoryException e) {
            throw new GuestTrap(e.getMessage());
        } catch (StackOverflowError e) {
            throw new GuestTrap("call stack exhausted");
        }
    }

    private static WasmModule parse(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new HostException(file + ": no such file");
        } catch (IOException e) {
            throw new HostException(
                    file + ": cannot read the module (" + e.getClass().getSimpleName() + ")");
        }
        if (bytes.length < 4 || !Arrays.equals(Arrays.copyOf(bytes, 4), WASM_MAGIC)) {
            throw new HostException(file + ": not a WebAssembly module (no \\0asm header)");
        }
        try {
            return Parser.parse(bytes);
        } catch (ChicoryException e) {
            throw new HostException(file + ": invalid WebAssembly module: " + e.getMessage());
        }
    }

    private static void requireCommand(WasmModule module, Path file) {
        int count = module.exportSection().exportCount();
        for (int i = 0; i < count; i++) {
            Export export = module.exportSection().getExport(i);
            if (export.name().equals("_start") && export.exportType() == ExternalType.FUNCTION) {
                return;
            }
        }
        throw new HostException(file + ": not a WASI command (it exports no _start function)");
    }

    private static void checkDirectories(Map<String, Path> directories) {
        for (Map.Entry<String, Path> entry : directories.entrySet()) {
            if (!Files.isDirectory(entry.getValue())) {
                throw new HostException("--dir " + entry.getValue() + ": not a directory");
            }
        }
    }

    private WasiOptions wasiOptions(RunOptions options) {
        List<String> argv = new ArrayList<>();
        argv.add(options.module().getFileName().toString());
        argv.addAll(options.guestArguments());
        WasiOptions.Builder wasi =
                WasiOptions.builder()
                        .withStdin(stdin)
                        .withStdout(stdout)
                        .withStderr(stderr)
                        .withArguments(argv);
        options.environment().forEach(wasi::withEnvironment);
        options.directories().forEach(wasi::withDirectory);
        return wasi.build();
    }

    /** The guest trapped (unreachable, out-of-bounds access, ...). */
    static final class GuestTrap extends RuntimeException {
        private static final long serialVersionUID = 1L;

        GuestTrap(String message) {
            super(message);
        }
    }
}
