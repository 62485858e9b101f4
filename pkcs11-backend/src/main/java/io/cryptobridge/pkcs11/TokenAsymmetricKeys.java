package io.cryptobridge.pkcs11;

import io.cryptobridge.CryptoErrno;
import io.cryptobridge.CryptoException;
import io.cryptobridge.asymmetric.AsymmetricAlgorithm;
import io.cryptobridge.asymmetric.KeyPairEncoding;
import io.cryptobridge.asymmetric.PublicKeyEncoding;
import io.cryptobridge.asymmetric.SecretKeyEncoding;
import io.cryptobridge.spi.AsymmetricKeyPrimitives;
import io.cryptobridge.spi.BackendKeyPair;
import io.cryptobridge.spi.BackendPublicKey;
import io.cryptobridge.spi.BackendSecretKey;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import sun.security.pkcs11.wrapper.CK_ATTRIBUTE;
import sun.security.pkcs11.wrapper.CK_MECHANISM;
import sun.security.pkcs11.wrapper.PKCS11;
import sun.security.pkcs11.wrapper.PKCS11Constants;
import sun.security.pkcs11.wrapper.PKCS11Exception;

/**
 * Asymmetric keys on the token for one family (signatures or key exchange). Private keys are
 * generated on the token or imported into it (session objects owned by {@link KeyOwnerSession},
 * private, sensitive and non-extractable unless {@code extractable: true}). Everything public runs
 * in the JVM with the software backend's code: parsing and validating imported keys, public key
 * encodings, {@code publickey_verify}. Imported private keys are parsed and checked there too, then
 * copied to the token; the host's copy is wiped.
 */
final class TokenAsymmetricKeys implements AsymmetricKeyPrimitives {
    private static final byte[] RSA_PUBLIC_EXPONENT = {1, 0, 1};

    private final AsymmetricCapabilities capabilities;
    private final KeyOwnerSession owner;
    private final SessionPool pool;
    private final boolean extractable;
    private final AsymmetricKeyPrimitives software;

    /**
     * @param software the software backend's primitives of the same family, for public keys and for
     *     parsing imports
     */
    TokenAsymmetricKeys(
            AsymmetricCapabilities capabilities,
            KeyOwnerSession owner,
            SessionPool pool,
            boolean extractable,
            AsymmetricKeyPrimitives software) {
        this.capabilities = capabilities;
        this.owner = owner;
        this.pool = pool;
        this.extractable = extractable;
        this.software = software;
    }

    AsymmetricKeyPrimitives software() {
        return software;
    }

    @Override
    public boolean supports(AsymmetricAlgorithm algorithm) {
        return capabilities.supports(algorithm);
    }

    AsymmetricMechanismMap.Mechanisms served(AsymmetricAlgorithm algorithm) {
        if (!capabilities.supports(algorithm)) {
            throw new CryptoException(
                    CryptoErrno.UNSUPPORTED_ALGORITHM,
                    "the HSM backend does not serve " + algorithm.specName());
        }
        return capabilities.mechanisms(algorithm);
    }

    @Override
    public BackendKeyPair generateKeyPair(AsymmetricAlgorithm algorithm) {
        return generateKeyPair(algorithm, extractable);
    }

    /** A new session key pair; the managed-key store asks with its own extractability. */
    TokenKeyPair generateKeyPair(AsymmetricAlgorithm algorithm, boolean extractable) {
        AsymmetricMechanismMap.Mechanisms m = served(algorithm);
        KeyOwnerSession.Owned<GeneratedPair> generated =
                owner.call(
                        Operation.GENERATE_KEY,
                        (p11, session) ->
                                generate(p11, session, m, privateTemplate(m, false, extractable)));
        BackendPublicKey publicKey;
        try {
            publicKey = publicKeyOf(algorithm, m, generated.value().publicAttributes());
        } catch (RuntimeException e) {
            owner.destroy(generated.value().privateKey(), generated.epoch());
            throw e;
        }
        TokenPrivateKey key =
                new TokenPrivateKey(
                        algorithm,
                        new TokenObject(generated.value().privateKey(), generated.epoch(), owner),
                        extractable,
                        publicKey,
                        this::readBack);
        return new TokenKeyPair(key, software);
    }

