package io.cryptobridge.software;

import io.cryptobridge.asymmetric.KeyPairEncoding;
import io.cryptobridge.asymmetric.PublicKeyEncoding;
import io.cryptobridge.asymmetric.SecretKeyEncoding;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;

/**
 * Keys of one algorithm as BouncyCastle parameter objects: generation, the encodings the algorithm
 * accepts (PEM never reaches here), public-key derivation and validation. Malformed input is
 * invalid_key; an encoding the algorithm has none of is unsupported_encoding.
 */
interface KeyScheme {

    /** A fresh pair: {@code [public, private]}. */
    AsymmetricKeyParameter[] generate();

    AsymmetricKeyParameter decodePublic(PublicKeyEncoding encoding, byte[] encoded);

    AsymmetricKeyParameter decodePrivate(SecretKeyEncoding encoding, byte[] encoded);

    /** A pair {@code [public, private]}, checked for consistency where both halves are given. */
    AsymmetricKeyParameter[] decodeKeyPair(KeyPairEncoding encoding, byte[] encoded);

    byte[] encodePublic(AsymmetricKeyParameter publicKey, PublicKeyEncoding encoding);

    byte[] encodePrivate(AsymmetricKeyParameter privateKey, SecretKeyEncoding encoding);

    byte[] encodeKeyPair(
            AsymmetricKeyParameter publicKey,
            AsymmetricKeyParameter privateKey,
            KeyPairEncoding encoding);

    AsymmetricKeyParameter publicOf(AsymmetricKeyParameter privateKey);

    /** invalid_key unless the public key is valid and canonical. */
    void checkPublic(AsymmetricKeyParameter publicKey);

    /** Whether two public keys of this scheme are the same key. */
    boolean samePublic(AsymmetricKeyParameter a, AsymmetricKeyParameter b);

    /**
     * The encoding the keystore keeps pairs of this scheme in: PKCS8 where the algorithm has it,
     * RAW where that is all it has.
     */
    default KeyPairEncoding storageEncoding() {
        return KeyPairEncoding.PKCS8;
    }
}
