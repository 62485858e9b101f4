package io.cryptobridge.pkcs11;

import io.cryptobridge.CryptoErrno;
import io.cryptobridge.CryptoException;
import io.cryptobridge.asymmetric.AsymmetricAlgorithm;
import io.cryptobridge.asymmetric.KeyPairEncoding;
import io.cryptobridge.asymmetric.PublicKeyEncoding;
import io.cryptobridge.spi.ManagedContent;
import io.cryptobridge.spi.ManagedEntry;
import io.cryptobridge.spi.ManagedKind;
import io.cryptobridge.symmetric.SymmetricAlgorithm;
import java.util.Arrays;

/**
 * Turns what {@link io.cryptobridge.spi.SecretStore#create} is given into a session key object on
 * the token, before any version is claimed (so refusals leave nothing behind): New* content is
 * generated on the token; a copy of this backend's own key is used as it is; a key of another
 * backend goes through this backend's import code if it can be exported, else prohibited_operation.
 * What the token cannot keep is unsupported_algorithm.
 */
final class ManagedSources {
    /** {@code CK_INVALID_HANDLE}: an external secret has no key object. */
    static final long NO_OBJECT = 0;

    private final String backendName;
    private final Pkcs11Symmetric symmetric;
    private final Pkcs11Signatures signatures;
    private final Pkcs11KeyExchange keyExchange;
    private final boolean extractable;

    ManagedSources(
            String backendName,
            Pkcs11Symmetric symmetric,
            Pkcs11Signatures signatures,
            Pkcs11KeyExchange keyExchange,
            boolean extractable) {
        this.backendName = backendName;
        this.symmetric = symmetric;
        this.signatures = signatures;
        this.keyExchange = keyExchange;
        this.extractable = extractable;
    }

    /** The family that keeps key pairs of {@code kind}. */
    TokenAsymmetricKeys family(ManagedKind kind) {
        return kind == ManagedKind.KX_KEY_PAIR ? keyExchange.keys : signatures.keys;
    }