    /** The private key handle and the public attributes; the public object is not kept. */
    private record GeneratedPair(long privateKey, CK_ATTRIBUTE[] publicAttributes) {}

    private static GeneratedPair generate(
            PKCS11 p11,
            long session,
            AsymmetricMechanismMap.Mechanisms m,
            List<CK_ATTRIBUTE> privateTemplate)
            throws PKCS11Exception {
        List<CK_ATTRIBUTE> publicTemplate = new ArrayList<>();
        publicTemplate.add(new CK_ATTRIBUTE(PKCS11Constants.CKA_TOKEN, false));
        publicTemplate.add(new CK_ATTRIBUTE(PKCS11Constants.CKA_PRIVATE, false));
        if (!m.derive()) {
            publicTemplate.add(new CK_ATTRIBUTE(PKCS11Constants.CKA_VERIFY, true));
        }
        CK_ATTRIBUTE[] read;
        if (m.kind() == AsymmetricMechanismMap.KeyKind.RSA) {
            publicTemplate.add(
                    new CK_ATTRIBUTE(PKCS11Constants.CKA_MODULUS_BITS, (long) m.keyBits()));
            publicTemplate.add(
                    new CK_ATTRIBUTE(PKCS11Constants.CKA_PUBLIC_EXPONENT, RSA_PUBLIC_EXPONENT));
            read =
                    new CK_ATTRIBUTE[] {
                        new CK_ATTRIBUTE(PKCS11Constants.CKA_MODULUS),
                        new CK_ATTRIBUTE(PKCS11Constants.CKA_PUBLIC_EXPONENT)
                    };
        } else {
            publicTemplate.add(
                    new CK_ATTRIBUTE(PKCS11Constants.CKA_EC_PARAMS, m.curveParameters()));
            read = new CK_ATTRIBUTE[] {new CK_ATTRIBUTE(PKCS11Constants.CKA_EC_POINT)};
        }
        long[] pair =
                p11.C_GenerateKeyPair(
                        session,
                        new CK_MECHANISM(m.keyGeneration()),
                        publicTemplate.toArray(new CK_ATTRIBUTE[0]),
                        privateTemplate.toArray(new CK_ATTRIBUTE[0]));
        try {
            p11.C_GetAttributeValue(session, pair[0], read);
        } catch (PKCS11Exception e) {
            p11.C_DestroyObject(session, pair[1]);
            throw e;
        } finally {
            // Public keys are verified and encoded in the JVM; the token object is not needed.
            p11.C_DestroyObject(session, pair[0]);
        }
        return new GeneratedPair(pair[1], read);
    }

    /**
     * Whether the token generates keys on the curve of {@code m} (capability probe): one session
     * key pair, destroyed at once.
     */
    static boolean curveWorks(KeyOwnerSession owner, AsymmetricMechanismMap.Mechanisms m) {
        try {
            KeyOwnerSession.Owned<GeneratedPair> probe =
                    owner.call(
                            Operation.GENERATE_KEY,
                            (p11, session) ->
                                    generate(p11, session, m, privateTemplate(m, false, false)));
            owner.destroy(probe.value().privateKey(), probe.epoch());
            return true;
        } catch (CryptoException e) {
            return false;
        }
    }

    private BackendPublicKey publicKeyOf(
            AsymmetricAlgorithm algorithm,
            AsymmetricMechanismMap.Mechanisms m,
            CK_ATTRIBUTE[] attributes) {
        if (m.kind() == AsymmetricMechanismMap.KeyKind.RSA) {
            byte[] spki =
                    TokenKeyMaterial.rsaPublicKeyInfo(
                            new BigInteger(1, attributes[0].getByteArray()),
                            new BigInteger(1, attributes[1].getByteArray()));
            return software.importPublicKey(algorithm, PublicKeyEncoding.PKCS8, spki);
        }
        byte[] point =
                TokenKeyMaterial.point(
                        attributes[0].getByteArray(), TokenKeyMaterial.pointLength(m.curve()));
        return software.importPublicKey(
                algorithm,
                m.kind() == AsymmetricMechanismMap.KeyKind.EC
                        ? PublicKeyEncoding.SEC
                        : PublicKeyEncoding.RAW,
                point);
    }

