package io.cryptobridge.secrets;

import io.cryptobridge.CryptoErrno;
import io.cryptobridge.CryptoException;
import io.cryptobridge.spi.ManagedContent;
import io.cryptobridge.spi.ManagedEntry;
import io.cryptobridge.spi.ManagedKind;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The {@code external_secrets} module for one namespace: opaque secrets with a mandatory expiry,
 * kept sealed in the store or handed to the guest sealed ({@code encapsulate}). Sealing is AES-GCM
 * under the store's key-encryption key, which never reaches a guest; the expiry and the namespace
 * (and for stored secrets the id and version) are bound as associated data, so none of them can be
 * changed or moved without {@code verification_failed}.
 *
 * <p>Envelope of {@code encapsulate}: {@code "CBS1" ‖ expiration (u64, big-endian) ‖
 * store.seal(secret)}.
 */
public final class ExternalSecrets {
    /** The largest secret accepted; larger ones are {@code overflow}. */
    public static final int MAX_SECRET_LENGTH = 64 * 1024;

    private static final byte[] MAGIC = "CBS1".getBytes(StandardCharsets.US_ASCII);
    private static final int HEADER_LENGTH = MAGIC.length + Long.BYTES;
    private static final List<ManagedKind> SECRETS = List.of(ManagedKind.EXTERNAL_SECRET);

    private final NamespaceStore entries;

    ExternalSecrets(NamespaceStore entries) {
        this.entries = entries;
    }

    /** Stores a secret as version 1 of a new id and returns the id. */
    public String store(byte[] secret, long expiration) {
        requireStorable(secret, expiration);
        return entries.createNew(
                        ManagedKind.EXTERNAL_SECRET,
                        ManagedEntry.SECRET_ALGORITHM,
                        expiration,
                        entry -> sealed(entry, secret))
                .id();
    }

    /** Stores a secret as the next version of a live secret's id; returns the version. */
    public long replace(byte[] id, byte[] secret, long expiration) {
        requireStorable(secret, expiration);
        ManagedEntry current = entries.resolve(id, VersionSelector.LATEST_VERSION, SECRETS);
        return entries.createNext(
                        ManagedKind.EXTERNAL_SECRET,
                        current.id(),
                        ManagedEntry.SECRET_ALGORITHM,
                        expiration,
                        entry -> sealed(entry, secret))
                .version();
    }

    /** The secret stored under (id, version): not_found, verification_failed or expired. */
    public byte[] fromId(byte[] id, VersionSelector version) {
        ManagedEntry entry = entries.resolve(id, version, SECRETS);
        byte[] secret =
                entries.store().unseal(entries.store().loadSecret(entry), storedData(entry));
        requireUnexpired(entry.expiration());
        return secret;
    }

    public void invalidate(byte[] id, VersionSelector version) {
        entries.invalidate(id, version, SECRETS);
    }

    /** Seals a secret for the guest to keep; only this host (this store's KEK) can open it. */
    public byte[] encapsulate(byte[] secret, long expiration) {
        requireStorable(secret, expiration);
        byte[] header = header(expiration);
        byte[] sealed = entries.store().seal(secret, envelopeData(header));
        ByteArrayOutputStream out = new ByteArrayOutputStream(header.length + sealed.length);
        out.writeBytes(header);
        out.writeBytes(sealed);
        return out.toByteArray();
    }

    /** Opens what {@link #encapsulate} returned: verification_failed or expired. */
    public byte[] decapsulate(byte[] envelope) {
        if (envelope.length < HEADER_LENGTH
                || !Arrays.equals(MAGIC, Arrays.copyOf(envelope, MAGIC.length))) {
            throw new CryptoException(
                    CryptoErrno.VERIFICATION_FAILED, "not an encapsulated secret of this host");
        }
        byte[] header = Arrays.copyOf(envelope, HEADER_LENGTH);
        byte[] sealed = Arrays.copyOfRange(envelope, HEADER_LENGTH, envelope.length);
        byte[] secret = entries.store().unseal(sealed, envelopeData(header));
        requireUnexpired(ByteBuffer.wrap(header, MAGIC.length, Long.BYTES).getLong());
        return secret;
    }

    private ManagedContent sealed(ManagedEntry entry, byte[] secret) {
        return new ManagedContent.SealedSecret(entries.store().seal(secret, storedData(entry)));
    }

    /** Associated data of a stored secret: header, namespace, id and version. */
    private static byte[] storedData(ManagedEntry entry) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(header(entry.expiration()));
        writeField(out, entry.namespace());
        writeField(out, entry.id());
        out.writeBytes(ByteBuffer.allocate(Long.BYTES).putLong(entry.version()).array());
        return out.toByteArray();
    }

    /** Associated data of an envelope: its header and the namespace. */
    private byte[] envelopeData(byte[] header) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(header);
        writeField(out, entries.namespace());
        return out.toByteArray();
    }

    private static byte[] header(long expiration) {
        return ByteBuffer.allocate(HEADER_LENGTH).put(MAGIC).putLong(expiration).array();
    }

    /** A length-prefixed field, so that no two field lists encode alike. */
    private static void writeField(ByteArrayOutputStream out, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.write(bytes.length);
        out.writeBytes(bytes);
    }

    private void requireStorable(byte[] secret, long expiration) {
        if (secret.length > MAX_SECRET_LENGTH) {
            throw new CryptoException(
                    CryptoErrno.OVERFLOW, "secrets are limited to " + MAX_SECRET_LENGTH + " bytes");
        }
        if (Long.compareUnsigned(expiration, now()) <= 0) {
            throw new CryptoException(CryptoErrno.EXPIRED, "the expiration is not in the future");
        }
    }

    private void requireUnexpired(long expiration) {
        if (Long.compareUnsigned(now(), expiration) > 0) {
            throw new CryptoException(CryptoErrno.EXPIRED, "the secret has expired");
        }
    }

    private long now() {
        return entries.clock().instant().getEpochSecond();
    }
}
