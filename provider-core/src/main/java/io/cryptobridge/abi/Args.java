package io.cryptobridge.abi;

/** Decoding of core-wasm arguments: i32 values arrive as longs. */
final class Args {
    private Args() {}

    /** The i32 argument at {@code index}. */
    static int i32(long[] args, int index) {
        return (int) args[index];
    }

    /** The i64 argument at {@code index}. */
    static long i64(long[] args, int index) {
        return args[index];
    }
}
