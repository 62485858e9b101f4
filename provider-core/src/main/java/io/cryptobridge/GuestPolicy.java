package io.cryptobridge;

import io.cryptobridge.asymmetric.AsymmetricAlgorithm;
import io.cryptobridge.symmetric.SymmetricAlgorithm;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What one guest may do: the algorithms it may name or use, and the namespace of its managed keys.
 * The services consult it right after they parse an algorithm name, before any backend is asked, so
 * a prohibited algorithm is {@code prohibited_operation} for every operation that names or uses it.
 * The one place policy is enforced.
 */
public final class GuestPolicy {
    /** No restriction: every algorithm, no namespace (a session without a profile). */
    public static final GuestPolicy UNRESTRICTED = new GuestPolicy(null, null, null);

    private final String profile;
    private final String namespace;
    private final Set<String> allowed;

    /**
     * @param profile the profile name under {@code guests}, or null
     * @param namespace the namespace of managed keys, or null
     * @param allowed spec names of the allowed algorithms, or null for all
     */
    public GuestPolicy(String profile, String namespace, Set<String> allowed) {
        this.profile = profile;
        this.namespace = namespace;
        this.allowed = allowed == null ? null : Set.copyOf(allowed);
    }

    /** The profile this policy comes from, if any. */
    public Optional<String> profile() {
        return Optional.ofNullable(profile);
    }

    /** The namespace of this guest's managed keys, if configured. */
    public Optional<String> namespace() {
        return Optional.ofNullable(namespace);
    }

    /** The allowed spec names, sorted; empty when every algorithm is allowed. */
    public Optional<Set<String>> allowed() {
        return allowed == null ? Optional.empty() : Optional.of(new TreeSet<>(allowed));
    }

    public boolean allows(String specName) {
        return allowed == null || allowed.contains(specName);
    }

    /** prohibited_operation unless the guest may use {@code specName}. */
    public void require(String specName) {
        Objects.requireNonNull(specName, "specName");
        if (!allows(specName)) {
            throw new CryptoException(
                    CryptoErrno.PROHIBITED_OPERATION,
                    specName + " is not allowed for guest profile " + profile);
        }
    }

    public void require(SymmetricAlgorithm algorithm) {
        require(algorithm.specName());
    }

    public void require(AsymmetricAlgorithm algorithm) {
        require(algorithm.specName());
    }

    @Override
    public String toString() {
        return "GuestPolicy[" + (profile == null ? "unrestricted" : profile) + "]";
    }
}
