package io.cryptobridge.software;

import io.cryptobridge.asymmetric.KeyPairEncoding;
import io.cryptobridge.spi.BackendKeyPair;
import io.cryptobridge.spi.BackendPublicKey;
import io.cryptobridge.spi.BackendSecretKey;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;

/** A software key pair; its halves are handed out as independent objects. */
final class SoftKeyPair implements BackendKeyPair {
    final KeyScheme scheme;
    final AsymmetricKeyParameter publicKey;
    private AsymmetricKeyParameter privateKey;

    SoftKeyPair(KeyScheme scheme, AsymmetricKeyParameter[] pair) {
        this.scheme = scheme;
        this.publicKey = pair[0];
        this.privateKey = pair[1];
    }

    AsymmetricKeyParameter privateKey() {
        if (privateKey == null) {
            throw new IllegalStateException("key pair used after destroy");
        }
        return privateKey;
    }

    @Override
    public BackendPublicKey publicKey() {
        return new SoftPublicKey(scheme, publicKey);
    }

    @Override
    public BackendSecretKey secretKey() {
        return new SoftSecretKey(scheme, privateKey());
    }

    @Override
    public byte[] export(KeyPairEncoding encoding) {
        return scheme.encodeKeyPair(publicKey, privateKey(), encoding);
    }

    @Override
    public void destroy() {
        privateKey = null;
    }

    @Override
    public String toString() {
        return "SoftKeyPair";
    }
}
