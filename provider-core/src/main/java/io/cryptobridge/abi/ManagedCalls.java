package io.cryptobridge.abi;

import io.cryptobridge.CryptoErrno;
import io.cryptobridge.CryptoException;
import io.cryptobridge.handles.Handles;
import io.cryptobridge.secrets.SecretsManager;
import io.cryptobridge.secrets.SecretsService;
import io.cryptobridge.spi.ManagedEntry;
import java.nio.charset.StandardCharsets;

/**
 * What the managed-key and external-secret functions share: the manager behind a handle, and
 * managed ids in guest buffers. Ids are always {@link ManagedEntry#ID_LENGTH} bytes, so a guest
 * that calls {@code *_store_managed} (which returns no length) knows how many were written.
 */
final class ManagedCalls {
    private ManagedCalls() {}

    /** The manager behind a handle; unsupported_feature first on a host without one. */
    static SecretsManager manager(Handles h, SecretsService secrets, int handle) {
        secrets.requireAvailable();
        return h.secretsManagers.get(handle);
    }

    /** {@code *_replace_managed} needs two keys: the same handle twice is invalid_handle. */
    static void requireDistinct(int oldHandle, int newHandle) {
        if (oldHandle == newHandle) {
            throw new CryptoException(
                    CryptoErrno.INVALID_HANDLE, "a key cannot replace itself; pass a new key");
        }
    }

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
