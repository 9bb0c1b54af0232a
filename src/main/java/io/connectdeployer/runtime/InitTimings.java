package io.connectdeployer.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * What the function's own part of init spent, step by step, for one log line at the end of init: so an operator
 * (and bench/run's init breakdown) sees which startup work costs what without a profiler. Steps on the init-secrets
 * thread and on the main thread run side by side, so the parts add up to more than the whole.
 */
final class InitTimings {

    private final LongSupplier nanoClock;
    private final long startedNanos;
    private final List<String> steps = new ArrayList<>();

    InitTimings(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
        this.startedNanos = nanoClock.getAsLong();
    }

    /** Runs {@code step} and records how long it took under {@code name}; a step that throws is recorded too. */
    void time(String name, Runnable step) {
        long began = nanoClock.getAsLong();
        try {
            step.run();
        } finally {
            record(name, began);
        }
    }

    synchronized void record(String name, long beganNanos) {
        steps.add(name + " " + millis(nanoClock.getAsLong() - beganNanos) + " ms");
    }

    /** E.g. {@code init: 172 ms in the function's own startup (priming 95 ms, aws clients 61 ms, ...)}. */
    synchronized String summary() {
        return "init: " + millis(nanoClock.getAsLong() - startedNanos) + " ms in the function's own startup ("
                + String.join(", ", steps) + ")";
    }

    private static long millis(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }
}
