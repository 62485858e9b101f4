package io.cryptobridge.spi;

import io.cryptobridge.asymmetric.AsymmetricAlgorithm;
import io.cryptobridge.symmetric.SymmetricAlgorithm;

/**
 * What {@link SecretStore#create} stores under a new entry: a key to generate inside the store, a
 * copy of an existing key, or the sealed bytes of an external secret.
 */
public sealed interface ManagedContent {

    /** Generate a fresh symmetric key inside the store (on a token: born there, never exported). */
    record NewSymmetricKey(SymmetricAlgorithm algorithm) implements ManagedContent {}

    /**
     * Store a copy of an existing symmetric key. {@code owner} is the primitives object the key
     * belongs to: a store recognises its own backend's keys and copies them without exporting them;
     * a key of another backend must be extractable ({@link BackendKey#exportRaw()}), else
     * prohibited_operation.
     */
    record CopyOfSymmetricKey(
            SymmetricAlgorithm algorithm, SymmetricPrimitives owner, BackendKey key)
            implements ManagedContent {}

    /** Generate a fresh key pair inside the store. */
    record NewKeyPair(AsymmetricAlgorithm algorithm) implements ManagedContent {}

    /**
     * Store a copy of an existing key pair; as {@link CopyOfSymmetricKey}, a foreign pair must be
     * exportable as PKCS8, else prohibited_operation.
     */
    record CopyOfKeyPair(
            AsymmetricAlgorithm algorithm, AsymmetricKeyPrimitives owner, BackendKeyPair keyPair)
            implements ManagedContent {}

    /**
     * An external secret, already sealed by provider-core with {@link SecretStore#seal}: the store
     * keeps these bytes as they are.
     */
    record SealedSecret(byte[] sealed) implements ManagedContent {
        @Override
        public String toString() {
            return "SealedSecret[" + sealed.length + " bytes]";
        }
    }
}
