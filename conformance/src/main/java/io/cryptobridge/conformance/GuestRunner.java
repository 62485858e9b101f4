package io.cryptobridge.conformance;

import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasi.WasiExitException;
import com.dylibso.chicory.wasi.WasiOptions;
import com.dylibso.chicory.wasi.WasiPreview1;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import io.cryptobridge.CryptoHost;
import io.cryptobridge.GuestSession;
import io.cryptobridge.SessionLimits;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs Wasm guests in Chicory with WASI preview 1 (stdout and stderr captured) and the wasi-crypto
 * host functions of a fresh {@link GuestSession} per guest.
 *
 * <pre>{@code
 * try (GuestRunner runner = GuestRunner.withDefaults()) {
 *     CommandResult result = runner.runCommand(Guests.path("demo"));
 * }
 * // another host (e.g. an HSM), the interpreter, small limits:
 * GuestRunner runner = GuestRunner.builder().host(hsmHost).engine(Engine.INTERPRETER)
 *         .limits(new SessionLimits(8, 1 << 20)).build();
 * }</pre>
 *
 * A runner built with {@link #withDefaults()} owns its host and closes it; a host passed to the
 * builder stays the caller's.
 */
public final class GuestRunner implements AutoCloseable {
    private final CryptoHost host;
    private final boolean ownsHost;
    private final Engine engine;
    private final SessionLimits limits;
    private final List<String> arguments;
    private final String profile;

    private GuestRunner(Builder builder) {
        this.ownsHost = builder.host == null;
        this.host = ownsHost ? CryptoHost.withDefaults() : builder.host;
        this.engine = builder.engine;
        this.limits = builder.limits;
        this.arguments = List.copyOf(builder.arguments);
        this.profile = builder.profile;
    }

    /** The default host ({@code CryptoHost.withDefaults()}), the compiler, default limits. */
    public static GuestRunner withDefaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public CryptoHost host() {
        return host;
    }

    /** Parses a module from a {@code .wasm} file. */
    public static WasmModule load(Path wasm) {
        return Parser.parse(wasm);
    }

    /** Runs a command guest ({@code _start}) to completion in a new session. */
    public CommandResult runCommand(Path wasm) {
        return runCommand(load(wasm));
    }

    /** Runs a command guest ({@code _start}) to completion in a new session. */
    public CommandResult runCommand(WasmModule module) {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        int exitCode = 0;
        int liveHandles;
        try (GuestSession session = newSession();
                WasiPreview1 wasi = newWasi(stdout, stderr)) {
            try {
                instantiate(module, session, wasi); // runs _start
            } catch (WasiExitException e) {
                exitCode = e.exitCode();
            }
            liveHandles = session.liveHandles();
        }
        return new CommandResult(
                exitCode,
                stdout.toString(StandardCharsets.UTF_8),
                stderr.toString(StandardCharsets.UTF_8),
                liveHandles);
    }

    /**
     * Instantiates a reactor guest in a new session and calls its {@code _initialize}; the caller
     * calls its exports and closes it.
     */
    public ReactorGuest startReactor(Path wasm) {
        return startReactor(load(wasm));
    }

    /** As {@link #startReactor(Path)}, for a parsed module. */
    public ReactorGuest startReactor(WasmModule module) {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        GuestSession session = newSession();
        WasiPreview1 wasi = newWasi(stdout, stderr);
        try {
            Instance instance = instantiate(module, session, wasi);
            return new ReactorGuest(instance, session, wasi, stdout, stderr);
        } catch (RuntimeException e) {
            wasi.close();
            session.close();
            throw e;
        }
    }

    private GuestSession newSession() {
        if (profile != null) {
            return host.newSession(profile);
        }
        return limits == null ? host.newSession() : host.newSession(limits);
    }

    /** WASI preview 1 with the program arguments and stdout/stderr captured into the streams. */
    private WasiPreview1 newWasi(ByteArrayOutputStream stdout, ByteArrayOutputStream stderr) {
        List<String> argv = new ArrayList<>();
        argv.add("guest");
        argv.addAll(arguments);
        WasiOptions options =
                WasiOptions.builder()
                        .withStdout(stdout)
                        .withStderr(stderr)
                        .withArguments(argv)
                        .build();
        return WasiPreview1.builder().withOptions(options).build();
    }

    private Instance instantiate(WasmModule module, GuestSession session, WasiPreview1 wasi) {
        ImportValues imports =
                session.addTo(ImportValues.builder()).addFunction(wasi.toHostFunctions()).build();
        Instance.Builder builder = Instance.builder(module).withImportValues(imports);
        if (engine == Engine.COMPILER) {
            builder.withMachineFactory(MachineFactoryCompiler.compile(module));
        }
        return builder.build();
    }

    @Override
    public void close() {
        if (ownsHost) {
            host.close();
        }
    }

    /** Configures a {@link GuestRunner}. */
    public static final class Builder {
        private CryptoHost host;
        private Engine engine = Engine.COMPILER;
        private SessionLimits limits;
        private final List<String> arguments = new ArrayList<>();
        private String profile;

        private Builder() {}

        /** The host whose sessions serve the guests; default {@code CryptoHost.withDefaults()}. */
        public Builder host(CryptoHost cryptoHost) {
            this.host = cryptoHost;
            return this;
        }

        /** Compiler (default) or interpreter. */
        public Builder engine(Engine chosen) {
            this.engine = chosen;
            return this;
        }

        /** Session limits; default the host's. Ignored when a {@link #profile} is chosen. */
        public Builder limits(SessionLimits sessionLimits) {
            this.limits = sessionLimits;
            return this;
        }

        /**
         * Runs every guest under a guest profile of the host ({@code
         * CryptoHost.newSession(String)}: its allowed algorithms, namespace and limits); default
         * none.
         */
        public Builder profile(String guestProfile) {
            this.profile = guestProfile;
            return this;
        }

        /** Program arguments after {@code argv[0]}. */
        public Builder arguments(List<String> args) {
            this.arguments.clear();
            this.arguments.addAll(args);
            return this;
        }

        public GuestRunner build() {
            return new GuestRunner(this);
        }
    }
}
