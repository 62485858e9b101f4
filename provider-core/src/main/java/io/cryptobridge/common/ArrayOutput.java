package io.cryptobridge.common;

/**
 * An {@code array_output}: bytes the guest pulls, possibly in several calls. The ABI layer closes
 * the handle once every byte was pulled.
 */
public final class ArrayOutput {
    private final byte[] data;
    private int position;

    public ArrayOutput(byte[] data) {
        this.data = data;
    }

    public int length() {
        return data.length;
    }

    public int remaining() {
        return data.length - position;
    }

    /** Takes the next {@code min(max, remaining)} bytes. */
    public byte[] pull(int max) {
        int n = Math.min(max, remaining());
        byte[] chunk = java.util.Arrays.copyOfRange(data, position, position + n);
        position += n;
        return chunk;
    }

    public boolean exhausted() {
        return position == data.length;
    }

    @Override
    public String toString() {
        return "ArrayOutput[" + data.length + " bytes]";
    }
}
