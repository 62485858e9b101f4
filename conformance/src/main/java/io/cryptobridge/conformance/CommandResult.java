package io.cryptobridge.conformance;

import java.util.List;

/**
 * What a command guest left behind.
 *
 * @param exitCode the WASI exit status ({@code 0} when {@code main} returned 0)
 * @param stdout everything the guest wrote to stdout, as UTF-8
 * @param stderr everything the guest wrote to stderr, as UTF-8
 * @param liveHandlesAtExit wasi-crypto handles the guest still held when it exited
 */
public record CommandResult(int exitCode, String stdout, String stderr, int liveHandlesAtExit) {

    /** The stdout lines, without line terminators. */
    public List<String> stdoutLines() {
        return stdout.lines().toList();
    }

    /** The stdout as a check report ({@code ok - ...} / {@code FAIL - ...} lines). */
    public CheckReport checks() {
        return CheckReport.parse(stdout);
    }

    /** A summary for assertion messages. */
    public String describe() {
        return "exit code "
                + exitCode
                + "\n--- stdout ---\n"
                + stdout
                + "--- stderr ---\n"
                + stderr;
    }
}