    Source prepare(ManagedEntry entry, ManagedContent content) {
        if (content instanceof ManagedContent.SealedSecret secret) {
            requireKind(entry, ManagedKind.EXTERNAL_SECRET);
            return new Source(NO_OBJECT, null, EntryRecord.secret(entry, secret.sealed()));
        }
        if (content instanceof ManagedContent.NewSymmetricKey key) {
            requireKind(entry, ManagedKind.SYMMETRIC_KEY);
            requireSymmetric(key.algorithm());
            TokenKey generated = symmetric.generateKey(key.algorithm(), extractable);
            return symmetricSource(entry, generated, key.algorithm(), true);
        }
        if (content instanceof ManagedContent.CopyOfSymmetricKey copy) {
            requireKind(entry, ManagedKind.SYMMETRIC_KEY);
            requireSymmetric(copy.algorithm());
            if (copy.owner() == symmetric && copy.key() instanceof TokenKey own) {
                return symmetricSource(entry, own, copy.algorithm(), false);
            }
            if (!copy.key().extractable()) {
                throw foreignNotExtractable(copy.algorithm().specName());
            }
            byte[] raw = copy.key().exportRaw();
            try {
                TokenKey imported = symmetric.importKey(copy.algorithm(), raw);
                return symmetricSource(entry, imported, copy.algorithm(), true);
            } finally {
                Arrays.fill(raw, (byte) 0);
            }
        }
        if (content instanceof ManagedContent.NewKeyPair pair) {
            TokenAsymmetricKeys keys = requireAsymmetric(entry, pair.algorithm());
            return pairSource(
                    entry,
                    keys.generateKeyPair(pair.algorithm(), extractable),
                    pair.algorithm(),
                    true);
        }
        ManagedContent.CopyOfKeyPair copy = (ManagedContent.CopyOfKeyPair) content;
        TokenAsymmetricKeys keys = requireAsymmetric(entry, copy.algorithm());
        if ((copy.owner() == signatures || copy.owner() == keyExchange)
                && copy.keyPair() instanceof TokenKeyPair own) {
            return pairSource(entry, own, copy.algorithm(), false);
        }
        byte[] pkcs8;
        try {
            pkcs8 = copy.keyPair().export(KeyPairEncoding.PKCS8);
        } catch (CryptoException e) {
            if (e.errno() == CryptoErrno.PROHIBITED_OPERATION) {
                throw foreignNotExtractable(copy.algorithm().specName());
            }
            throw e;
        }
        try {
            return pairSource(
                    entry,
                    keys.importKeyPair(copy.algorithm(), KeyPairEncoding.PKCS8, pkcs8),
                    copy.algorithm(),
                    true);
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
    }

    private Source symmetricSource(
            ManagedEntry entry, TokenKey key, SymmetricAlgorithm algorithm, boolean temporary) {
        try {
            return new Source(
                    key.handleFor(algorithm),
                    temporary ? key::destroy : null,
                    EntryRecord.of(entry, key.shape(), new byte[0]));
        } catch (RuntimeException e) {
            if (temporary) {
                key.destroy();
            }
            throw e;
        }
    }

    private static Source pairSource(
            ManagedEntry entry,
            TokenKeyPair pair,
            AsymmetricAlgorithm algorithm,
            boolean temporary) {
        try {
            return new Source(
                    pair.tokenKey().handleFor(algorithm),
                    temporary ? pair::destroy : null,
                    EntryRecord.of(
                            entry,
                            TokenKey.KeyShape.AS_IS,
                            pair.publicKey().export(PublicKeyEncoding.PKCS8)));
        } catch (RuntimeException e) {
            if (temporary) {
                pair.destroy();
            }
            throw e;
        }
    }

    private void requireSymmetric(SymmetricAlgorithm algorithm) {
        if (!symmetric.supports(algorithm) || algorithm.kind() == SymmetricAlgorithm.Kind.HASH) {
            throw cannotKeep(algorithm.specName());
        }
    }

    private TokenAsymmetricKeys requireAsymmetric(
            ManagedEntry entry, AsymmetricAlgorithm algorithm) {
        if (!entry.kind().isKeyPair()) {
            throw new IllegalArgumentException(
                    "a key pair cannot be stored as " + entry.kind().label());
        }
        TokenAsymmetricKeys keys = family(entry.kind());
        if (!keys.supports(algorithm)) {
            throw cannotKeep(algorithm.specName());
        }
        return keys;
    }

    private static void requireKind(ManagedEntry entry, ManagedKind kind) {
        if (entry.kind() != kind) {
            throw new IllegalArgumentException(
                    "content for " + kind.label() + " stored as " + entry.kind().label());
        }
    }

    CryptoException cannotKeep(String algorithm) {
        return new CryptoException(
                CryptoErrno.UNSUPPORTED_ALGORITHM,
                "the PKCS#11 backend '"
                        + backendName
                        + "' cannot keep "
                        + algorithm
                        + " keys: its token does not serve that algorithm");
    }

    private CryptoException foreignNotExtractable(String algorithm) {
        return new CryptoException(
                CryptoErrno.PROHIBITED_OPERATION,
                "the PKCS#11 backend '"
                        + backendName
                        + "' cannot store a copy of a "
                        + algorithm
                        + " key of another backend that may not be exported");
    }

    /**
     * A session key object ready to be made persistent (or none, for a sealed secret), the record
     * to claim with, and what to destroy afterwards (only what {@link #prepare} made itself; a
     * caller's own key stays).
     */
    record Source(long sessionObject, Runnable cleanup, EntryRecord record)
            implements AutoCloseable {
        boolean hasKey() {
            return sessionObject != NO_OBJECT;
        }

        @Override
        public void close() {
            if (cleanup != null) {
                cleanup.run();
            }
        }
    }
}
