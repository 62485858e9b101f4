package io.cryptobridge.pkcs11;

import io.cryptobridge.CryptoErrno;
import io.cryptobridge.CryptoException;
import io.cryptobridge.spi.AeadEngine;
import io.cryptobridge.spi.BackendKey;
import io.cryptobridge.spi.HashEngine;
import io.cryptobridge.spi.MacEngine;
import io.cryptobridge.spi.SymmetricPrimitives;
import io.cryptobridge.symmetric.SymmetricAlgorithm;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import sun.security.pkcs11.wrapper.CK_ATTRIBUTE;
import sun.security.pkcs11.wrapper.CK_MECHANISM;
import sun.security.pkcs11.wrapper.PKCS11Constants;

/**
 * The symmetric primitives on the token: SHA-2 digests, HMAC, AES-GCM. Keys are session objects
 * owned by {@link KeyOwnerSession}; operations run on pooled sessions. What the token cannot do
 * ({@link CapabilityTable}) is reported unsupported, and the router asks the next backend.
 */
final class Pkcs11Symmetric implements SymmetricPrimitives {
    private final CapabilityTable capabilities;
    private final SessionPool pool;
    private final KeyOwnerSession owner;
    private final VendorQuirks quirks;
    private final boolean extractable;
    private final long maxBufferedBytes;

    Pkcs11Symmetric(
            CapabilityTable capabilities,
            SessionPool pool,
            KeyOwnerSession owner,
            VendorQuirks quirks,
            boolean extractable,
            long maxBufferedBytes) {
        this.capabilities = capabilities;
        this.pool = pool;
        this.owner = owner;
        this.quirks = quirks;
        this.extractable = extractable;
        this.maxBufferedBytes = maxBufferedBytes;
    }

    @Override
    public boolean supports(SymmetricAlgorithm algorithm) {
        return capabilities.supports(algorithm);
    }

    @Override
    public BackendKey generateKey(SymmetricAlgorithm algorithm) {
        return generateKey(algorithm, extractable);
    }

    /** A new session key; the managed-key store asks with its own extractability. */
    TokenKey generateKey(SymmetricAlgorithm algorithm, boolean extractable) {
        CapabilityTable.Capability capability = served(algorithm);
        int length = Math.max(algorithm.keyLength(), capability.minKeyLength());
        List<CK_ATTRIBUTE> template = keyTemplate(algorithm, extractable);
        template.add(new CK_ATTRIBUTE(PKCS11Constants.CKA_VALUE_LEN, (long) length));
        KeyOwnerSession.Created created =
                owner.generate(
                        new CK_MECHANISM(capability.mechanisms().keyGeneration()),
                        template.toArray(new CK_ATTRIBUTE[0]));
        return new TokenKey(algorithm, created, extractable, TokenKey.KeyShape.AS_IS, owner, pool);
    }

    @Override
    public TokenKey importKey(SymmetricAlgorithm algorithm, byte[] raw) {
        CapabilityTable.Capability capability = served(algorithm);
        byte[] value = raw.clone();
        TokenKey.KeyShape shape = TokenKey.KeyShape.AS_IS;
        if (algorithm.kind() == SymmetricAlgorithm.Kind.MAC) {
            HmacKeyShaper.Shaped shaped =
                    HmacKeyShaper.shape(
                            value,
                            algorithm.hashName(),
                            capability.mechanisms().blockSize(),
                            capability.minKeyLength(),
                            quirks);
            Arrays.fill(value, (byte) 0);
            value = shaped.value();
            shape = shaped.shape();
        }
        List<CK_ATTRIBUTE> template = keyTemplate(algorithm, extractable);
        template.add(new CK_ATTRIBUTE(PKCS11Constants.CKA_VALUE, value));
        try {
            KeyOwnerSession.Created created =
                    owner.importObject(template.toArray(new CK_ATTRIBUTE[0]));
            return new TokenKey(algorithm, created, extractable, shape, owner, pool);
        } finally {
            Arrays.fill(value, (byte) 0);
        }
    }

    /** Session object, private, sensitive and non-extractable unless configured otherwise. */
    private static List<CK_ATTRIBUTE> keyTemplate(
            SymmetricAlgorithm algorithm, boolean extractable) {
        boolean aead = algorithm.kind() == SymmetricAlgorithm.Kind.AEAD;
        List<CK_ATTRIBUTE> template = new ArrayList<>();
        template.add(new CK_ATTRIBUTE(PKCS11Constants.CKA_CLASS, PKCS11Constants.CKO_SECRET_KEY));
        template.add(
                new CK_ATTRIBUTE(
                        PKCS11Constants.CKA_KEY_TYPE,
                        aead ? PKCS11Constants.CKK_AES : PKCS11Constants.CKK_GENERIC_SECRET));
        template.add(new CK_ATTRIBUTE(PKCS11Constants.CKA_TOKEN, false));
        template.add(new CK_ATTRIBUTE(PKCS11Constants.CKA_PRIVATE, true));
        template.add(new CK_ATTRIBUTE(PKCS11Constants.CKA_SENSITIVE, !extractable));
        template.add(new CK_ATTRIBUTE(PKCS11Constants.CKA_EXTRACTABLE, extractable));
        template.add(
                new CK_ATTRIBUTE(
                        aead ? PKCS11Constants.CKA_ENCRYPT : PKCS11Constants.CKA_SIGN, true));
        template.add(
                new CK_ATTRIBUTE(
                        aead ? PKCS11Constants.CKA_DECRYPT : PKCS11Constants.CKA_VERIFY, true));
        return template;
    }

    @Override
    public HashEngine newHash(SymmetricAlgorithm algorithm) {
        CapabilityTable.Capability capability = served(algorithm);
        return new TokenHash(
                pool,
                capability.mechanisms().operation(),
                algorithm.hashLength(),
                new BoundedBuffer(maxBufferedBytes));
    }

    @Override
    public MacEngine newMac(SymmetricAlgorithm algorithm, BackendKey key) {
        CapabilityTable.Capability capability = served(algorithm);
        TokenKey tokenKey = TokenKey.of(key);
        tokenKey.handleFor(algorithm);
        return new TokenMac(
                pool,
                capability.mechanisms().operation(),
                () -> tokenKey.handleFor(algorithm),
                new BoundedBuffer(maxBufferedBytes));
    }

    @Override
    public BackendKey hkdfExtract(
            SymmetricAlgorithm extract, BackendKey inputKeyMaterial, byte[] salt) {
        throw notServed(extract);
    }

    @Override
    public byte[] hkdfExpand(SymmetricAlgorithm expand, BackendKey prk, byte[] info, int length) {
        throw notServed(expand);
    }

    @Override
    public AeadEngine newAead(SymmetricAlgorithm algorithm, BackendKey key) {
        served(algorithm);
        TokenKey tokenKey = TokenKey.of(key);
        tokenKey.handleFor(algorithm);
        return new TokenAead(pool, () -> tokenKey.handleFor(algorithm));
    }

    private CapabilityTable.Capability served(SymmetricAlgorithm algorithm) {
        if (!capabilities.supports(algorithm)) {
            throw notServed(algorithm);
        }
        return capabilities.capability(algorithm);
    }

    private static CryptoException notServed(SymmetricAlgorithm algorithm) {
        return new CryptoException(
                CryptoErrno.UNSUPPORTED_ALGORITHM, "the HSM backend does not serve " + algorithm);
    }
}
