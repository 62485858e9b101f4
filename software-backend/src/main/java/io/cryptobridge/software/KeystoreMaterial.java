package io.cryptobridge.software;

import io.cryptobridge.CryptoErrno;
import io.cryptobridge.CryptoException;
import io.cryptobridge.asymmetric.AsymmetricAlgorithm;
import io.cryptobridge.asymmetric.KeyPairEncoding;
import io.cryptobridge.kx.KxAlgorithm;
import io.cryptobridge.signatures.SignatureAlgorithm;
import io.cryptobridge.spi.BackendKey;
import io.cryptobridge.spi.BackendKeyPair;
import io.cryptobridge.spi.ManagedContent;
import io.cryptobridge.spi.ManagedEntry;
import io.cryptobridge.spi.ManagedKind;
import io.cryptobridge.symmetric.SymmetricAlgorithm;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Locale;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;

/**
 * Turns what {@link SoftwareSecretStore#create} is given into the bytes an entry file encrypts, and
 * those bytes back into keys of this backend: symmetric keys as raw bytes, key pairs in their
 * scheme's {@link KeyScheme#storageEncoding()} (PKCS8, or RAW for ML-KEM and X-Wing), external
 * secrets as the sealed bytes provider-core gave. Keys it loads are extractable only with {@code
 * managed-keys-extractable}.
 */
final class KeystoreMaterial {
    static final String SEALED = "sealed";

    private final String backendName;
    private final SoftwareSymmetric symmetric;
    private final SoftwareSignatures signatures;
    private final SoftwareKeyExchange keyExchange;
    private final SecureRandom random;
    private final boolean extractable;

    KeystoreMaterial(
            String backendName,
            SoftwareSymmetric symmetric,
            SoftwareSignatures signatures,
            SoftwareKeyExchange keyExchange,
            SecureRandom random,
            boolean extractable) {
        this.backendName = backendName;
        this.symmetric = symmetric;
        this.signatures = signatures;
        this.keyExchange = keyExchange;
        this.random = random;
        this.extractable = extractable;
    }

    /** Bytes to encrypt and how to read them back; the caller wipes {@code bytes}. */
    record Encoded(String encoding, byte[] bytes) {
        @Override
        public String toString() {
            return "Encoded[" + encoding + ", " + bytes.length + " bytes]";
        }
    }

    /**
     * The material for {@code entry}.
     *
     * @throws CryptoException prohibited_operation for a foreign key that cannot be exported,
     *     unsupported_algorithm for an algorithm this backend lacks
     */
    Encoded encode(ManagedEntry entry, ManagedContent content) {
        if (content instanceof ManagedContent.NewSymmetricKey fresh) {
            requireEntry(entry, ManagedKind.SYMMETRIC_KEY, fresh.algorithm().specName());
            requireKeyed(fresh.algorithm());
            byte[] key = new byte[fresh.algorithm().keyLength()];
            random.nextBytes(key);
            return new Encoded(encodingLabel(KeyPairEncoding.RAW), key);
        }
        if (content instanceof ManagedContent.CopyOfSymmetricKey copy) {
            requireEntry(entry, ManagedKind.SYMMETRIC_KEY, copy.algorithm().specName());
            requireKeyed(copy.algorithm());
            return new Encoded(encodingLabel(KeyPairEncoding.RAW), symmetricBytes(copy));
        }
        if (content instanceof ManagedContent.NewKeyPair fresh) {
            requireEntry(entry, kindOf(fresh.algorithm()), fresh.algorithm().specName());
            KeyScheme scheme = scheme(fresh.algorithm());
            AsymmetricKeyParameter[] pair = scheme.generate();
            KeyPairEncoding encoding = scheme.storageEncoding();
            return new Encoded(
                    encodingLabel(encoding), scheme.encodeKeyPair(pair[0], pair[1], encoding));
        }
        if (content instanceof ManagedContent.CopyOfKeyPair copy) {
            requireEntry(entry, kindOf(copy.algorithm()), copy.algorithm().specName());
            KeyScheme scheme = scheme(copy.algorithm());
            KeyPairEncoding encoding = scheme.storageEncoding();
            return new Encoded(encodingLabel(encoding), keyPairBytes(copy, scheme, encoding));
        }
        if (content instanceof ManagedContent.SealedSecret secret) {
            requireEntry(entry, ManagedKind.EXTERNAL_SECRET, ManagedEntry.SECRET_ALGORITHM);
            return new Encoded(SEALED, secret.sealed().clone());
        }
        throw new IllegalArgumentException("unknown managed content " + content);
    }

