package io.cryptobridge.abi;

import io.cryptobridge.CryptoErrno;
import io.cryptobridge.CryptoException;
import io.cryptobridge.spi.ManagedEntry;
import java.nio.charset.StandardCharsets;

/**
 * Writing managed ids into guest buffers. Ids are always {@link ManagedEntry#ID_LENGTH} bytes, so a
 * guest that calls {@code *_store_managed} (which returns no length) knows how many were written.
 */
final class ManagedIds {
    private ManagedIds() {}

    /**
     * Checks that the buffer lies in guest memory (guest_error) and holds an id (overflow); call it
     * before anything is stored, so a short buffer leaves nothing behind.
     */
    static void requireRoom(GuestMemory m, int pointer, int maxLength) {
        m.check(pointer, maxLength);
        if (Integer.compareUnsigned(maxLength, ManagedEntry.ID_LENGTH) < 0) {
            throw new CryptoException(
                    CryptoErrno.OVERFLOW,
                    "managed ids are " + ManagedEntry.ID_LENGTH + " bytes; the buffer is smaller");
        }
    }

    /** Writes {@code entry}'s id, its size and its version. */
    static void write(
            GuestMemory m,
            int pointer,
            int maxLength,
            GuestMemory.Out32 size,
            GuestMemory.Out64 version,
            ManagedEntry entry) {
        requireRoom(m, pointer, maxLength);
        m.write(pointer, entry.id().getBytes(StandardCharsets.US_ASCII));
        size.set(ManagedEntry.ID_LENGTH);
        version.set(entry.version());
    }
}
