package io.cryptobridge.software;

import io.cryptobridge.CryptoErrno;
import io.cryptobridge.CryptoException;
import io.cryptobridge.asymmetric.SecretKeyEncoding;
import io.cryptobridge.spi.BackendPublicKey;
import io.cryptobridge.spi.BackendSecretKey;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;

/**
 * A software secret key. BouncyCastle parameter objects keep private copies of their bytes that
 * cannot be wiped, so {@link #destroy()} only drops the reference.
 */
final class SoftSecretKey implements BackendSecretKey {
    final KeyScheme scheme;
    final boolean extractable;
    private AsymmetricKeyParameter key;

    SoftSecretKey(KeyScheme scheme, AsymmetricKeyParameter key) {
        this(scheme, key, true);
    }

    SoftSecretKey(KeyScheme scheme, AsymmetricKeyParameter key, boolean extractable) {
        this.scheme = scheme;
        this.key = key;
        this.extractable = extractable;
    }

    static CryptoException notExtractable() {
        return new CryptoException(
                CryptoErrno.PROHIBITED_OPERATION, "the key is managed and not extractable");
    }

    AsymmetricKeyParameter key() {
        if (key == null) {
            throw new IllegalStateException("secret key used after destroy");
        }
        return key;
    }

    @Override
    public byte[] export(SecretKeyEncoding encoding) {
        if (!extractable) {
            throw notExtractable();
        }
        return scheme.encodePrivate(key(), encoding);
    }

    @Override
    public BackendPublicKey publicKey() {
        return new SoftPublicKey(scheme, scheme.publicOf(key()));
    }

    @Override
    public void destroy() {
        key = null;
    }

    @Override
    public String toString() {
        return "SoftSecretKey";
    }
}
