package io.cryptobridge.spi;

import java.util.Optional;

/**
 * A crypto backend: the software providers, or an HSM. A backend offers one object per algorithm
 * family it serves; the router asks each in preference order.
 */
public interface Backend extends AutoCloseable {

    /** The name the configuration gives this backend (e.g. {@code soft}, {@code hsm}). */
    String name();

    /** Hashes, MACs, KDFs and AEADs, if this backend serves any. */
    default Optional<SymmetricPrimitives> symmetric() {
        return Optional.empty();
    }

    /** Signature keys, signers and verifiers, if this backend serves any. */
    default Optional<SignaturePrimitives> signatures() {
        return Optional.empty();
    }

    /** Key-exchange keys, DH and KEMs, if this backend serves any. */
    default Optional<KeyExchangePrimitives> keyExchange() {
        return Optional.empty();
    }

    /**
     * Durable storage for managed keys and external secrets, if this backend keeps any (the
     * software backend only with a {@code keystore} directory).
     */
    default Optional<SecretStore> secretStore() {
        return Optional.empty();
    }

    /** Releases native resources; idempotent. */
    @Override
    default void close() {}
}
