package io.cryptobridge.pkcs11;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cryptobridge.spi.ManagedEntry;
import io.cryptobridge.spi.ManagedKind;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How managed entries are spelled on the token, without a token. */
class ManagedNameTest {
    private static final String ID = "00112233445566778899aabbccddeeff";

    @Test
    void objectId_idBytesThenBigEndianVersion() {
        assertArrayEquals(
                HexFormat.of().parseHex(ID + "0000000000000102"),
                new ManagedName("ns", ID, 0x102).objectId());
    }

    @Test
    void labels_readableAndParsedBackWithState() {
        ManagedName name = new ManagedName("team.a-1", ID, 7);

        assertEquals("cryptobridge/team.a-1/" + ID + "/v7", name.keyLabel());
        assertEquals("cryptobridge/team.a-1/" + ID, name.application());
        for (RecordState state : RecordState.values()) {
            assertEquals(
                    Optional.of(new ManagedName.Labelled(name, state)),
                    ManagedName.parseRecordLabel(name.recordLabel(state)));
        }
        assertEquals(
                "cryptobridge/team.a-1/" + ID + "/v7/pending",
                name.recordLabel(RecordState.PENDING));
    }

    @Test
    void parseRecordLabel_foreignOrMalformed_empty() {
        assertFalse(ManagedName.parseRecordLabel("cryptobridge/kek/v1").isPresent());
        assertFalse(ManagedName.parseRecordLabel("my key").isPresent());
        assertFalse(
                ManagedName.parseRecordLabel("cryptobridge/ns/" + ID + "/v1/deleted").isPresent());
        assertFalse(
                ManagedName.parseRecordLabel("cryptobridge/ns/" + ID + "/v99999999999999999999")
                        .isPresent());
    }

    @Test
    void largestVersion_printedUnsigned() {
        ManagedName name = new ManagedName("ns", ID, ManagedEntry.MAX_VERSION);

        assertEquals("cryptobridge/ns/" + ID + "/v18374686479671623679", name.keyLabel());
        assertEquals(
                ManagedEntry.MAX_VERSION,
                ManagedName.parseRecordLabel(name.recordLabel(RecordState.LIVE))
                        .orElseThrow()
                        .name()
                        .version());
    }

    @Test
    void entryRecord_roundTripAndTombstoneDropsSealedBytes() {
        ManagedEntry entry =
                new ManagedEntry(
                        "ns",
                        ID,
                        3,
                        ManagedKind.EXTERNAL_SECRET,
                        ManagedEntry.SECRET_ALGORITHM,
                        Instant.ofEpochSecond(1_700_000_000L),
                        1_800_000_000L);
        EntryRecord record = EntryRecord.secret(entry, new byte[] {1, 2, 3});

        EntryRecord decoded = EntryRecord.decode(record.encode());

        assertEquals(record, decoded);
        assertEquals(entry, decoded.entry(new ManagedName("ns", ID, 3)));
        assertEquals(0, decoded.tombstone().sealed().length);
        assertFalse(decoded.toString().contains("1, 2, 3"));
        assertThrows(IllegalArgumentException.class, () -> EntryRecord.decode(new byte[] {1, 2}));
    }
}
