package io.cryptobridge.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * The output of a guest built on {@code guests/src/check.h}: one {@code ok - name} or {@code FAIL -
 * name: detail} line per check, then a plan line {@code 1..N}.
 *
 * @param passed the names of the checks that passed
 * @param failed the failure lines (name and detail)
 * @param plan the N of the {@code 1..N} line, if the guest got that far
 */
public record CheckReport(List<String> passed, List<String> failed, OptionalInt plan) {
    private static final String OK = "ok - ";
    private static final String FAIL = "FAIL - ";
    private static final String PLAN = "1..";

    /** Parses a guest's stdout; lines that are neither checks nor the plan are ignored. */
    public static CheckReport parse(String stdout) {
        List<String> passed = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        OptionalInt plan = OptionalInt.empty();
        for (String line : stdout.lines().toList()) {
            if (line.startsWith(OK)) {
                passed.add(line.substring(OK.length()));
            } else if (line.startsWith(FAIL)) {
                failed.add(line.substring(FAIL.length()));
            } else if (line.startsWith(PLAN)) {
                plan = OptionalInt.of(Integer.parseInt(line.substring(PLAN.length()).trim()));
            }
        }
        return new CheckReport(List.copyOf(passed), List.copyOf(failed), plan);
    }

    /** All checks that ran, passed or failed. */
    public int total() {
        return passed.size() + failed.size();
    }
}
