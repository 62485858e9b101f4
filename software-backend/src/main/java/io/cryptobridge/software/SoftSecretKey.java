package io.cryptobridge.software;

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
    private AsymmetricKeyParameter key;

    SoftSecretKey(KeyScheme scheme, AsymmetricKeyParameter key) {
        this.scheme = scheme;
        this.key = key;
    }

    AsymmetricKeyParameter key() {
        if (key == null) {
            throw new IllegalStateException("secret key used after destroy");
        }
        return key;
    }

    @Override
    public byte[] export(SecretKeyEncoding encoding) {
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
