package io.cryptobridge.software;

import java.util.Arrays;

/** A growing message for two-pass schemes (EdDSA); provider-core caps its size. */
final class MessageBuffer {
    private byte[] data = new byte[256];
    private int size;

    void append(byte[] input, int offset, int length) {
        if (data.length - size < length) {
            long wanted = Math.max((long) size + length, 2L * data.length);
            data = Arrays.copyOf(data, (int) Math.min(wanted, Integer.MAX_VALUE - 8));
        }
        System.arraycopy(input, offset, data, size, length);
        size += length;
    }

    byte[] data() {
        return data;
    }

    int size() {
        return size;
    }
}
