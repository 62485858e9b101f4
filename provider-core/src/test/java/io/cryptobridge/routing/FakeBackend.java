package io.cryptobridge.routing;

import io.cryptobridge.CryptoErrno;
import io.cryptobridge.CryptoException;
import io.cryptobridge.asymmetric.AsymmetricAlgorithm;
import io.cryptobridge.asymmetric.KeyPairEncoding;
import io.cryptobridge.asymmetric.PublicKeyEncoding;
import io.cryptobridge.asymmetric.SecretKeyEncoding;
import io.cryptobridge.kx.KxAlgorithm;
import io.cryptobridge.signatures.SignatureAlgorithm;
import io.cryptobridge.spi.AeadEngine;
import io.cryptobridge.spi.Backend;
import io.cryptobridge.spi.BackendKey;
import io.cryptobridge.spi.BackendKeyPair;
import io.cryptobridge.spi.BackendPublicKey;
import io.cryptobridge.spi.BackendSecretKey;
import io.cryptobridge.spi.HashEngine;
import io.cryptobridge.spi.KeyExchangePrimitives;
import io.cryptobridge.spi.MacEngine;
import io.cryptobridge.spi.SignaturePrimitives;
import io.cryptobridge.spi.SignerEngine;
import io.cryptobridge.spi.SymmetricPrimitives;
import io.cryptobridge.spi.VerifierEngine;
import io.cryptobridge.symmetric.SymmetricAlgorithm;
import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.crypto.KeyAgreement;

/**
 * A small backend for provider-core's tests: it serves only the algorithms it is given, counts the
 * operations it runs ({@link #operations()}), can be told to fail every operation, and refuses keys
 * of any other backend (so a test sees whether provider-core imported a foreign key first). Its
 * crypto is the JDK's: SHA-2 hashes, Ed25519 signatures, X25519; key "RAW" encodings are the JDK's
 * X.509 bytes, which is enough for keys that only move between fakes.
 */
public final class FakeBackend implements Backend {
    private final String name;
    private final Set<String> algorithms;
    private final List<String> log = new ArrayList<>();
    private boolean failing;

    public FakeBackend(String name, String... algorithms) {
        this.name = name;
        this.algorithms = Set.of(algorithms);
    }

    @Override
    public String name() {
        return name;
    }

    /** Every operation this backend ran, e.g. {@code hash SHA-256}, {@code dh X25519}. */
    public List<String> operations() {
        return List.copyOf(log);
    }

    /** From now on every operation fails with algorithm_failure (after being counted). */
    public void failEverything() {
        failing = true;
    }

    private void run(String operation) {
        log.add(operation);
        if (failing) {
            throw new CryptoException(CryptoErrno.ALGORITHM_FAILURE, name + " failed " + operation);
        }
    }

    @Override
    public Optional<SymmetricPrimitives> symmetric() {
        return Optional.of(symmetric);
    }

    @Override
    public Optional<SignaturePrimitives> signatures() {
        return Optional.of(signatures);
    }

    @Override
    public Optional<KeyExchangePrimitives> keyExchange() {
        return Optional.of(keyExchange);
    }

    @Override
    public String toString() {
        return "FakeBackend[" + name + "]";
    }

    private final SymmetricPrimitives symmetric =
            new SymmetricPrimitives() {
                @Override
                public boolean supports(SymmetricAlgorithm algorithm) {
                    return algorithms.contains(algorithm.specName());
                }

                @Override
                public BackendKey generateKey(SymmetricAlgorithm algorithm) {
                    run("generate " + algorithm);
                    return new FakeKey(new byte[algorithm.keyLength()]);
                }

                @Override
                public BackendKey importKey(SymmetricAlgorithm algorithm, byte[] raw) {
                    run("import " + algorithm);
                    return new FakeKey(raw);
                }

                @Override
                public HashEngine newHash(SymmetricAlgorithm algorithm) {
                    run("hash " + algorithm);
                    return new FakeHash(algorithm.hashName());
                }

                @Override
                public MacEngine newMac(SymmetricAlgorithm algorithm, BackendKey key) {
                    throw new UnsupportedOperationException("no MACs in the fake");
                }

                @Override
                public BackendKey hkdfExtract(
                        SymmetricAlgorithm extract, BackendKey inputKeyMaterial, byte[] salt) {
                    throw new UnsupportedOperationException("no HKDF in the fake");
                }

                @Override
                public byte[] hkdfExpand(
                        SymmetricAlgorithm expand, BackendKey prk, byte[] info, int length) {
                    throw new UnsupportedOperationException("no HKDF in the fake");
                }

                @Override
                public AeadEngine newAead(SymmetricAlgorithm algorithm, BackendKey key) {
                    throw new UnsupportedOperationException("no AEADs in the fake");
                }
            };

