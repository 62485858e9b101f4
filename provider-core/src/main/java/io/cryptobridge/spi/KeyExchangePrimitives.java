package io.cryptobridge.spi;

import io.cryptobridge.kx.KxAlgorithm;

/** What a backend implements for the kx module: keys (inherited), DH and KEM operations. */
public interface KeyExchangePrimitives extends AsymmetricKeyPrimitives {

    /**
     * The raw shared secret of a DH algorithm; invalid_key when the peer key is of low order (the
     * result would be all zeros).
     */
    byte[] dh(KxAlgorithm algorithm, BackendPublicKey peer, BackendSecretKey own);

    /** A fresh shared secret and its encapsulation to {@code publicKey}. */
    Encapsulation encapsulate(KxAlgorithm algorithm, BackendPublicKey publicKey);

    /**
     * The shared secret inside {@code ciphertext}; verification_failed when the ciphertext is
     * rejected (ML-KEM's implicit rejection instead yields an unrelated secret).
     */
    byte[] decapsulate(KxAlgorithm algorithm, BackendSecretKey secretKey, byte[] ciphertext);

    /** A KEM result: the shared secret and the ciphertext that carries it. */
    record Encapsulation(byte[] secret, byte[] ciphertext) {
        @Override
        public String toString() {
            return "Encapsulation[" + ciphertext.length + "-byte ciphertext]";
        }
    }
}
