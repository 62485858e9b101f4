package io.cryptobridge.pkcs11;

import java.util.Optional;

/**
 * PKCS#11 has no create-if-absent, so a version is claimed in two steps: create a {@link
 * RecordState#PENDING} record, then list the records of that id. If any other record of the same
 * version exists (pending, live or invalidated), the claim is withdrawn (its record destroyed) and
 * the writer lost; otherwise the writer owns the version, creates its key objects and {@link
 * #commit}s.
 *
 * <p>Why at most one writer wins: each writer creates its record before it lists. If writers A and
 * B both won, A's list did not see B's record, so B created it after A listed; B listed after that,
 * so after A had created its record, and would have seen it (a winner's record is never destroyed:
 * invalidation creates the tombstone before it destroys the live record). Both may lose (each sees
 * the other's pending record); the caller retries with a higher version after a random pause. A
 * writer that crashes after claiming leaves a pending record, which only burns the number.
 *
 * <p>This relies on the token showing one process's new objects to another's next search. SoftHSM's
 * file store does not always do that; {@link HostWriteLock} makes up for it among the processes of
 * one machine (the two-process race test fails without it).
 */
final class EntryClaims {
    private final TokenRecords records;

    EntryClaims(TokenRecords records) {
        this.records = records;
    }

    /** The handle of our pending record if we own {@code name}'s version now, else empty. */
    Optional<Long> claim(ManagedName name, EntryRecord record) {
        // A search first: it is cheap when the version is taken, and on SoftHSM it makes the
        // process reread the object index before its own create would hide others' changes
        // (HostWriteLock).
        if (taken(name, 0)) {
            return Optional.empty();
        }
        long mine = records.create(name, RecordState.PENDING, record);
        boolean alone;
        try {
            alone = !taken(name, mine);
        } catch (RuntimeException e) {
            records.destroy(mine);
            throw e;
        }
        if (!alone) {
            records.destroy(mine);
            return Optional.empty();
        }
        return Optional.of(mine);
    }

    /** Whether a record of {@code name}'s version other than {@code mine} exists. */
    private boolean taken(ManagedName name, long mine) {
        return records.ofId(name.namespace(), name.id()).stream()
                .anyMatch(r -> r.handle() != mine && r.label().name().version() == name.version());
    }

    /** The entry is complete: readers find it from now on. */
    void commit(ManagedName name, long record) {
        records.setState(record, name, RecordState.LIVE);
    }

    /** Gives a claimed version up (the writer failed before commit); the number is free again. */
    void withdraw(long record) {
        records.destroy(record);
    }
}