    private final SignaturePrimitives signatures = new Signatures();
    private final KeyExchangePrimitives keyExchange = new KeyExchange();

    /** Key handling shared by both asymmetric families: JDK keys, X.509 bytes as "RAW". */
    private abstract class Keys {
        public boolean supports(AsymmetricAlgorithm algorithm) {
            return algorithms.contains(algorithm.specName());
        }

        public BackendKeyPair generateKeyPair(AsymmetricAlgorithm algorithm) {
            run("generate " + algorithm);
            try {
                java.security.KeyPair pair =
                        KeyPairGenerator.getInstance(algorithm.specName()).generateKeyPair();
                return new FakePair(
                        new FakePublic(FakeBackend.this, pair.getPublic().getEncoded()),
                        pair.getPrivate());
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        public BackendKeyPair importKeyPair(
                AsymmetricAlgorithm algorithm, KeyPairEncoding encoding, byte[] encoded) {
            throw new CryptoException(CryptoErrno.UNSUPPORTED_ENCODING, "not in the fake");
        }

        public BackendPublicKey importPublicKey(
                AsymmetricAlgorithm algorithm, PublicKeyEncoding encoding, byte[] encoded) {
            run("import public " + algorithm);
            try {
                // Parsing proves the bytes are a key of this algorithm.
                KeyFactory.getInstance(algorithm.specName())
                        .generatePublic(new X509EncodedKeySpec(encoded));
            } catch (GeneralSecurityException e) {
                throw new CryptoException(CryptoErrno.INVALID_KEY, "not a public key");
            }
            return new FakePublic(FakeBackend.this, encoded);
        }

        public BackendSecretKey importSecretKey(
                AsymmetricAlgorithm algorithm, SecretKeyEncoding encoding, byte[] encoded) {
            throw new CryptoException(CryptoErrno.UNSUPPORTED_ENCODING, "not in the fake");
        }

        public BackendKeyPair keyPair(
                AsymmetricAlgorithm algorithm,
                BackendPublicKey publicKey,
                BackendSecretKey secretKey) {
            return new FakePair(own(publicKey), ((FakeSecret) secretKey).key);
        }

        public void verifyPublicKey(AsymmetricAlgorithm algorithm, BackendPublicKey publicKey) {
            own(publicKey);
        }

        FakePublic own(BackendPublicKey key) {
            FakePublic fake = (FakePublic) key;
            if (fake.owner != FakeBackend.this) {
                throw new IllegalStateException(name + " was given a key of " + fake.owner.name);
            }
            return fake;
        }

        java.security.PublicKey jdk(AsymmetricAlgorithm algorithm, BackendPublicKey key) {
            try {
                return KeyFactory.getInstance(algorithm.specName())
                        .generatePublic(new X509EncodedKeySpec(own(key).encoded));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private final class Signatures extends Keys implements SignaturePrimitives {
        @Override
        public SignerEngine newSigner(SignatureAlgorithm algorithm, BackendKeyPair keyPair) {
            run("sign " + algorithm);
            FakePair pair = (FakePair) keyPair;
            own(pair.publicKey);
            ByteArrayOutputStream message = new ByteArrayOutputStream();
            return new SignerEngine() {
                @Override
                public void update(byte[] data, int offset, int length) {
                    message.write(data, offset, length);
                }

                @Override
                public byte[] sign() {
                    try {
                        java.security.Signature signer =
                                java.security.Signature.getInstance("Ed25519");
                        signer.initSign(pair.secret);
                        signer.update(message.toByteArray());
                        return signer.sign();
                    } catch (GeneralSecurityException e) {
                        throw new IllegalStateException(e);
                    }
                }
            };
        }

        @Override
        public VerifierEngine newVerifier(SignatureAlgorithm algorithm, BackendPublicKey key) {
            run("verify " + algorithm);
            java.security.PublicKey publicKey = jdk(algorithm, key);
            ByteArrayOutputStream message = new ByteArrayOutputStream();
            return new VerifierEngine() {
                @Override
                public void update(byte[] data, int offset, int length) {
                    message.write(data, offset, length);
                }

                @Override
                public boolean verify(byte[] rawSignature) {
                    try {
                        java.security.Signature verifier =
                                java.security.Signature.getInstance("Ed25519");
                        verifier.initVerify(publicKey);
                        verifier.update(message.toByteArray());
                        return verifier.verify(rawSignature);
                    } catch (GeneralSecurityException e) {
                        return false;
                    }
                }
            };
        }
    }

    private final class KeyExchange extends Keys implements KeyExchangePrimitives {
        @Override
        public byte[] dh(KxAlgorithm algorithm, BackendPublicKey peer, BackendSecretKey own) {
            run("dh " + algorithm);
            try {
                KeyAgreement agreement = KeyAgreement.getInstance(algorithm.specName());
                agreement.init(((FakeSecret) own).key);
                agreement.doPhase(jdk(algorithm, peer), true);
                return agreement.generateSecret();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public Encapsulation encapsulate(KxAlgorithm algorithm, BackendPublicKey publicKey) {
            throw new UnsupportedOperationException("no KEMs in the fake");
        }

        @Override
        public byte[] decapsulate(
                KxAlgorithm algorithm, BackendSecretKey secretKey, byte[] ciphertext) {
            throw new UnsupportedOperationException("no KEMs in the fake");
        }
    }

    private record FakeKey(byte[] raw) implements BackendKey {
        @Override
        public boolean extractable() {
            return true;
        }

        @Override
        public byte[] exportRaw() {
            return raw.clone();
        }

        @Override
        public void destroy() {}
    }

    private static final class FakeHash implements HashEngine {
        private final MessageDigest digest;

        FakeHash(String name) {
            try {
                digest = MessageDigest.getInstance(name);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        private FakeHash(MessageDigest digest) {
            this.digest = digest;
        }

        @Override
        public void update(byte[] data, int offset, int length) {
            digest.update(data, offset, length);
        }

        @Override
        public HashEngine copy() {
            try {
                return new FakeHash((MessageDigest) digest.clone());
            } catch (CloneNotSupportedException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public byte[] digest() {
            return digest.digest();
        }
    }

    private static final class FakePublic implements BackendPublicKey {
        final FakeBackend owner;
        final byte[] encoded;

        FakePublic(FakeBackend owner, byte[] encoded) {
            this.owner = owner;
            this.encoded = encoded.clone();
        }

        @Override
        public byte[] export(PublicKeyEncoding encoding) {
            return encoded.clone();
        }
    }

    private static final class FakeSecret implements BackendSecretKey {
        final FakePublic publicKey;
        final PrivateKey key;

        FakeSecret(FakePublic publicKey, PrivateKey key) {
            this.publicKey = publicKey;
            this.key = key;
        }

        @Override
        public byte[] export(SecretKeyEncoding encoding) {
            throw new CryptoException(CryptoErrno.PROHIBITED_OPERATION, "not in the fake");
        }

        @Override
        public BackendPublicKey publicKey() {
            return publicKey;
        }
    }

    private static final class FakePair implements BackendKeyPair {
        final FakePublic publicKey;
        final PrivateKey secret;

        FakePair(FakePublic publicKey, PrivateKey secret) {
            this.publicKey = publicKey;
            this.secret = secret;
        }

        @Override
        public BackendPublicKey publicKey() {
            return publicKey;
        }

        @Override
        public BackendSecretKey secretKey() {
            return new FakeSecret(publicKey, secret);
        }

        @Override
        public byte[] export(KeyPairEncoding encoding) {
            throw new CryptoException(CryptoErrno.PROHIBITED_OPERATION, "not in the fake");
        }
    }
}
