package io.cryptobridge.conformance.wycheproof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/** The rule for missing Wycheproof vectors: skip on a developer machine, fail in CI. */
class WycheproofFileTest {

    @Test
    void vectorsMissing_inCi_failsTheTest() {
        AssertionError failure =
                assertThrows(
                        AssertionError.class,
                        () -> WycheproofFile.vectorsMissing("download X", true));
        assertEquals("download X", failure.getMessage());
    }

    @Test
    void vectorsMissing_outsideCi_skipsTheTestWithTheMessage() {
        TestAbortedException skipped =
                assertThrows(
                        TestAbortedException.class,
                        () -> WycheproofFile.vectorsMissing("download X", false));
        assertEquals("download X", skipped.getMessage());
    }
}
