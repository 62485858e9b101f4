package io.cryptobridge.software;

import java.io.IOException;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PrivateKeyInfoFactory;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;

/**
 * PKCS#8 PrivateKeyInfo and X.509 SubjectPublicKeyInfo in DER, through BouncyCastle's key
 * factories. Decoding checks the key type; callers check curve and size.
 */
final class Asn1Keys {
    private Asn1Keys() {}

    static byte[] pkcs8(AsymmetricKeyParameter privateKey) {
        try {
            return PrivateKeyInfoFactory.createPrivateKeyInfo(privateKey)
                    .getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode a PKCS#8 key", e);
        }
    }

    static byte[] spki(AsymmetricKeyParameter publicKey) {
        try {
            return SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(publicKey)
                    .getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode a SubjectPublicKeyInfo", e);
        }
    }

    /** The private key in a PKCS#8 blob, if it is of {@code type}; invalid_key otherwise. */
    static <T extends AsymmetricKeyParameter> T fromPkcs8(byte[] der, Class<T> type) {
        AsymmetricKeyParameter key;
        try {
            key = PrivateKeyFactory.createKey(der);
        } catch (IOException | RuntimeException e) {
            // BouncyCastle reports malformed ASN.1 with assorted runtime exceptions.
            throw KeyErrors.invalidKey("malformed PKCS#8 key", e);
        }
        if (!type.isInstance(key) || !key.isPrivate()) {
            throw KeyErrors.invalidKey("the PKCS#8 key is of another algorithm");
        }
        return type.cast(key);
    }

    /** The public key in a SubjectPublicKeyInfo blob, if it is of {@code type}. */
    static <T extends AsymmetricKeyParameter> T fromSpki(byte[] der, Class<T> type) {
        AsymmetricKeyParameter key;
        try {
            key = PublicKeyFactory.createKey(der);
        } catch (IOException | RuntimeException e) {
            throw KeyErrors.invalidKey("malformed SubjectPublicKeyInfo", e);
        }
        if (!type.isInstance(key) || key.isPrivate()) {
            throw KeyErrors.invalidKey("the public key is of another algorithm");
        }
        return type.cast(key);
    }
}
