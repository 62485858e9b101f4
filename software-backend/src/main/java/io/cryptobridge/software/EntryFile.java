package io.cryptobridge.software;

import io.cryptobridge.spi.ManagedEntry;
import io.cryptobridge.spi.ManagedKind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The bytes of one keystore version file. A live entry is a text header, a blank line, then
 * AES-256-GCM of the material under the keystore key with the whole header (blank line included) as
 * associated data, so no header field can change without the entry failing to open:
 *
 * <pre>
 * cryptobridge-entry 1
 * kind=signature-keypair
 * algorithm=Ed25519
 * namespace=payments
 * id=0123456789abcdef0123456789abcdef
 * version=1
 * created=1763700000          (UNIX seconds)
 * expiration=0
 * encoding=pkcs8              (raw, pkcs8 or sealed)
 * kek=1a2b3c4d5e6f7a8b        (check value of the key that encrypted it)
 *
 * nonce (12) ‖ ciphertext ‖ tag (16)
 * </pre>
 *
 * An invalidated version is replaced by a tombstone, a header without material ({@code
 * cryptobridge-tombstone 1}, namespace, id, version, invalidated), so the file name, and with it
 * the version number, stays taken.
 */
final class EntryFile {
    private static final String ENTRY_MAGIC = "cryptobridge-entry 1";
    private static final String TOMBSTONE_MAGIC = "cryptobridge-tombstone 1";
    private static final int MAX_HEADER = 4096;

    private EntryFile() {}

    /** A live entry as read from disk; its material still encrypted. */
    record Live(ManagedEntry entry, String encoding, byte[] header, byte[] kekId, byte[] sealed) {

        /**
         * The decrypted material; the caller wipes it.
         *
         * @throws io.cryptobridge.CryptoException verification_failed if the file was altered or
         *     written under another keystore key
         */
        byte[] open(KeystoreKek kek, Path file) {
            if (!MessageDigest.isEqual(kekId, kek.id())) {
                throw KeystoreKek.verificationFailed(
                        "keystore entry " + file + " was written under another keystore key");
            }
            return kek.decrypt(sealed, header, "keystore entry " + file);
        }

        @Override
        public String toString() {
            return "EntryFile.Live[" + entry + ", " + encoding + "]";
        }
    }

    /** The file for {@code entry} holding {@code material} in {@code encoding}. */
    static byte[] live(ManagedEntry entry, String encoding, KeystoreKek kek, byte[] material) {
        String text =
                ENTRY_MAGIC
                        + "\nkind="
                        + entry.kind().label()
                        + "\nalgorithm="
                        + entry.algorithm()
                        + "\nnamespace="
                        + entry.namespace()
                        + "\nid="
                        + entry.id()
                        + "\nversion="
                        + Long.toUnsignedString(entry.version())
                        + "\ncreated="
                        + entry.created().getEpochSecond()
                        + "\nexpiration="
                        + entry.expiration()
                        + "\nencoding="
                        + encoding
                        + "\nkek="
                        + HexFormat.of().formatHex(kek.id())
                        + "\n\n";
        byte[] header = text.getBytes(StandardCharsets.UTF_8);
        byte[] sealed = kek.encrypt(material, header);
        byte[] file = Arrays.copyOf(header, header.length + sealed.length);
        System.arraycopy(sealed, 0, file, header.length, sealed.length);
        return file;
    }

    /** The tombstone that replaces {@code entry}'s file. */
    static byte[] tombstone(ManagedEntry entry, Instant invalidated) {
        return (TOMBSTONE_MAGIC
                        + "\nnamespace="
                        + entry.namespace()
                        + "\nid="
                        + entry.id()
                        + "\nversion="
                        + Long.toUnsignedString(entry.version())
                        + "\ninvalidated="
                        + invalidated.getEpochSecond()
                        + "\n\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Whether {@code bytes} are a tombstone (an invalidated version). */
    static boolean isTombstone(byte[] bytes) {
        byte[] magic = (TOMBSTONE_MAGIC + "\n").getBytes(StandardCharsets.US_ASCII);
        return bytes.length >= magic.length
                && Arrays.equals(bytes, 0, magic.length, magic, 0, magic.length);
    }

    /**
     * The live entry in {@code bytes}, or empty for a tombstone. The header is only parsed here;
     * {@link Live#open} authenticates it.
     *
     * @throws io.cryptobridge.CryptoException verification_failed for anything that is neither
     */
    static Optional<Live> parse(byte[] bytes, Path file) {
        int end = headerEnd(bytes);
        if (end < 0) {
            throw damaged(file, "no header");
        }
        String[] lines = new String(bytes, 0, end - 2, StandardCharsets.UTF_8).split("\n", -1);
        if (lines[0].equals(TOMBSTONE_MAGIC)) {
            return Optional.empty();
        }
        if (!lines[0].equals(ENTRY_MAGIC)) {
            throw damaged(file, "unknown format");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int eq = lines[i].indexOf('=');
            if (eq <= 0
                    || fields.put(lines[i].substring(0, eq), lines[i].substring(eq + 1)) != null) {
                throw damaged(file, "malformed header line " + (i + 1));
            }
        }
        try {
            ManagedEntry entry =
                    new ManagedEntry(
                            required(fields, "namespace"),
                            required(fields, "id"),
                            Long.parseUnsignedLong(required(fields, "version")),
                            ManagedKind.fromLabel(required(fields, "kind")),
                            required(fields, "algorithm"),
                            Instant.ofEpochSecond(Long.parseLong(required(fields, "created"))),
                            Long.parseLong(required(fields, "expiration")));
            return Optional.of(
                    new Live(
                            entry,
                            required(fields, "encoding"),
                            Arrays.copyOf(bytes, end),
                            HexFormat.of().parseHex(required(fields, "kek")),
                            Arrays.copyOfRange(bytes, end, bytes.length)));
        } catch (IllegalArgumentException e) {
            throw damaged(file, e.getMessage());
        }
    }

    /** The index just past the blank line that ends the header, or -1. */
    private static int headerEnd(byte[] bytes) {
        int limit = Math.min(bytes.length, MAX_HEADER);
        for (int i = 1; i < limit; i++) {
            if (bytes[i] == '\n' && bytes[i - 1] == '\n') {
                return i + 1;
            }
        }
        return -1;
    }

    private static String required(Map<String, String> fields, String name) {
        String value = fields.get(name);
        if (value == null) {
            throw new IllegalArgumentException("no " + name);
        }
        return value;
    }

    private static io.cryptobridge.CryptoException damaged(Path file, String why) {
        return KeystoreKek.verificationFailed("keystore entry " + file + " is damaged: " + why);
    }
}
