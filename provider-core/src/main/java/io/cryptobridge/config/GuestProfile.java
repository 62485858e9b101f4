package io.cryptobridge.config;

import io.cryptobridge.SessionLimits;
import java.util.Objects;
import java.util.Set;

/**
 * One entry of {@code guests}: what a guest started with this profile may do.
 *
 * @param name the key under {@code guests}
 * @param namespace the namespace of the guest's managed keys, or null when not given
 * @param allow spec names of the algorithms the guest may use, or null for all
 * @param limits the guest's limits (the file's {@code limits} where the profile sets none)
 * @param line the line of the profile in the configuration file (0 if not from a file)
 */
public record GuestProfile(
        String name, String namespace, Set<String> allow, SessionLimits limits, int line) {
    public GuestProfile {
        Objects.requireNonNull(name, "name");
        allow = allow == null ? null : Set.copyOf(allow);
        Objects.requireNonNull(limits, "limits");
    }
}
