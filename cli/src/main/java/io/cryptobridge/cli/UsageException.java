package io.cryptobridge.cli;

/** The command line itself is wrong; the CLI prints the message and a usage hint, exit 2. */
final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