    private byte[] symmetricBytes(ManagedContent.CopyOfSymmetricKey copy) {
        if (copy.owner() == symmetric) {
            // Our own key: copied as is, whatever its extractability.
            return RawKey.of(copy.key()).bytes().clone();
        }
        if (!copy.key().extractable()) {
            throw foreignNotExtractable(copy.algorithm().specName());
        }
        return copy.key().exportRaw();
    }

    private byte[] keyPairBytes(
            ManagedContent.CopyOfKeyPair copy, KeyScheme scheme, KeyPairEncoding encoding) {
        if (copy.owner() == signatures || copy.owner() == keyExchange) {
            return SoftwareAsymmetricKeys.keyPairOf(copy.keyPair()).encoded(encoding);
        }
        byte[] exported;
        try {
            exported = copy.keyPair().export(encoding);
        } catch (CryptoException e) {
            if (e.errno() == CryptoErrno.PROHIBITED_OPERATION) {
                throw foreignNotExtractable(copy.algorithm().specName());
            }
            throw e;
        }
        try {
            // Decoding checks the foreign bytes and normalises them to this backend's encoding.
            AsymmetricKeyParameter[] pair = scheme.decodeKeyPair(encoding, exported);
            return scheme.encodeKeyPair(pair[0], pair[1], encoding);
        } finally {
            Arrays.fill(exported, (byte) 0);
        }
    }

    private CryptoException foreignNotExtractable(String algorithm) {
        return new CryptoException(
                CryptoErrno.PROHIBITED_OPERATION,
                "the "
                        + algorithm
                        + " key belongs to another backend and is not extractable, so the"
                        + " software keystore of '"
                        + backendName
                        + "' cannot copy it");
    }

    /** A working copy of a stored symmetric key. */
    BackendKey symmetricKey(ManagedEntry entry, byte[] material) {
        SymmetricAlgorithm.parse(entry.algorithm());
        return new RawKey(material, extractable);
    }

    /** A working copy of a stored key pair. */
    BackendKeyPair keyPair(ManagedEntry entry, String encodingLabel, byte[] material) {
        AsymmetricAlgorithm algorithm =
                entry.kind() == ManagedKind.SIGNATURE_KEY_PAIR
                        ? SignatureAlgorithm.parse(entry.algorithm())
                        : KxAlgorithm.parse(entry.algorithm());
        KeyScheme scheme = scheme(algorithm);
        KeyPairEncoding encoding = KeyPairEncoding.valueOf(encodingLabel.toUpperCase(Locale.ROOT));
        return new SoftKeyPair(scheme, scheme.decodeKeyPair(encoding, material), extractable);
    }

    private static String encodingLabel(KeyPairEncoding encoding) {
        return encoding.name().toLowerCase(Locale.ROOT);
    }

    private static ManagedKind kindOf(AsymmetricAlgorithm algorithm) {
        return algorithm instanceof SignatureAlgorithm
                ? ManagedKind.SIGNATURE_KEY_PAIR
                : ManagedKind.KX_KEY_PAIR;
    }

    private KeyScheme scheme(AsymmetricAlgorithm algorithm) {
        SoftwareAsymmetricKeys family =
                algorithm instanceof SignatureAlgorithm ? signatures : keyExchange;
        if (!family.supports(algorithm)) {
            throw cannotKeep(algorithm.specName());
        }
        return family.scheme(algorithm);
    }

    private void requireKeyed(SymmetricAlgorithm algorithm) {
        if (!algorithm.needsKey()) {
            throw cannotKeep(algorithm.specName());
        }
    }

    private CryptoException cannotKeep(String algorithm) {
        return new CryptoException(
                CryptoErrno.UNSUPPORTED_ALGORITHM,
                "the software backend '" + backendName + "' cannot keep " + algorithm + " keys");
    }

    /** A mismatch here is a provider-core bug, not a guest error. */
    private static void requireEntry(ManagedEntry entry, ManagedKind kind, String algorithm) {
        if (entry.kind() != kind || !entry.algorithm().equals(algorithm)) {
            throw new IllegalArgumentException(
                    "entry "
                            + entry.kind().label()
                            + "/"
                            + entry.algorithm()
                            + " does not describe content "
                            + kind.label()
                            + "/"
                            + algorithm);
        }
    }
}
