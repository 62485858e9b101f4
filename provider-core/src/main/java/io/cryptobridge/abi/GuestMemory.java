package io.cryptobridge.abi;

import com.dylibso.chicory.runtime.Memory;
import io.cryptobridge.CryptoErrno;
import io.cryptobridge.CryptoException;
import java.nio.charset.StandardCharsets;

/**
 * Bounds-checked access to a guest's linear memory. Every (pointer, length) is checked before
 * anything is read or written; a range outside memory is {@code guest_error}. Output pointers are
 * claimed before the operation runs ({@link #out32}, {@link #out64}), so a bad pointer never leaves
 * half-done work behind.
 */
public final class GuestMemory {
    /** The size of the {@code opt_options}/{@code opt_symmetric_key} struct. */
    private static final int OPTIONAL_HANDLE_SIZE = 8;

    private static final int TAG_SOME = 0;
    private static final int TAG_NONE = 1;

    private final Memory memory;

    /** Wraps a guest's memory; null (a module without memory) fails on first access. */
    public GuestMemory(Memory memory) {
        this.memory = memory;
    }

    private Memory memory() {
        if (memory == null) {
            throw new CryptoException(CryptoErrno.GUEST_ERROR, "the guest exports no memory");
        }
        return memory;
    }

    /** Fails with guest_error unless [pointer, pointer+length) lies inside memory. */
    public void check(int pointer, int length) {
        if (length < 0) {
            throw new CryptoException(
                    CryptoErrno.GUEST_ERROR,
                    "guest length " + Integer.toUnsignedLong(length) + " is too large");
        }
        long start = Integer.toUnsignedLong(pointer);
        long end = start + Integer.toUnsignedLong(length);
        long size = (long) memory().pages() * Memory.PAGE_SIZE;
        if (end > size) {
            throw new CryptoException(
                    CryptoErrno.GUEST_ERROR,
                    "guest range "
                            + start
                            + "+"
                            + Integer.toUnsignedLong(length)
                            + " is outside its "
                            + size
                            + "-byte memory");
        }
    }

    public byte[] read(int pointer, int length) {
        check(pointer, length);
        return memory().readBytes(pointer, length);
    }

    /** A UTF-8 string such as an algorithm or option name. */
    public String readString(int pointer, int length) {
        return new String(read(pointer, length), StandardCharsets.UTF_8);
    }

    public void write(int pointer, byte[] data) {
        check(pointer, data.length);
        memory().write(pointer, data);
    }

    public void zero(int pointer, int length) {
        check(pointer, length);
        memory().fill((byte) 0, pointer, pointer + length);
    }

    /**
     * Reads an {@code opt_options}/{@code opt_symmetric_key}: byte 0 is the tag (0 = some, 1 =
     * none), bytes 4..7 the handle. Returns null for none.
     */
    public Integer readOptionalHandle(int pointer) {
        check(pointer, OPTIONAL_HANDLE_SIZE);
        int tag = memory().read(pointer) & 0xff;
        if (tag == TAG_NONE) {
            return null;
        }
        if (tag != TAG_SOME) {
            throw new CryptoException(CryptoErrno.GUEST_ERROR, "bad optional tag " + tag);
        }
        return memory().readInt(pointer + 4);
    }

    /** Claims a 4-byte output slot (a handle or a size). */
    public Out32 out32(int pointer) {
        check(pointer, 4);
        return value -> memory().writeI32(pointer, value);
    }

    /** Claims an 8-byte output slot (a version or u64). */
    public Out64 out64(int pointer) {
        check(pointer, 8);
        return value -> memory().writeLong(pointer, value);
    }

    /** A checked 4-byte output slot, written little-endian. */
    @FunctionalInterface
    public interface Out32 {
        void set(int value);
    }

    /** A checked 8-byte output slot, written little-endian. */
    @FunctionalInterface
    public interface Out64 {
        void set(long value);
    }
}
