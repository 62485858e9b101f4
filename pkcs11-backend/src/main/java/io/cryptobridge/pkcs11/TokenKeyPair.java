package io.cryptobridge.pkcs11;

import io.cryptobridge.CryptoErrno;
import io.cryptobridge.CryptoException;
import io.cryptobridge.asymmetric.KeyPairEncoding;
import io.cryptobridge.spi.AsymmetricKeyPrimitives;
import io.cryptobridge.spi.BackendKeyPair;
import io.cryptobridge.spi.BackendPublicKey;
import io.cryptobridge.spi.BackendSecretKey;

/**
 * A key pair whose private half is on the token. Closing the pair's handle does not destroy the
 * private key while secret keys taken from the pair still hold it ({@link TokenObject}).
 */
final class TokenKeyPair implements BackendKeyPair {
    private final TokenPrivateKey secretKey;
    private final AsymmetricKeyPrimitives software;

    TokenKeyPair(TokenPrivateKey secretKey, AsymmetricKeyPrimitives software) {
        this.secretKey = secretKey;
        this.software = software;
    }

    static TokenKeyPair of(BackendKeyPair keyPair) {
        if (keyPair instanceof TokenKeyPair) {
            return (TokenKeyPair) keyPair;
        }
        throw new CryptoException(
                CryptoErrno.INVALID_KEY, "the key pair belongs to another backend than the HSM");
    }

    TokenPrivateKey tokenKey() {
        return secretKey;
    }

    @Override
    public BackendPublicKey publicKey() {
        return secretKey.publicKey();
    }

    /** An independent holder of the same token object (closing either leaves the other). */
    @Override
    public BackendSecretKey secretKey() {
        return secretKey.share();
    }

    @Override
    public void destroy() {
        secretKey.destroy();
    }

    /** prohibited_operation for a key that may not leave the token; else the software encoding. */
    @Override
    public byte[] export(KeyPairEncoding encoding) {
        BackendSecretKey copy = secretKey.softwareCopy();
        try {
            return software.keyPair(secretKey.algorithm(), secretKey.publicKey(), copy)
                    .export(encoding);
        } finally {
            copy.destroy();
        }
    }

    @Override
    public String toString() {
        return "TokenKeyPair[" + secretKey + "]";
    }
}
