package io.cryptobridge.signatures;

import io.cryptobridge.CryptoErrno;
import io.cryptobridge.CryptoException;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * Strict DER for ECDSA signatures: exactly {@code SEQUENCE { INTEGER r, INTEGER s }} with definite
 * minimal lengths, positive minimally encoded integers that fit the curve's scalar length, and no
 * byte before, between or after. Anything else is {@code invalid_signature}. Written by hand
 * because library decoders tolerate BER forms and trailing data.
 */
public final class DerSignature {
    private static final int SEQUENCE = 0x30;
    private static final int INTEGER = 0x02;

    private DerSignature() {}

    /** Converts DER to raw {@code r‖s}, each {@code scalarLength} bytes big-endian. */
    public static byte[] toRaw(byte[] der, int scalarLength) {
        Reader reader = new Reader(der);
        reader.expectTag(SEQUENCE);
        int sequenceLength = reader.readLength();
        if (sequenceLength != reader.remaining()) {
            throw invalid("sequence length does not match the input");
        }
        byte[] raw = new byte[2 * scalarLength];
        reader.readPositiveInteger(raw, 0, scalarLength);
        reader.readPositiveInteger(raw, scalarLength, scalarLength);
        if (reader.remaining() != 0) {
            throw invalid("bytes after the second integer");
        }
        return raw;
    }

    /** Converts raw {@code r‖s} (two halves of equal length) to DER. */
    public static byte[] fromRaw(byte[] raw) {
        int half = raw.length / 2;
        byte[] r = integer(Arrays.copyOfRange(raw, 0, half));
        byte[] s = integer(Arrays.copyOfRange(raw, half, raw.length));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(SEQUENCE);
        writeLength(out, r.length + s.length);
        out.writeBytes(r);
        out.writeBytes(s);
        return out.toByteArray();
    }

    private static byte[] integer(byte[] unsigned) {
        int start = 0;
        while (start < unsigned.length - 1 && unsigned[start] == 0) {
            start++;
        }
        boolean pad = (unsigned[start] & 0x80) != 0;
        int contentLength = unsigned.length - start + (pad ? 1 : 0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(INTEGER);
        writeLength(out, contentLength);
        if (pad) {
            out.write(0);
        }
        out.write(unsigned, start, unsigned.length - start);
        return out.toByteArray();
    }

    private static void writeLength(ByteArrayOutputStream out, int length) {
        if (length < 0x80) {
            out.write(length);
        } else if (length <= 0xff) {
            out.write(0x81);
            out.write(length);
        } else {
            out.write(0x82);
            out.write(length >> 8);
            out.write(length & 0xff);
        }
    }

    private static CryptoException invalid(String why) {
        return new CryptoException(CryptoErrno.INVALID_SIGNATURE, "bad DER signature: " + why);
    }

    /** A cursor over the input that fails on every non-DER form. */
    private static final class Reader {
        private final byte[] in;
        private int position;

        Reader(byte[] in) {
            this.in = in;
        }

        int remaining() {
            return in.length - position;
        }

        int next() {
            if (position >= in.length) {
                throw invalid("truncated");
            }
            return in[position++] & 0xff;
        }

        void expectTag(int tag) {
            if (next() != tag) {
                throw invalid("unexpected tag");
            }
        }

        /** A definite length in its shortest form (at most two length bytes are plausible). */
        int readLength() {
            int first = next();
            if (first < 0x80) {
                return first;
            }
            int count = first & 0x7f;
            if (count == 0 || count > 2) {
                throw invalid("indefinite or oversized length");
            }
            int length = 0;
            for (int i = 0; i < count; i++) {
                length = (length << 8) | next();
            }
            int minimumForForm = count == 1 ? 0x80 : 0x100;
            if (length < minimumForForm) {
                throw invalid("length not in its shortest form");
            }
            return length;
        }

        void readPositiveInteger(byte[] out, int offset, int width) {
            expectTag(INTEGER);
            int length = readLength();
            if (length == 0 || length > remaining()) {
                throw invalid("bad integer length");
            }
            int start = position;
            position += length;
            int first = in[start] & 0xff;
            if ((first & 0x80) != 0) {
                throw invalid("negative integer");
            }
            if (first == 0 && length > 1 && (in[start + 1] & 0x80) == 0) {
                throw invalid("integer not minimally encoded");
            }
            int skip = first == 0 ? 1 : 0;
            int valueLength = length - skip;
            if (valueLength == 0) {
                throw invalid("zero integer");
            }
            if (valueLength > width) {
                throw invalid("integer larger than the curve order");
            }
            System.arraycopy(in, start + skip, out, offset + width - valueLength, valueLength);
        }
    }
}
