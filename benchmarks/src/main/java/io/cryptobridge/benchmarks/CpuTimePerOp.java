package io.cryptobridge.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * The benchmark thread's CPU time per operation over the measurement iterations. On the shared
 * build machine other processes take the cores, so JMH's wall-clock average swings by 2× and more;
 * the thread's own CPU time per operation stays comparable between runs. A benchmark calls {@link
 * #count()} once per operation and the iteration hooks from its {@code Level.Iteration} setup and
 * teardown (which JMH runs on the benchmark thread).
 */
final class CpuTimePerOp {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private boolean measuring;
    private long iterationStart;
    private long iterationOps;
    private long totalNanos;
    private long totalOps;

    void count() {
        iterationOps++;
    }

    void iterationStarted(IterationParams params) {
        measuring = params.getType() == IterationType.MEASUREMENT;
        iterationOps = 0;
        iterationStart = THREADS.getCurrentThreadCpuTime();
    }

    void iterationEnded() {
        if (measuring) {
            totalNanos += THREADS.getCurrentThreadCpuTime() - iterationStart;
            totalOps += iterationOps;
        }
    }

    /** One line for the run's log, e.g. {@code cpu-time/op: 31.20 us (...)}. */
    String summary(String benchmark) {
        return String.format(
                Locale.ROOT,
                "cpu-time/op %s: %.2f us (%d ops, %.2f s of thread CPU time)",
                benchmark,
                totalOps == 0 ? Double.NaN : totalNanos / 1e3 / totalOps,
                totalOps,
                totalNanos / 1e9);
    }
}