    /** Session object, private, sensitive and non-extractable unless configured otherwise. */
    private List<CK_ATTRIBUTE> privateTemplate(AsymmetricMechanismMap.Mechanisms m, boolean full) {
        return privateTemplate(m, full, extractable);
    }

    private static List<CK_ATTRIBUTE> privateTemplate(
            AsymmetricMechanismMap.Mechanisms m, boolean full, boolean extractable) {
        List<CK_ATTRIBUTE> template = new ArrayList<>();
        if (full) {
            template.add(
                    new CK_ATTRIBUTE(PKCS11Constants.CKA_CLASS, PKCS11Constants.CKO_PRIVATE_KEY));
            template.add(new CK_ATTRIBUTE(PKCS11Constants.CKA_KEY_TYPE, keyType(m)));
            if (m.kind() != AsymmetricMechanismMap.KeyKind.RSA) {
                template.add(new CK_ATTRIBUTE(PKCS11Constants.CKA_EC_PARAMS, m.curveParameters()));
            }
        }
        template.add(new CK_ATTRIBUTE(PKCS11Constants.CKA_TOKEN, false));
        template.add(new CK_ATTRIBUTE(PKCS11Constants.CKA_PRIVATE, true));
        template.add(new CK_ATTRIBUTE(PKCS11Constants.CKA_SENSITIVE, !extractable));
        template.add(new CK_ATTRIBUTE(PKCS11Constants.CKA_EXTRACTABLE, extractable));
        // ECDH keys must say CKA_DERIVE (SoftHSM's default is false, see docs/hsm.md); a key is
        // given only the one usage its algorithm needs.
        template.add(
                new CK_ATTRIBUTE(
                        m.derive() ? PKCS11Constants.CKA_DERIVE : PKCS11Constants.CKA_SIGN, true));
        return template;
    }

    private static long keyType(AsymmetricMechanismMap.Mechanisms m) {
        switch (m.kind()) {
            case EC:
                return PKCS11Constants.CKK_EC;
            case EDWARDS:
                return PKCS11Constants.CKK_EC_EDWARDS;
            default:
                return PKCS11Constants.CKK_RSA;
        }
    }

    /**
     * Wraps a private-key session object of the owner session (a managed key loaded from its token
     * object) exactly like a generated one.
     */
    TokenKeyPair wrap(
            AsymmetricAlgorithm algorithm,
            KeyOwnerSession.Owned<Long> privateKey,
            boolean extractable,
            BackendPublicKey publicKey) {
        return new TokenKeyPair(
                new TokenPrivateKey(
                        algorithm,
                        new TokenObject(privateKey.value(), privateKey.epoch(), owner),
                        extractable,
                        publicKey,
                        this::readBack),
                software);
    }

    @Override
    public TokenKeyPair importKeyPair(
            AsymmetricAlgorithm algorithm, KeyPairEncoding encoding, byte[] encoded) {
        served(algorithm);
        BackendKeyPair parsed = software.importKeyPair(algorithm, encoding, encoded);
        BackendSecretKey secret = parsed.secretKey();
        try {
            return new TokenKeyPair(toToken(algorithm, secret), software);
        } finally {
            secret.destroy();
            parsed.destroy();
        }
    }

    @Override
    public BackendPublicKey importPublicKey(
            AsymmetricAlgorithm algorithm, PublicKeyEncoding encoding, byte[] encoded) {
        served(algorithm);
        return software.importPublicKey(algorithm, encoding, encoded);
    }

    @Override
    public BackendSecretKey importSecretKey(
            AsymmetricAlgorithm algorithm, SecretKeyEncoding encoding, byte[] encoded) {
        served(algorithm);
        BackendSecretKey parsed = software.importSecretKey(algorithm, encoding, encoded);
        try {
            return toToken(algorithm, parsed);
        } finally {
            parsed.destroy();
        }
    }

