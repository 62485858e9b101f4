package io.cryptobridge.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The parsed arguments of {@code cryptobridge run}.
 *
 * @param config the configuration file, if given
 * @param directories preopened directories: guest path to host path
 * @param environment the guest's environment variables, in command-line order
 * @param interpreter whether to run in Chicory's interpreter instead of compiling to bytecode
 * @param module the guest module
 * @param guestArguments the arguments after the module, passed to the guest as argv[1..]
 */
record RunOptions(
        Optional<Path> config,
        Map<String, Path> directories,
        Map<String, String> environment,
        boolean interpreter,
        Path module,
        List<String> guestArguments) {

    static final String USAGE =
            "usage: cryptobridge run [--config FILE] [--dir HOST[::GUEST]]... [--env K[=V]]..."
                    + " [--interpreter] MODULE.wasm [ARGS...]";

    /**
     * Parses the arguments that follow {@code run}. Options come before the module; everything
     * after the module belongs to the guest. {@code --} ends the options.
     *
     * @param hostEnvironment looks up the host's variables for {@code --env NAME} without a value
     */
    static RunOptions parse(List<String> args, UnaryOperator<String> hostEnvironment) {
        Optional<Path> config = Optional.empty();
        Map<String, Path> directories = new LinkedHashMap<>();
        Map<String, String> environment = new LinkedHashMap<>();
        boolean interpreter = false;
        int i = 0;
        while (i < args.size() && args.get(i).startsWith("-")) {
            String arg = args.get(i);
            if (arg.equals("--")) {
                i++;
                break;
            }
            String option = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            boolean inline = arg.contains("=") && arg.startsWith("--");
            switch (option) {
                case "--interpreter" -> {
                    if (inline) {
                        throw new UsageException("--interpreter takes no value");
                    }
                    interpreter = true;
                    i++;
                }
                case "--config", "--dir", "--env" -> {
                    String value;
                    if (inline) {
                        value = arg.substring(arg.indexOf('=') + 1);
                        i++;
                    } else if (i + 1 < args.size()) {
                        value = args.get(i + 1);
                        i += 2;
                    } else {
                        throw new UsageException(option + " needs a value");
                    }
                    switch (option) {
                        case "--config" -> config = Optional.of(Path.of(value));
                        case "--dir" -> addDirectory(directories, value);
                        default -> addVariable(environment, value, hostEnvironment);
                    }
                }
                default -> throw new UsageException("unknown option " + arg);
            }
        }
        if (i >= args.size()) {
            throw new UsageException("missing MODULE.wasm");
        }
        Path module = Path.of(args.get(i));
        List<String> guestArguments = new ArrayList<>(args.subList(i + 1, args.size()));
        return new RunOptions(
                config, directories, environment, interpreter, module, guestArguments);
    }

    private static void addDirectory(Map<String, Path> directories, String value) {
        int split = value.indexOf("::");
        String host = split < 0 ? value : value.substring(0, split);
        String guest = split < 0 ? value : value.substring(split + 2);
        if (host.isEmpty() || guest.isEmpty()) {
            throw new UsageException("--dir expects HOST or HOST::GUEST, got '" + value + "'");
        }
        directories.put(guest, Path.of(host));
    }

    private static void addVariable(
            Map<String, String> environment, String value, UnaryOperator<String> hostEnvironment) {
        int split = value.indexOf('=');
        String name = split < 0 ? value : value.substring(0, split);
        if (name.isEmpty()) {
            throw new UsageException("--env expects NAME=VALUE or NAME, got '" + value + "'");
        }
        if (split >= 0) {
            environment.put(name, value.substring(split + 1));
            return;
        }
        String inherited = hostEnvironment.apply(name);
        if (inherited == null) {
            throw new UsageException("--env " + name + ": the variable is not set on the host");
        }
        environment.put(name, inherited);
    }
}
