package io.cryptobridge.conformance.wycheproof;

import io.cryptobridge.conformance.ReactorGuest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Typed calls into guests/src/wycheproof_runner.c: inputs are copied into the guest's memory, the
 * guest calls the wasi-crypto imports, and the errno and outputs come back.
 */
final class RunnerGuest {
    private final ReactorGuest guest;

    RunnerGuest(ReactorGuest guest) {
        this.guest = guest;
    }

    /** An errno and the output buffers' contents after the call. */
    record Outcome(int errno, byte[] output, byte[] second) {
        boolean succeeded() {
            return errno == 0;
        }
    }

    Outcome aeadEncrypt(String alg, byte[] key, byte[] nonce, byte[] aad, byte[] msg, int tagLen) {
        try (Frame f = new Frame()) {
            int out = f.buffer(msg.length + tagLen);
            int errno = guest.callErrno("aead_encrypt", f.args(alg, key, nonce, aad, msg, out));
            return new Outcome(errno, guest.read(out, msg.length + tagLen), null);
        }
    }

    Outcome aeadEncryptDetached(
            String alg, byte[] key, byte[] nonce, byte[] aad, byte[] msg, int tagLen) {
        try (Frame f = new Frame()) {
            int ct = f.buffer(msg.length);
            int tag = f.buffer(tagLen);
            long[] args = f.args(alg, key, nonce, aad, msg);
            long[] all = append(args, ct, tag, tagLen);
            int errno = guest.callErrno("aead_encrypt_detached", all);
            return new Outcome(errno, guest.read(ct, msg.length), guest.read(tag, tagLen));
        }
    }

    /** Decrypts ciphertext||tag into a buffer of {@code outLen} bytes (prefilled with 0xAA). */
    Outcome aeadDecrypt(
            String alg, byte[] key, byte[] nonce, byte[] aad, byte[] sealed, int outLen) {
        try (Frame f = new Frame()) {
            int out = f.filled(outLen);
            int errno = guest.callErrno("aead_decrypt", f.args(alg, key, nonce, aad, sealed, out));
            return new Outcome(errno, guest.read(out, outLen), null);
        }
    }

    Outcome aeadDecryptDetached(
            String alg, byte[] key, byte[] nonce, byte[] aad, byte[] ct, byte[] tag) {
        try (Frame f = new Frame()) {
            int out = f.filled(ct.length);
            long[] args = f.args(alg, key, nonce, aad, ct);
            long[] all = append(args, f.copy(tag), tag.length, out);
            int errno = guest.callErrno("aead_decrypt_detached", all);
            return new Outcome(errno, guest.read(out, ct.length), null);
        }
    }

    Outcome macCompute(String alg, byte[] key, byte[] msg, int tagLen) {
        try (Frame f = new Frame()) {
            int out = f.buffer(tagLen);
            long[] all = append(f.args(alg, key, msg), out, tagLen);
            int errno = guest.callErrno("mac_compute", all);
            return new Outcome(errno, guest.read(out, tagLen), null);
        }
    }

    int macVerify(String alg, byte[] key, byte[] msg, byte[] tag) {
        try (Frame f = new Frame()) {
            return guest.callErrno("mac_verify", f.args(alg, key, msg, tag));
        }
    }

    Outcome hkdf(
            String extractAlg, String expandAlg, byte[] ikm, byte[] salt, byte[] info, int size) {
        try (Frame f = new Frame()) {
            int out = f.buffer(size);
            long[] all = append(f.args(extractAlg, expandAlg, ikm, salt, info), out, size);
            int errno = guest.callErrno("hkdf", all);
            return new Outcome(errno, guest.read(out, size), null);
        }
    }

    int liveHandles() {
        return guest.liveHandles();
    }

    private static long[] append(long[] head, long... tail) {
        long[] all = new long[head.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }

    /** Guest allocations for one call, freed when the call is done. */
    private final class Frame implements AutoCloseable {
        private final List<Integer> pointers = new ArrayList<>();

        int copy(byte[] bytes) {
            int pointer = guest.copyIn(bytes);
            pointers.add(pointer);
            return pointer;
        }

        int buffer(int size) {
            return copy(new byte[size]);
        }

        int filled(int size) {
            byte[] marker = new byte[size];
            java.util.Arrays.fill(marker, (byte) 0xAA);
            return copy(marker);
        }

        /**
         * Lays out arguments: a String or byte[] becomes (pointer, length), an Integer stays as it
         * is.
         */
        long[] args(Object... values) {
            List<Long> args = new ArrayList<>();
            for (Object value : values) {
                if (value instanceof String s) {
                    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
                    args.add((long) copy(bytes));
                    args.add((long) bytes.length);
                } else if (value instanceof byte[] bytes) {
                    args.add((long) copy(bytes));
                    args.add((long) bytes.length);
                } else {
                    args.add(((Integer) value).longValue());
                }
            }
            return args.stream().mapToLong(Long::longValue).toArray();
        }

        @Override
        public void close() {
            pointers.forEach(guest::dealloc);
        }
    }
}