    /** Copies a parsed, checked software key to the token; the copy in the JVM is wiped. */
    private TokenPrivateKey toToken(AsymmetricAlgorithm algorithm, BackendSecretKey parsed) {
        AsymmetricMechanismMap.Mechanisms m = served(algorithm);
        List<CK_ATTRIBUTE> template = privateTemplate(m, true);
        byte[] value;
        if (m.kind() == AsymmetricMechanismMap.KeyKind.RSA) {
            value = parsed.export(SecretKeyEncoding.PKCS8);
            template.addAll(TokenKeyMaterial.rsaPrivateAttributes(value));
        } else {
            // EC: the big-endian scalar; Ed25519: the 32-byte seed (RFC 8032 private key).
            value = parsed.export(SecretKeyEncoding.RAW);
            template.add(new CK_ATTRIBUTE(PKCS11Constants.CKA_VALUE, value));
        }
        try {
            KeyOwnerSession.Created created =
                    owner.importObject(template.toArray(new CK_ATTRIBUTE[0]));
            return new TokenPrivateKey(
                    algorithm,
                    new TokenObject(created.handle(), created.epoch(), owner),
                    extractable,
                    parsed.publicKey(),
                    this::readBack);
        } finally {
            Arrays.fill(value, (byte) 0);
        }
    }

    /** Reads an extractable private key off the token as a software key (export only). */
    private BackendSecretKey readBack(TokenPrivateKey key) {
        AsymmetricMechanismMap.Mechanisms m = served(key.algorithm());
        long handle = key.handleFor(key.algorithm());
        boolean rsa = m.kind() == AsymmetricMechanismMap.KeyKind.RSA;
        CK_ATTRIBUTE[] read =
                pool.run(
                        Operation.EXPORT_KEY,
                        (p11, session) -> {
                            CK_ATTRIBUTE[] attributes;
                            if (rsa) {
                                attributes =
                                        new CK_ATTRIBUTE
                                                [TokenKeyMaterial.RSA_PRIVATE_ATTRIBUTES.length];
                                for (int i = 0; i < attributes.length; i++) {
                                    attributes[i] =
                                            new CK_ATTRIBUTE(
                                                    TokenKeyMaterial.RSA_PRIVATE_ATTRIBUTES[i]);
                                }
                            } else {
                                attributes =
                                        new CK_ATTRIBUTE[] {
                                            new CK_ATTRIBUTE(PKCS11Constants.CKA_VALUE)
                                        };
                            }
                            p11.C_GetAttributeValue(session, handle, attributes);
                            return attributes;
                        });
        byte[] value =
                rsa
                        ? TokenKeyMaterial.rsaPrivateKeyInfo(read)
                        : TokenKeyMaterial.fixedLength(
                                read[0].getByteArray(), m.curve().scalarLength());
        try {
            return software.importSecretKey(
                    key.algorithm(), rsa ? SecretKeyEncoding.PKCS8 : SecretKeyEncoding.RAW, value);
        } finally {
            Arrays.fill(value, (byte) 0);
        }
    }

    @Override
    public BackendKeyPair keyPair(
            AsymmetricAlgorithm algorithm, BackendPublicKey publicKey, BackendSecretKey secretKey) {
        TokenPrivateKey secret = TokenPrivateKey.of(secretKey);
        secret.handleFor(algorithm);
        TokenPrivateKey key = secret.share();
        byte[] given = publicKey.export(PublicKeyEncoding.PKCS8);
        byte[] own = key.publicKey().export(PublicKeyEncoding.PKCS8);
        if (!java.security.MessageDigest.isEqual(given, own)) {
            key.destroy();
            throw new CryptoException(
                    CryptoErrno.INCOMPATIBLE_KEYS, "the public key does not match the secret key");
        }
        return new TokenKeyPair(key, software);
    }

    @Override
    public void verifyPublicKey(AsymmetricAlgorithm algorithm, BackendPublicKey publicKey) {
        software.verifyPublicKey(algorithm, publicKey);
    }
}
