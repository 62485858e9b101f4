package io.cryptobridge.conformance.wycheproof;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts what happened to each vector of a file, and collects mismatches, so a test can assert both
 * that nothing failed and that the expected number of vectors actually ran.
 */
public final class Tally {
    /** A valid vector whose parameters wasi-crypto offers; it passed. */
    public static final String VALID_PASSED = "valid, passed";

    /** An invalid vector whose parameters wasi-crypto offers; the host rejected it. */
    public static final String INVALID_REJECTED = "invalid, rejected";

    private final Map<String, Integer> counts = new TreeMap<>();
    private final List<String> failures = new ArrayList<>();

    public void count(String outcome) {
        counts.merge(outcome, 1, Integer::sum);
    }

    public void fail(WycheproofFile.Vector vector, String what) {
        failures.add(vector + ": " + what);
    }

    /** A failure that belongs to the whole file rather than one vector. */
    public void fail(String what) {
        failures.add(what);
    }

    public Map<String, Integer> counts() {
        return counts;
    }

    public List<String> failures() {
        return failures;
    }

    /** No mismatches, every vector of the file counted once, and exactly the expected outcomes. */
    public void assertComplete(WycheproofFile file, Map<String, Integer> expected) {
        assertEquals(List.of(), failures, file.name() + " mismatches");
        int counted = counts.values().stream().mapToInt(Integer::intValue).sum();
        assertEquals(file.numberOfTests(), file.vectorCount(), file.name() + " numberOfTests");
        assertEquals(file.vectorCount(), counted, file.name() + ": every vector counted once");
        assertEquals(new TreeMap<>(expected), counts, file.name() + " outcomes");
    }
}
