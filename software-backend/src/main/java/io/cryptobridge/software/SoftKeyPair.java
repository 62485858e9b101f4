package io.cryptobridge.software;

import io.cryptobridge.asymmetric.KeyPairEncoding;
import io.cryptobridge.spi.BackendKeyPair;
import io.cryptobridge.spi.BackendPublicKey;
import io.cryptobridge.spi.BackendSecretKey;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;

/**
 * A software key pair; its halves are handed out as independent objects. A pair loaded from the
 * keystore without {@code managed-keys-extractable} refuses to export its secret half (the public
 * half always exports).
 */
final class SoftKeyPair implements BackendKeyPair {
    final KeyScheme scheme;
    final AsymmetricKeyParameter publicKey;
    final boolean extractable;
    private AsymmetricKeyParameter privateKey;

    SoftKeyPair(KeyScheme scheme, AsymmetricKeyParameter[] pair) {
        this(scheme, pair, true);
    }

    SoftKeyPair(KeyScheme scheme, AsymmetricKeyParameter[] pair, boolean extractable) {
        this.scheme = scheme;
        this.publicKey = pair[0];
        this.privateKey = pair[1];
        this.extractable = extractable;
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
        return new SoftSecretKey(scheme, privateKey(), extractable);
    }

    @Override
    public byte[] export(KeyPairEncoding encoding) {
        if (!extractable) {
            throw SoftSecretKey.notExtractable();
        }
        return encoded(encoding);
    }

    /** The pair's encoding whatever its extractability: for the keystore, which encrypts it. */
    byte[] encoded(KeyPairEncoding encoding) {
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
