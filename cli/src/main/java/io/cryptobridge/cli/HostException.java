package io.cryptobridge.cli;

/**
 * A failure of the host before or around the guest (unreadable module, missing import, bad
 * configuration). The CLI prints the one-line message, exit 1.
 */
final class HostException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    HostException(String message) {
        super(message);
    }
}
