package io.cryptobridge.kx;

import io.cryptobridge.CryptoErrno;
import io.cryptobridge.CryptoException;
import io.cryptobridge.asymmetric.PublicKey;
import io.cryptobridge.asymmetric.SecretKey;
import io.cryptobridge.spi.AsymmetricKeyPrimitives;
import io.cryptobridge.spi.KeyExchangePrimitives;

/**
 * Diffie-Hellman and KEM operations on key-exchange keys. Signature keys are {@code invalid_key}; a
 * DH call on a KEM (or the reverse) is {@code invalid_operation}; keys of two different algorithms
 * are {@code incompatible_keys}.
 */
public final class KeyExchangeService {

    /** The raw shared secret of {@code secretKey} with {@code peer}. */
    public byte[] dh(PublicKey peer, SecretKey secretKey) {
        KxAlgorithm algorithm = secretKey.kxAlgorithm();
        KxAlgorithm peerAlgorithm = peer.kxAlgorithm();
        if (peerAlgorithm != algorithm || peer.backend() != secretKey.backend()) {
            throw new CryptoException(
                    CryptoErrno.INCOMPATIBLE_KEYS,
                    "a "
                            + peerAlgorithm
                            + " public key cannot meet a "
                            + algorithm
                            + " secret key");
        }
        requireKind(algorithm, KxAlgorithm.Kind.DH);
        return backendOf(secretKey.backend()).dh(algorithm, peer.material(), secretKey.material());
    }

    public KeyExchangePrimitives.Encapsulation encapsulate(PublicKey publicKey) {
        KxAlgorithm algorithm = publicKey.kxAlgorithm();
        requireKind(algorithm, KxAlgorithm.Kind.KEM);
        return backendOf(publicKey.backend()).encapsulate(algorithm, publicKey.material());
    }

    /**
     * The secret in {@code ciphertext}; verification_failed for a ciphertext the algorithm rejects
     * outright, a wrong length included.
     */
    public byte[] decapsulate(SecretKey secretKey, byte[] ciphertext) {
        KxAlgorithm algorithm = secretKey.kxAlgorithm();
        requireKind(algorithm, KxAlgorithm.Kind.KEM);
        if (ciphertext.length != algorithm.ciphertextLength()) {
            throw new CryptoException(
                    CryptoErrno.VERIFICATION_FAILED,
                    algorithm
                            + " ciphertexts are "
                            + algorithm.ciphertextLength()
                            + " bytes, not "
                            + ciphertext.length);
        }
        return backendOf(secretKey.backend())
                .decapsulate(algorithm, secretKey.material(), ciphertext);
    }

    private static void requireKind(KxAlgorithm algorithm, KxAlgorithm.Kind kind) {
        if (algorithm.kind() != kind) {
            throw new CryptoException(
                    CryptoErrno.INVALID_OPERATION,
                    algorithm + " is a " + algorithm.kind() + ", not a " + kind);
        }
    }

    private static KeyExchangePrimitives backendOf(AsymmetricKeyPrimitives backend) {
        if (backend instanceof KeyExchangePrimitives) {
            return (KeyExchangePrimitives) backend;
        }
        throw new CryptoException(CryptoErrno.INTERNAL_ERROR, "key has no key-exchange backend");
    }
}
