package io.cryptobridge.cli;

import io.cryptobridge.CryptoHost;
import io.cryptobridge.config.ConfigException;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The {@code cryptobridge} command. The host's own messages go to standard error, one line each;
 * the guest's standard streams pass through untouched.
 *
 * <p>Exit status: the guest's own status for {@code run}; 2 for a usage mistake; 1 for any other
 * host error; {@value GuestRunner#TRAP_STATUS} when the guest traps.
 */
public final class Main {
    static final int USAGE_STATUS = 2;
    static final int HOST_ERROR_STATUS = 1;

    private static final String HELP =
            """
            cryptobridge %s - a wasi-crypto host for the JVM

            usage:
              cryptobridge run [OPTIONS] MODULE.wasm [ARGS...]
              cryptobridge --help | --version

            run: runs a WASI preview-1 command with the wasi-crypto imports
              --config FILE         backends, routing and limits (YAML; see docs/configuration.md);
                                    without it, the built-in software backend serves everything
              --dir HOST[::GUEST]   preopen directory HOST, visible to the guest as GUEST
                                    (default: the same path); repeatable
              --env NAME[=VALUE]    set a guest environment variable (NAME alone copies the
                                    host's value); repeatable
              --interpreter         run in Chicory's interpreter instead of compiling to bytecode
              ARGS                  passed to the guest after argv[0] (the module's file name)

            exit status: the guest's; 2 for a usage mistake, 1 for a host error,
            134 if the guest traps
            """;

    private final InputStream stdin;
    private final OutputStream stdout;
    private final PrintStream stderr;
    private final UnaryOperator<String> environment;

    Main(
            InputStream stdin,
            OutputStream stdout,
            PrintStream stderr,
            UnaryOperator<String> environment) {
        this.stdin = stdin;
        this.stdout = stdout;
        this.stderr = stderr;
        this.environment = environment;
    }

    public static void main(String[] args) {
        // The raw descriptors: the guest's bytes must not pass through a PrintStream's encoding.
        OutputStream out = new FileOutputStream(FileDescriptor.out);
        InputStream in = new FileInputStream(FileDescriptor.in);
        int status = new Main(in, out, System.err, System::getenv).run(args);
        System.exit(status);
    }

    int run(String... args) {
        try {
            return dispatch(Arrays.asList(args));
        } catch (UsageException e) {
            stderr.println("cryptobridge: " + e.getMessage());
            stderr.println(RunOptions.USAGE);
            stderr.println("Try 'cryptobridge --help' for more information.");
            return USAGE_STATUS;
        } catch (HostException | ConfigException e) {
            stderr.println("cryptobridge: " + e.getMessage());
            return HOST_ERROR_STATUS;
        } catch (GuestRunner.GuestTrap e) {
            stderr.println("cryptobridge: guest trapped: " + e.getMessage());
            return GuestRunner.TRAP_STATUS;
        } catch (RuntimeException e) {
            stderr.println("cryptobridge: internal error: " + e);
            return HOST_ERROR_STATUS;
        } finally {
            stderr.flush();
        }
    }

    private int dispatch(List<String> args) {
        if (args.isEmpty()) {
            throw new UsageException("missing command");
        }
        switch (args.get(0)) {
            case "--help", "-h", "help" -> {
                print(String.format(HELP, Version.current()));
                return 0;
            }
            case "--version", "-V" -> {
                print("cryptobridge " + Version.current() + "\n");
                return 0;
            }
            case "run" -> {
                RunOptions options = RunOptions.parse(args.subList(1, args.size()), environment);
                try (CryptoHost host = openHost(options)) {
                    return new GuestRunner(stdin, stdout, stderr).run(host, options);
                }
            }
            default -> throw new UsageException("unknown command '" + args.get(0) + "'");
        }
    }

    private static CryptoHost openHost(RunOptions options) {
        return options.config().map(CryptoHost::fromConfig).orElseGet(CryptoHost::withDefaults);
    }

    private void print(String text) {
        try {
            stdout.write(text.getBytes(StandardCharsets.UTF_8));
            stdout.flush();
        } catch (java.io.IOException e) {
            throw new HostException("cannot write to standard output: " + e.getMessage());
        }
    }
}
