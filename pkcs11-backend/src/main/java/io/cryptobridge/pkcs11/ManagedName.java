package io.cryptobridge.pkcs11;

import io.cryptobridge.spi.ManagedEntry;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where one version of one managed entry lives on the token, spelled so that an operator reads it
 * in {@code pkcs11-tool --list-objects}: key objects carry {@code CKA_ID} = the 16 id bytes ‖ the
 * version (8 bytes, big-endian) and {@code CKA_LABEL} = {@code cryptobridge/<ns>/<id>/v<version>};
 * the entry's record (a data object) carries {@code CKA_APPLICATION} = {@code
 * cryptobridge/<ns>/<id>} and a label that also says its {@link RecordState}.
 */
record ManagedName(String namespace, String id, long version) {
    /** Every label and application of this store starts with it. */
    static final String PREFIX = "cryptobridge/";

    private static final Pattern RECORD_LABEL =
            Pattern.compile(
                    "cryptobridge/([A-Za-z0-9._-]{1,64})/([0-9a-f]{32})/v([0-9]{1,20})"
                            + "(/pending|/invalidated)?");

    static ManagedName of(ManagedEntry entry) {
        return new ManagedName(entry.namespace(), entry.id(), entry.version());
    }

    /** {@code CKA_ID} of the key objects: the raw id ‖ the version, big-endian. */
    byte[] objectId() {
        return ByteBuffer.allocate(24).put(HexFormat.of().parseHex(id)).putLong(version).array();
    }

    /** {@code CKA_LABEL} of the key objects. */
    String keyLabel() {
        return PREFIX + namespace + "/" + id + "/v" + Long.toUnsignedString(version);
    }

    /** {@code CKA_LABEL} of the record in {@code state}. */
    String recordLabel(RecordState state) {
        return keyLabel() + state.suffix();
    }

    /** {@code CKA_APPLICATION} of every record of this id, whatever the version. */
    String application() {
        return application(namespace, id);
    }

    static String application(String namespace, String id) {
        return PREFIX + namespace + "/" + id;
    }

    /** A record's label read back from the token; empty if it is none of this store's. */
    static Optional<Labelled> parseRecordLabel(String label) {
        Matcher m = RECORD_LABEL.matcher(label);
        if (!m.matches()) {
            return Optional.empty();
        }
        long version;
        try {
            version = Long.parseUnsignedLong(m.group(3));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.of(
                new Labelled(
                        new ManagedName(m.group(1), m.group(2), version),
                        RecordState.fromSuffix(m.group(4) == null ? "" : m.group(4))));
    }

    /** Text attributes as the wrapper takes them (our labels are ASCII). */
    static char[] chars(String text) {
        return text.toCharArray();
    }

    /** A text attribute as the wrapper returns it (char[] for labels, byte[] on some paths). */
    static String text(Object value) {
        if (value instanceof char[] chars) {
            return new String(chars);
        }
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return "";
    }

    /** A record's name and state, from its label. */
    record Labelled(ManagedName name, RecordState state) {}
}
