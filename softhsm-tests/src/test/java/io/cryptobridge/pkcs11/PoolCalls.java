package io.cryptobridge.pkcs11;

import java.util.concurrent.CountDownLatch;

/**
 * Units of work for tests that drive the {@link SessionPool} directly. They live here, not in the
 * test classes: a lambda taking the wrapper's {@code PKCS11} becomes a method with that parameter
 * type, and JUnit's discovery (which reflects over test classes, also in the Maven JVM that lacks
 * the add-exports option) would fail with IllegalAccessError.
 */
final class PoolCalls {
    private PoolCalls() {}

    /** Holds one session until {@code release} opens; {@code holding} opens once it has it. */
    static void holdSession(SessionPool pool, CountDownLatch holding, CountDownLatch release) {
        pool.run(
                Operation.DIGEST,
                (p11, session) -> {
                    holding.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return null;
                });
    }

    /** Checks a session out and back in, doing nothing with it. */
    static void touchSession(SessionPool pool) {
        pool.run(Operation.DIGEST, (p11, session) -> null);
    }
}
