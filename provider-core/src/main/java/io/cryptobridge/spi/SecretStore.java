package io.cryptobridge.spi;

import java.util.List;
import java.util.Optional;

/**
 * Durable storage behind wasi-crypto's secrets manager: managed keys and external secrets of one
 * backend (persistent objects on a PKCS#11 token, or the software backend's keystore directory).
 *
 * <p>provider-core owns every rule the guest sees: ids, version numbers, {@code latest}/{@code
 * all}, namespaces, expiry and errnos. A store only keeps entries, atomically and durably:
 *
 * <ul>
 *   <li>{@link #create} writes one (namespace, id, version) at most once, even when two processes
 *       race for the same version; it returns only when the entry is durable.
 *   <li>Version numbers are never reused: {@link #highestVersion} counts invalidated versions too.
 *   <li>Lookups are exact: namespace, id, version and kind must all match; anything else is absent.
 * </ul>
 *
 * Implementations are thread-safe; two host processes may share one store.
 */
public interface SecretStore {

    /**
     * The highest version ever created under (namespace, id), invalidated ones included; 0 if the
     * id was never used in that namespace.
     */
    long highestVersion(String namespace, String id);

    /**
     * Creates {@code entry} holding {@code content}, durably, before returning true. Returns false,
     * leaving nothing behind, if that (namespace, id, version) exists already or ever existed
     * (another writer won the race, or it was invalidated): the caller then retries with a higher
     * version.
     *
     * @throws io.cryptobridge.CryptoException prohibited_operation for a foreign key that cannot be
     *     exported, unsupported_algorithm for an algorithm the store cannot keep
     */
    boolean create(ManagedEntry entry, ManagedContent content);

    /** The live entry (namespace, id, version) of {@code kind}, or empty. */
    Optional<ManagedEntry> find(String namespace, String id, long version, ManagedKind kind);

    /**
     * Live entries, sorted by namespace, id and version; all namespaces when {@code namespace} is
     * empty (for operators).
     */
    List<ManagedEntry> list(Optional<String> namespace);

    /**
     * Invalidates one live version: afterwards {@link #find} no longer finds it, and its material
     * is destroyed, but its version still counts for {@link #highestVersion}. Material already
     * loaded keeps working until closed. Returns false if it was not live.
     */
    boolean invalidate(ManagedEntry entry);

    /**
     * A working copy of a stored symmetric key, usable with this backend's {@link
     * SymmetricPrimitives}; independent of the stored entry (invalidation does not break it).
     * Managed keys are not extractable unless the backend's configuration says so.
     */
    BackendKey loadSymmetricKey(ManagedEntry entry);

    /** As {@link #loadSymmetricKey}, for key pairs and this backend's asymmetric primitives. */
    BackendKeyPair loadKeyPair(ManagedEntry entry);

    /** The sealed bytes of an external secret, as {@link ManagedContent.SealedSecret} gave them. */
    byte[] loadSecret(ManagedEntry entry);

    /**
     * Seals {@code plaintext} with AES-256-GCM under this store's key-encryption key (on a token: a
     * key that never leaves it, created on first use) and a fresh random nonce, binding {@code
     * associatedData}. The result carries everything {@link #unseal} needs except the associated
     * data. Never deterministic.
     */
    byte[] seal(byte[] plaintext, byte[] associatedData);

    /**
     * Opens what {@link #seal} produced.
     *
     * @throws io.cryptobridge.CryptoException verification_failed if the bytes or the associated
     *     data were altered, or were sealed by another store
     */
    byte[] unseal(byte[] sealed, byte[] associatedData);
}
