package io.cryptobridge.cli;

/** The command line itself is wrong; the CLI prints the message and a usage hint, exit 2. */
final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String usage;

    UsageException(String message) {
        this(message, RunOptions.USAGE);
    }

    /**
     * @param usage the usage line of the command that was misused
     */
    UsageException(String message, String usage) {
        super(message);
        this.usage = usage;
    }

    String usage() {
        return usage;
    }
}
