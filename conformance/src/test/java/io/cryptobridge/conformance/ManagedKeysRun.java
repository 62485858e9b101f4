package io.cryptobridge.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cryptobridge.CryptoHost;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs guests/src/managed_keys.c on a host and reads its report, for any host with a secrets
 * manager (the software keystore here, a token in softhsm-tests).
 *
 * <p>An algorithm the store cannot keep is not a failure: the guest prints {@code # SKIP ALG (N
 * checks): reason} instead of its checks, and {@link #assertPasses} counts those N as skipped.
 */
public final class ManagedKeysRun {
    /** Checks of the full suite when the store keeps every algorithm it tries. */
    public static final int MANAGED_CHECKS = 371;

    /** Checks when the host has no secrets manager. */
    public static final int UNSUPPORTED_CHECKS = 20;

    /** Checks of {@code managed_keys namespace other ...}: open, ten lookups, close. */
    public static final int OTHER_NAMESPACE_CHECKS = 12;

    /** Checks of {@code managed_keys namespace same ...}: open, four lookups, close. */
    public static final int SAME_NAMESPACE_CHECKS = 6;

    /** Checks of {@code managed_keys namespace prohibited ...}: open, five calls, close. */
    public static final int PROHIBITED_CHECKS = 7;

    /** Checks of {@code managed_keys foreign}: open, two keys and two refused stores, close. */
    public static final int FOREIGN_CHECKS = 8;

    /** Checks of {@code managed_keys extractable}: open, two keys, three exports, close. */
    public static final int EXTRACTABLE_CHECKS = 7;

    /** The comment the guest prints when the host answers unsupported_feature to open. */
    public static final String NO_MANAGER = "# no secrets manager on this host";

    private static final Pattern SKIP = Pattern.compile("^# SKIP (.+) \\((\\d+) checks?\\): .*$");
    private static final String KEEP = "# keep ";

    private ManagedKeysRun() {}

    /** Runs the guest in a new session of {@code host}, under {@code profile} if not null. */
    public static CommandResult run(CryptoHost host, String profile, List<String> args) {
        try (GuestRunner runner =
                GuestRunner.builder().host(host).profile(profile).arguments(args).build()) {
            return runner.runCommand(Guests.wasm("managed_keys"));
        }
    }

    /** The {@code # SKIP} lines: what was skipped (algorithm and reason) and how many checks. */
    public static Map<String, Integer> skipped(CommandResult result) {
        Map<String, Integer> skipped = new LinkedHashMap<>();
        for (String line : result.stdoutLines()) {
            Matcher m = SKIP.matcher(line);
            if (m.matches()) {
                skipped.merge(m.group(1), Integer.parseInt(m.group(2)), Integer::sum);
            }
        }
        return skipped;
    }

    /**
     * Asserts what a user would call a pass: no failed check, exit 0, the plan line matches,
     * exactly {@code expectedChecks} checks minus the announced skips, nothing on stderr, no handle
     * left open.
     */
    public static void assertPasses(CommandResult result, int expectedChecks) {
        CheckReport report = result.checks();
        int skippedChecks = skipped(result).values().stream().mapToInt(Integer::intValue).sum();
        assertEquals(List.of(), report.failed(), result::describe);
        assertEquals(0, result.exitCode(), result::describe);
        assertEquals(OptionalInt.of(report.total()), report.plan(), "plan line matches the checks");
        assertEquals(
                expectedChecks,
                report.passed().size() + skippedChecks,
                "checks made + checks announced as skipped");
        assertTrue(result.stderr().isEmpty(), result::describe);
        assertEquals(0, result.liveHandlesAtExit(), "the guest closes every handle it opened");
    }

    /**
     * The {@code # keep KIND VALUE} lines: the entries the guest left live for a second run, by
     * kind ({@code symmetric-key}, {@code keypair}, {@code secret}, {@code envelope}).
     */
    public static Map<String, String> kept(CommandResult result) {
        Map<String, String> kept = new LinkedHashMap<>();
        for (String line : result.stdoutLines()) {
            if (line.startsWith(KEEP)) {
                String[] parts = line.substring(KEEP.length()).split(" ", 2);
                // an entry the guest failed to make is printed empty: the failed check says why
                kept.put(parts[0], parts.length > 1 ? parts[1] : "");
            }
        }
        assertEquals(
                Set.of("symmetric-key", "keypair", "secret", "envelope"),
                kept.keySet(),
                result::describe);
        return kept;
    }

    /**
     * The arguments of a namespace run ({@code same}, {@code other} or {@code prohibited}) over the
     * kept entries.
     */
    public static List<String> namespaceArgs(String which, Map<String, String> kept) {
        List<String> args = new ArrayList<>(List.of("namespace", which));
        args.add(kept.get("symmetric-key"));
        args.add(kept.get("keypair"));
        args.add(kept.get("secret"));
        args.add(kept.get("envelope"));
        return args;
    }
}
