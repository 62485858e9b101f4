package io.cryptobridge.abi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.dylibso.chicory.runtime.ByteArrayMemory;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import io.cryptobridge.CryptoErrno;
import io.cryptobridge.CryptoException;
import org.junit.jupiter.api.Test;

class GuestMemoryTest {
    private final Memory raw = new ByteArrayMemory(new MemoryLimits(1, 1));
    private final GuestMemory memory = new GuestMemory(raw);

    private static CryptoErrno errnoOf(Runnable r) {
        return assertThrows(CryptoException.class, r::run).errno();
    }

    @Test
    void read_lastBytesOfMemory_succeeds() {
        raw.write(Memory.PAGE_SIZE - 2, new byte[] {7, 8});
        assertArrayEquals(new byte[] {7, 8}, memory.read(Memory.PAGE_SIZE - 2, 2));
    }

    @Test
    void read_pastEnd_failsGuestError() {
        assertEquals(CryptoErrno.GUEST_ERROR, errnoOf(() -> memory.read(Memory.PAGE_SIZE - 1, 2)));
    }

    @Test
    void read_hugeLengthOrNegativePointer_failsGuestError() {
        assertEquals(CryptoErrno.GUEST_ERROR, errnoOf(() -> memory.read(0, 0xFFFFFFFF)));
        assertEquals(CryptoErrno.GUEST_ERROR, errnoOf(() -> memory.read(0xFFFFFFF0, 4)));
    }

    @Test
    void out32_pastEnd_failsBeforeAnythingIsWritten() {
        assertEquals(CryptoErrno.GUEST_ERROR, errnoOf(() -> memory.out32(Memory.PAGE_SIZE - 3)));
    }

    @Test
    void out32AndOut64_writeLittleEndianUnaligned() {
        memory.out32(1).set(0x04030201);
        memory.out64(9).set(0x0807060504030201L);
        assertArrayEquals(new byte[] {1, 2, 3, 4}, raw.readBytes(1, 4));
        assertArrayEquals(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}, raw.readBytes(9, 8));
    }

    @Test
    void readOptionalHandle_decodesTagZeroAsSomeAndOneAsNone() {
        raw.write(0, new byte[] {0, 0, 0, 0, 0x2a, 0, 0, 9});
        raw.write(8, new byte[] {1, 0, 0, 0, 0x2a, 0, 0, 9});
        raw.write(16, new byte[] {2, 0, 0, 0, 0, 0, 0, 0});
        assertEquals(0x0900002a, memory.readOptionalHandle(0));
        assertNull(memory.readOptionalHandle(8));
        assertEquals(CryptoErrno.GUEST_ERROR, errnoOf(() -> memory.readOptionalHandle(16)));
    }

    @Test
    void read_moduleWithoutMemory_failsGuestError() {
        assertEquals(CryptoErrno.GUEST_ERROR, errnoOf(() -> new GuestMemory(null).read(0, 0)));
    }
}
