package io.cryptobridge.pkcs11;

import io.cryptobridge.CryptoErrno;
import io.cryptobridge.CryptoException;
import io.cryptobridge.asymmetric.PublicKeyEncoding;
import io.cryptobridge.kx.KxAlgorithm;
import io.cryptobridge.spi.BackendPublicKey;
import io.cryptobridge.spi.BackendSecretKey;
import io.cryptobridge.spi.KeyExchangePrimitives;
import sun.security.pkcs11.wrapper.CK_ATTRIBUTE;
import sun.security.pkcs11.wrapper.CK_ECDH1_DERIVE_PARAMS;
import sun.security.pkcs11.wrapper.CK_MECHANISM;
import sun.security.pkcs11.wrapper.PKCS11Constants;

/**
 * ECDH (P256-SHA256, P384-SHA384) with the private key on the token: {@code C_DeriveKey} with
 * {@code CKM_ECDH1_DERIVE} and {@code CKD_NULL} yields the raw x-coordinate as a generic secret,
 * which is read and destroyed in the same unit of work. The secret must leave the token
 * (wasi-crypto returns it to the guest), so the derived object is created readable ({@link
 * VendorQuirks#readableEcdhSecret}). KEMs and X25519 are not served here.
 */
final class Pkcs11KeyExchange extends TokenKeyFamily implements KeyExchangePrimitives {
    private final SessionPool pool;

    Pkcs11KeyExchange(TokenAsymmetricKeys keys, SessionPool pool) {
        super(keys);
        this.pool = pool;
    }

    @Override
    public byte[] dh(KxAlgorithm algorithm, BackendPublicKey peer, BackendSecretKey own) {
        keys.served(algorithm);
        TokenPrivateKey key = TokenPrivateKey.of(own);
        long handle = key.handleFor(algorithm);
        // The software backend parsed and validated the peer point at import (on the curve, not
        // the identity); SEC export is the uncompressed point CKM_ECDH1_DERIVE takes.
        byte[] point = peer.export(PublicKeyEncoding.SEC);
        int length = algorithm.sharedSecretLength();
        CK_ATTRIBUTE[] template = {
            new CK_ATTRIBUTE(PKCS11Constants.CKA_CLASS, PKCS11Constants.CKO_SECRET_KEY),
            new CK_ATTRIBUTE(PKCS11Constants.CKA_KEY_TYPE, PKCS11Constants.CKK_GENERIC_SECRET),
            new CK_ATTRIBUTE(PKCS11Constants.CKA_VALUE_LEN, (long) length),
            new CK_ATTRIBUTE(PKCS11Constants.CKA_TOKEN, false),
            new CK_ATTRIBUTE(PKCS11Constants.CKA_SENSITIVE, false),
            new CK_ATTRIBUTE(PKCS11Constants.CKA_EXTRACTABLE, true)
        };
        byte[] secret =
                pool.run(
                        Operation.DERIVE,
                        (p11, session) -> {
                            CK_MECHANISM mechanism =
                                    new CK_MECHANISM(
                                            PKCS11Constants.CKM_ECDH1_DERIVE,
                                            new CK_ECDH1_DERIVE_PARAMS(
                                                    PKCS11Constants.CKD_NULL, null, point));
                            long derived = p11.C_DeriveKey(session, mechanism, handle, template);
                            try {
                                CK_ATTRIBUTE[] read = {new CK_ATTRIBUTE(PKCS11Constants.CKA_VALUE)};
                                p11.C_GetAttributeValue(session, derived, read);
                                return read[0].getByteArray();
                            } finally {
                                p11.C_DestroyObject(session, derived);
                            }
                        });
        return TokenKeyMaterial.fixedLength(secret, length);
    }

    @Override
    public Encapsulation encapsulate(KxAlgorithm algorithm, BackendPublicKey publicKey) {
        throw notKem(algorithm);
    }

    @Override
    public byte[] decapsulate(
            KxAlgorithm algorithm, BackendSecretKey secretKey, byte[] ciphertext) {
        throw notKem(algorithm);
    }

    private static CryptoException notKem(KxAlgorithm algorithm) {
        // Only DH algorithms are served here, and provider-core sends KEM calls only for KEMs.
        return new CryptoException(
                CryptoErrno.INVALID_OPERATION, algorithm.specName() + " is not a KEM");
    }
}
