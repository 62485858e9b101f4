package io.cryptobridge.pkcs11;

/**
 * The life of a record on the token, written in its label: claimed, live, invalidated. Readers see
 * only {@link #LIVE}; every state counts for the highest version, so a number is never reused.
 */
enum RecordState {
    /** Claimed by a writer that has not finished (or crashed): burns the version number. */
    PENDING("/pending"),
    /** Complete: found by lookups. */
    LIVE(""),
    /** A tombstone: the material is destroyed, the version stays taken. */
    INVALIDATED("/invalidated");

    private final String suffix;

    RecordState(String suffix) {
        this.suffix = suffix;
    }

    String suffix() {
        return suffix;
    }

    static RecordState fromSuffix(String suffix) {
        for (RecordState state : values()) {
            if (state.suffix.equals(suffix)) {
                return state;
            }
        }
        throw new IllegalArgumentException("no record state " + suffix);
    }
}
