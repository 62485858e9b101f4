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

    private static final String LOG_FORMAT = "java.util.logging.SimpleFormatter.format";
    private static final String LOG_LEVEL = "cryptobridge.log.level";

    /** Held strongly: java.util.logging forgets the level of a logger that is collected. */
    private static final java.util.logging.Logger HOST_LOGGER =
            java.util.logging.Logger.getLogger("io.cryptobridge");

    private static final String HELP =
            """
            cryptobridge %s - a wasi-crypto host for the JVM

            usage:
              cryptobridge run [OPTIONS] MODULE.wasm [ARGS...]
              cryptobridge doctor [--config FILE]
              cryptobridge --help | --version

            run: runs a WASI preview-1 command with the wasi-crypto imports
              --config FILE         backends, routing and limits (YAML; see docs/configuration.md);
                                    without it, the built-in software backend serves everything
              --guest PROFILE       run under guests.PROFILE of the configuration (allowed
                                    algorithms, namespace, limits); without it, every algorithm
                                    is allowed with the default limits
              --dir HOST[::GUEST]   preopen directory HOST, visible to the guest as GUEST
                                    (default: the same path); repeatable
              --env NAME[=VALUE]    set a guest environment variable (NAME alone copies the
                                    host's value); repeatable
              --interpreter         run in Chicory's interpreter instead of compiling to bytecode
              ARGS                  passed to the guest after argv[0] (the module's file name)

            doctor: checks a configuration (default: the built-in one), opens every backend
              and prints which backend serves each algorithm and why, what each backend lacks,
              and the guest profiles

            exit status: run: the guest's; 2 for a usage mistake, 1 for a host error,
            134 if the guest traps. doctor: 0 if all is well, 1 for any problem
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
        // The host logs (e.g. its route table at start-up) go to stderr; one "[LEVEL] message"
        // per record instead of java.util.logging's two-line default, unless the user chose one.
        if (System.getProperty(LOG_FORMAT) == null) {
            System.setProperty(LOG_FORMAT, "[%4$s] %5$s%6$s%n");
        }
        // Warnings only by default, so the guest's stderr is not buried under the route table
        // (`cryptobridge doctor` prints it); -Dcryptobridge.log.level=INFO shows it again.
        if (System.getProperty("java.util.logging.config.file") == null) {
            HOST_LOGGER.setLevel(
                    java.util.logging.Level.parse(System.getProperty(LOG_LEVEL, "WARNING")));
        }
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
            stderr.println(e.usage());
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
            case "doctor" -> {
                StringBuilder report = new StringBuilder();
                int status =
                        Doctor.run(Doctor.parse(args.subList(1, args.size())), environment, report);
                print(report.toString());
                return status;
            }
            default -> throw new UsageException("unknown command '" + args.get(0) + "'");
        }
    }

    private CryptoHost openHost(RunOptions options) {
        return options.config()
                .map(CryptoHost::fromConfig)
                .orElseGet(() -> DefaultHost.create(environment));
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
