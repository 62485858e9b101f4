package io.cryptobridge.pkcs11;

import java.lang.ref.Cleaner;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One private-key object on the token, shared by every handle that refers to it: wasi-crypto gives
 * each {@code keypair_secretkey} / {@code keypair_publickey} call an independent handle, and
 * closing one must not break the others. The object is destroyed when the last holder releases it,
 * or, as a safety net, when nothing refers to it any more.
 */
final class TokenObject {
    private static final Cleaner CLEANER = Cleaner.create();

    private final long handle;
    private final int epoch;
    private final KeyOwnerSession owner;
    private final AtomicInteger holders = new AtomicInteger(1);
    private final Cleaner.Cleanable cleanable;

    TokenObject(long handle, int epoch, KeyOwnerSession owner) {
        this.handle = handle;
        this.epoch = epoch;
        this.owner = owner;
        this.cleanable = CLEANER.register(this, new Destroyer(owner, handle, epoch));
    }

    /** Destroys the token object; must not refer to the TokenObject. */
    private record Destroyer(KeyOwnerSession owner, long handle, int epoch) implements Runnable {
        @Override
        public void run() {
            owner.destroy(handle, epoch);
        }
    }

    /** One more holder; false when the object is already gone (released by its last holder). */
    boolean retain() {
        while (true) {
            int n = holders.get();
            if (n <= 0) {
                return false;
            }
            if (holders.compareAndSet(n, n + 1)) {
                return true;
            }
        }
    }

    /** One holder less; the last one destroys the object on the token. */
    void release() {
        if (holders.decrementAndGet() == 0) {
            cleanable.clean();
        }
    }

    /** Whether the object still exists (not released, not lost with its session). */
    boolean alive() {
        return holders.get() > 0 && owner.alive(epoch);
    }

    long handle() {
        return handle;
    }

    int epoch() {
        return epoch;
    }
}
