package io.cryptobridge.symmetric;

import io.cryptobridge.CryptoErrno;
import io.cryptobridge.CryptoException;
import java.util.Locale;

/**
 * The immutable spec of every symmetric algorithm cryptobridge knows: its family, the hash it is
 * built on, and its key, nonce, tag and output sizes. Names are parsed once, case-insensitively.
 */
public enum SymmetricAlgorithm {
    SHA_256("SHA-256", Kind.HASH, "SHA-256", 32, 0, 0, 0),
    SHA_384("SHA-384", Kind.HASH, "SHA-384", 48, 0, 0, 0),
    SHA_512("SHA-512", Kind.HASH, "SHA-512", 64, 0, 0, 0),
    SHA_512_256("SHA-512/256", Kind.HASH, "SHA-512/256", 32, 0, 0, 0),
    HMAC_SHA_256("HMAC/SHA-256", Kind.MAC, "SHA-256", 32, 32, 0, 32),
    HMAC_SHA_512("HMAC/SHA-512", Kind.MAC, "SHA-512", 64, 64, 0, 64),
    HKDF_EXTRACT_SHA_256("HKDF-EXTRACT/SHA-256", Kind.HKDF_EXTRACT, "SHA-256", 32, 32, 0, 0),
    HKDF_EXTRACT_SHA_512("HKDF-EXTRACT/SHA-512", Kind.HKDF_EXTRACT, "SHA-512", 64, 64, 0, 0),
    HKDF_EXPAND_SHA_256("HKDF-EXPAND/SHA-256", Kind.HKDF_EXPAND, "SHA-256", 32, 32, 0, 0),
    HKDF_EXPAND_SHA_512("HKDF-EXPAND/SHA-512", Kind.HKDF_EXPAND, "SHA-512", 64, 64, 0, 0),
    AES_128_GCM("AES-128-GCM", Kind.AEAD, null, 0, 16, 12, 16),
    AES_256_GCM("AES-256-GCM", Kind.AEAD, null, 0, 32, 12, 16),
    CHACHA20_POLY1305("CHACHA20-POLY1305", Kind.AEAD, null, 0, 32, 12, 16),
    XCHACHA20_POLY1305("XCHACHA20-POLY1305", Kind.AEAD, null, 0, 32, 24, 16);

    /** The algorithm families, which decide the operations a state supports. */
    public enum Kind {
        HASH,
        MAC,
        HKDF_EXTRACT,
        HKDF_EXPAND,
        AEAD
    }

    /** HKDF-EXPAND may produce at most 255 blocks of the hash output. */
    private static final int HKDF_MAX_BLOCKS = 255;

    private final String specName;
    private final Kind kind;
    private final String hashName;
    private final int hashLength;
    private final int keyLength;
    private final int nonceLength;
    private final int tagLength;

    SymmetricAlgorithm(
            String specName,
            Kind kind,
            String hashName,
            int hashLength,
            int keyLength,
            int nonceLength,
            int tagLength) {
        this.specName = specName;
        this.kind = kind;
        this.hashName = hashName;
        this.hashLength = hashLength;
        this.keyLength = keyLength;
        this.nonceLength = nonceLength;
        this.tagLength = tagLength;
    }

    /** Parses a wasi-crypto name case-insensitively; unknown names are unsupported_algorithm. */
    public static SymmetricAlgorithm parse(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        for (SymmetricAlgorithm a : values()) {
            if (a.specName.equals(upper)) {
                return a;
            }
        }
        throw new CryptoException(
                CryptoErrno.UNSUPPORTED_ALGORITHM, "unknown symmetric algorithm: " + name);
    }

    public String specName() {
        return specName;
    }

    public Kind kind() {
        return kind;
    }

    /** The JCA name of the underlying hash (e.g. {@code SHA-256}); null for AEADs. */
    public String hashName() {
        return hashName;
    }

    /** Output length of the hash this algorithm is built on (digest, HMAC tag, PRK). */
    public int hashLength() {
        return hashLength;
    }

    /** Length of a generated key, 0 when the algorithm takes no key. */
    public int keyLength() {
        return keyLength;
    }

    public int nonceLength() {
        return nonceLength;
    }

    /** The AEAD or MAC tag length; 0 for the others. */
    public int tagLength() {
        return tagLength;
    }

    public boolean needsKey() {
        return kind != Kind.HASH;
    }

    /** The largest output one HKDF-EXPAND squeeze may ask for. */
    public int maxExpandLength() {
        return HKDF_MAX_BLOCKS * hashLength;
    }

    /**
     * Whether a raw key of this length is acceptable: AEAD keys must be exact, HMAC keys and HKDF
     * input keying material may have any non-empty length, an HKDF PRK is at least one hash long
     * (RFC 5869).
     */
    public boolean acceptsKeyLength(int length) {
        switch (kind) {
            case AEAD:
                return length == keyLength;
            case MAC:
            case HKDF_EXTRACT:
                return length > 0;
            case HKDF_EXPAND:
                return length >= hashLength;
            default:
                return false;
        }
    }

    /** For HKDF-EXTRACT, the HKDF-EXPAND algorithm its PRK is a key for. */
    public SymmetricAlgorithm expandAlgorithm() {
        switch (this) {
            case HKDF_EXTRACT_SHA_256:
                return HKDF_EXPAND_SHA_256;
            case HKDF_EXTRACT_SHA_512:
                return HKDF_EXPAND_SHA_512;
            default:
                throw new CryptoException(
                        CryptoErrno.INVALID_OPERATION, specName + " does not derive keys");
        }
    }

    @Override
    public String toString() {
        return specName;
    }
}
