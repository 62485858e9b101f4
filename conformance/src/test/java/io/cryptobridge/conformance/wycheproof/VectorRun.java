package io.cryptobridge.conformance.wycheproof;

import io.cryptobridge.conformance.GuestRunner;
import io.cryptobridge.conformance.Guests;
import io.cryptobridge.conformance.ReactorGuest;

/** Runs every vector of a file through one wycheproof_runner.wasm instance. */
final class VectorRun {
    private VectorRun() {}

    /** Checks one vector; returns the outcome to count (counted only if it added no failure). */
    @FunctionalInterface
    interface VectorCheck {
        String check(
                RunnerGuest guest,
                WycheproofFile.Group group,
                WycheproofFile.Vector vector,
                Tally tally);
    }

    /**
     * Runs the check on every vector in one guest session, then fails the tally if the session
     * still holds handles (the runner guest closes everything it opens).
     */
    static Tally forEachVector(GuestRunner runner, WycheproofFile file, VectorCheck check) {
        Tally tally = new Tally();
        try (ReactorGuest reactor = runner.startReactor(Guests.wasm("wycheproof_runner"))) {
            RunnerGuest guest = new RunnerGuest(reactor);
            for (WycheproofFile.Group group : file.groups()) {
                for (WycheproofFile.Vector vector : group.tests()) {
                    int before = tally.failures().size();
                    String outcome = check.check(guest, group, vector, tally);
                    if (tally.failures().size() == before) {
                        tally.count(outcome);
                    }
                }
            }
            if (reactor.liveHandles() != 0) {
                tally.fail("handles leaked: " + reactor.liveHandles());
            }
        }
        return tally;
    }
}
