package io.cryptobridge.pkcs11;

import io.cryptobridge.spi.ManagedEntry;
import io.cryptobridge.spi.ManagedKind;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * The {@code CKA_VALUE} of an entry's record (a data object): what a {@link ManagedEntry} says
 * besides its name, plus what loading needs and the token keeps nowhere else. Written once, when
 * the record is claimed; never key material.
 *
 * @param exportLength and {@code prehashed}: the {@link TokenKey.KeyShape} of an HMAC key
 * @param publicKey a key pair's public key (SubjectPublicKeyInfo DER), else empty
 * @param sealed an external secret as {@link io.cryptobridge.spi.SecretStore#seal} gave it, else
 *     empty (the KEK protects it; the record is also private and only readable after login)
 */
record EntryRecord(
        ManagedKind kind,
        String algorithm,
        long createdSeconds,
        long expiration,
        int exportLength,
        boolean prehashed,
        byte[] publicKey,
        byte[] sealed) {

    private static final int MAGIC = 0x43425231; // "CBR1"
    private static final byte[] NONE = {};

    static EntryRecord of(ManagedEntry entry, TokenKey.KeyShape shape, byte[] publicKey) {
        return new EntryRecord(
                entry.kind(),
                entry.algorithm(),
                entry.created().getEpochSecond(),
                entry.expiration(),
                shape.exportLength(),
                shape.prehashed(),
                publicKey,
                NONE);
    }

    static EntryRecord secret(ManagedEntry entry, byte[] sealed) {
        return new EntryRecord(
                entry.kind(),
                entry.algorithm(),
                entry.created().getEpochSecond(),
                entry.expiration(),
                -1,
                false,
                NONE,
                sealed.clone());
    }

    /** The same metadata without public key or sealed bytes: the value of a tombstone. */
    EntryRecord tombstone() {
        return new EntryRecord(
                kind, algorithm, createdSeconds, expiration, exportLength, prehashed, NONE, NONE);
    }

    ManagedEntry entry(ManagedName name) {
        return new ManagedEntry(
                name.namespace(),
                name.id(),
                name.version(),
                kind,
                algorithm,
                Instant.ofEpochSecond(createdSeconds),
                expiration);
    }

    TokenKey.KeyShape shape() {
        return exportLength < 0 && !prehashed
                ? TokenKey.KeyShape.AS_IS
                : new TokenKey.KeyShape(exportLength, prehashed);
    }

    byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeUTF(kind.label());
            out.writeUTF(algorithm);
            out.writeLong(createdSeconds);
            out.writeLong(expiration);
            out.writeInt(exportLength);
            out.writeBoolean(prehashed);
            out.writeInt(publicKey.length);
            out.write(publicKey);
            out.writeInt(sealed.length);
            out.write(sealed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** IllegalArgumentException for bytes this store did not write. */
    static EntryRecord decode(byte[] value) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(value))) {
            if (in.readInt() != MAGIC) {
                throw new IllegalArgumentException("not a cryptobridge record");
            }
            ManagedKind kind = ManagedKind.fromLabel(in.readUTF());
            String algorithm = in.readUTF();
            long created = in.readLong();
            long expiration = in.readLong();
            int exportLength = in.readInt();
            boolean prehashed = in.readBoolean();
            byte[] publicKey = in.readNBytes(length(in, value.length));
            byte[] sealed = in.readNBytes(length(in, value.length));
            return new EntryRecord(
                    kind,
                    algorithm,
                    created,
                    expiration,
                    exportLength,
                    prehashed,
                    publicKey,
                    sealed);
        } catch (IOException e) {
            throw new IllegalArgumentException("truncated cryptobridge record", e);
        }
    }

    private static int length(DataInputStream in, int limit) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > limit) {
            throw new IllegalArgumentException("corrupt cryptobridge record");
        }
        return length;
    }

    @Override
    public String toString() {
        return "EntryRecord[" + kind.label() + ", " + algorithm + "]";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EntryRecord r && java.util.Arrays.equals(encode(), r.encode());
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(encode());
    }
}
