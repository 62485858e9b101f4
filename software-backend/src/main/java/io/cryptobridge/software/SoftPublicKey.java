package io.cryptobridge.software;

import io.cryptobridge.asymmetric.PublicKeyEncoding;
import io.cryptobridge.spi.BackendPublicKey;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;

/** A software public key: a BouncyCastle parameter object and the scheme that encodes it. */
final class SoftPublicKey implements BackendPublicKey {
    final KeyScheme scheme;
    final AsymmetricKeyParameter key;

    SoftPublicKey(KeyScheme scheme, AsymmetricKeyParameter key) {
        this.scheme = scheme;
        this.key = key;
    }

    @Override
    public byte[] export(PublicKeyEncoding encoding) {
        return scheme.encodePublic(key, encoding);
    }

    @Override
    public String toString() {
        return "SoftPublicKey";
    }
}
