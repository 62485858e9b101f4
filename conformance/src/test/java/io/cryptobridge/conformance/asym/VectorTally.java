package io.cryptobridge.conformance.asym;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What one Wycheproof file did: outcomes per result class, skips with reasons, and failures. */
final class VectorTally {
    int valid;
    int invalid;
    int acceptableAccepted;
    int acceptableRejected;
    final Map<String, Integer> skipped = new TreeMap<>();
    final Map<String, Integer> rejectionErrnos = new TreeMap<>();
    final List<String> failures = new ArrayList<>();

    void skip(String reason) {
        skipped.merge(reason, 1, Integer::sum);
    }

    void rejectedWith(int code) {
        rejectionErrnos.merge(AbiResult.describe(code), 1, Integer::sum);
    }

    void fail(String tcId, String comment, String what) {
        failures.add("tcId " + tcId + " (" + comment + "): " + what);
    }

    int skippedTotal() {
        return skipped.values().stream().mapToInt(Integer::intValue).sum();
    }

    int total() {
        return valid + invalid + acceptableAccepted + acceptableRejected + skippedTotal();
    }

    @Override
    public String toString() {
        return "valid="
                + valid
                + " invalid="
                + invalid
                + " acceptable(accepted)="
                + acceptableAccepted
                + " acceptable(rejected)="
                + acceptableRejected
                + " skipped="
                + skipped
                + " rejections="
                + rejectionErrnos;
    }
}
