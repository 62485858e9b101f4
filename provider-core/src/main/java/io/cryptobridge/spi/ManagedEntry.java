package io.cryptobridge.spi;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One version of one managed key or external secret: what a {@link SecretStore} records next to the
 * material, and what operators see in {@code cryptobridge keys}. Never key material.
 *
 * @param namespace the namespace of the guest that created it ({@link #NAMESPACE_PATTERN})
 * @param id the id the host assigned: {@link #ID_LENGTH} lowercase hex characters, random
 * @param version 1 for the first version; each replace adds one (gaps are possible, reuse never)
 * @param kind what it holds
 * @param algorithm the spec name of the key's algorithm (e.g. {@code Ed25519}); for external
 *     secrets {@link #SECRET_ALGORITHM}
 * @param created when this version was stored (second precision)
 * @param expiration UNIX seconds after which an external secret is {@code expired}; 0 for keys
 */
public record ManagedEntry(
        String namespace,
        String id,
        long version,
        ManagedKind kind,
        String algorithm,
        Instant created,
        long expiration) {

    /** Length in bytes of every id the host assigns (the guest ABI returns no length). */
    public static final int ID_LENGTH = 32;

    /** The {@code algorithm} of an external secret. */
    public static final String SECRET_ALGORITHM = "secret";

    /**
     * Namespaces, as the configuration accepts them: 1-64 letters, digits, {@code _} and {@code -},
     * starting with a letter or digit.
     */
    public static final Pattern NAMESPACE_PATTERN =
            Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

    private static final Pattern ID_PATTERN = Pattern.compile("[0-9a-f]{" + ID_LENGTH + "}");

    public ManagedEntry {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(created, "created");
        if (!NAMESPACE_PATTERN.matcher(namespace).matches()) {
            throw new IllegalArgumentException("not a namespace: " + namespace);
        }
        if (!isId(id)) {
            throw new IllegalArgumentException("not a managed id: " + id);
        }
        if (version == 0 || Long.compareUnsigned(version, MAX_VERSION) > 0) {
            throw new IllegalArgumentException("version out of range: " + version);
        }
    }

    /** The highest version number; the ABI reserves the values above it for latest, all, ... */
    public static final long MAX_VERSION = 0xfeff_ffff_ffff_ffffL;

    /** Whether {@code text} has the form of an id the host assigns. */
    public static boolean isId(String text) {
        return ID_PATTERN.matcher(text).matches();
    }

    /** The same entry as the next version, created at {@code when}. */
    public ManagedEntry withVersion(long newVersion, Instant when) {
        return new ManagedEntry(namespace, id, newVersion, kind, algorithm, when, expiration);
    }
}
