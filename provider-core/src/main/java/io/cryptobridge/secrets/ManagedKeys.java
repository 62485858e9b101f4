package io.cryptobridge.secrets;

import io.cryptobridge.spi.ManagedEntry;
import io.cryptobridge.spi.SecretStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The operators' view of a host's managed keys and external secrets (the {@code cryptobridge keys}
 * command): what exists, and invalidation. Shows entries, never material.
 */
public final class ManagedKeys {
    private final String backendName;
    private final SecretStore store;

    public ManagedKeys(String backendName, SecretStore store) {
        this.backendName = backendName;
        this.store = store;
    }

    /** The backend whose store keeps the managed keys ({@code secrets-manager}). */
    public String backendName() {
        return backendName;
    }

    /** Live entries of one namespace, or of all when {@code namespace} is empty. */
    public List<ManagedEntry> list(Optional<String> namespace) {
        return store.list(namespace);
    }

    /** The live versions of {@code id}, oldest first; empty when there are none. */
    public List<ManagedEntry> versions(Optional<String> namespace, String id) {
        return list(namespace).stream()
                .filter(entry -> entry.id().equals(id))
                .sorted(Comparator.comparingLong(ManagedEntry::version))
                .toList();
    }

    /**
     * Invalidates the live versions of {@code id} that {@code version} selects (an exact version,
     * latest or all) and returns them; empty when nothing matched.
     */
    public List<ManagedEntry> invalidate(
            Optional<String> namespace, String id, VersionSelector version) {
        List<ManagedEntry> live = versions(namespace, id);
        List<ManagedEntry> chosen = new ArrayList<>();
        if (version.isAll()) {
            chosen.addAll(live);
        } else if (version.isLatest()) {
            if (!live.isEmpty()) {
                chosen.add(live.get(live.size() - 1));
            }
        } else {
            live.stream().filter(e -> e.version() == version.raw()).forEach(chosen::add);
        }
        List<ManagedEntry> done = new ArrayList<>();
        for (ManagedEntry entry : chosen) {
            if (store.invalidate(entry)) {
                done.add(entry);
            }
        }
        return done;
    }
}
