package io.cryptobridge.secrets;

import io.cryptobridge.spi.ManagedEntry;
import java.util.Locale;

/**
 * A {@code version} argument of the ABI: an exact version, {@code latest}, {@code all} or {@code
 * unspecified} (the reserved values above {@link ManagedEntry#MAX_VERSION}).
 *
 * @param raw the u64 the guest passed
 */
public record VersionSelector(long raw) {
    /** {@code unspecified}. */
    public static final long UNSPECIFIED = 0xff00_0000_0000_0000L;

    /** {@code latest}: the highest live version. */
    public static final long LATEST = 0xff00_0000_0000_0001L;

    /** {@code all}: every live version. */
    public static final long ALL = 0xff00_0000_0000_0002L;

    public static final VersionSelector LATEST_VERSION = new VersionSelector(LATEST);
    public static final VersionSelector ALL_VERSIONS = new VersionSelector(ALL);

    public boolean isLatest() {
        return raw == LATEST;
    }

    public boolean isAll() {
        return raw == ALL;
    }

    /** Whether this names one version number (1 and up, below the reserved values). */
    public boolean isExact() {
        return raw != 0 && Long.compareUnsigned(raw, ManagedEntry.MAX_VERSION) <= 0;
    }

    /**
     * Parses an operator's spelling: a decimal version, {@code latest} or {@code all}.
     *
     * @throws IllegalArgumentException naming the text for anything else
     */
    public static VersionSelector parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("latest")) {
            return LATEST_VERSION;
        }
        if (t.equals("all")) {
            return ALL_VERSIONS;
        }
        try {
            VersionSelector exact = new VersionSelector(Long.parseLong(t));
            if (exact.isExact()) {
                return exact;
            }
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw new IllegalArgumentException(
                "'" + text + "' is no version (a number from 1, latest or all)");
    }

    @Override
    public String toString() {
        if (isLatest()) {
            return "latest";
        }
        if (isAll()) {
            return "all";
        }
        return raw == UNSPECIFIED ? "unspecified" : Long.toUnsignedString(raw);
    }
}
