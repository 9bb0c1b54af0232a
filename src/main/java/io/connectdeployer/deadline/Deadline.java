package io.connectdeployer.deadline;

import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * The time one invocation (or init's secret reads) may use, fixed when it starts and handed to every call that can
 * wait: each Connect attempt, each secret read, each DynamoDB call, the GitHub hand-off. Immutable; time is read
 * from a monotonic nano clock, a seam the tests replace.
 */
public final class Deadline {

    /**
     * A call is not started with less than this left: the AWS SDK counts timeouts in whole milliseconds and reads
     * 0 as "no timeout", and no call completes in less anyway.
     */
    static final Duration LEAST_FOR_A_CALL = Duration.ofMillis(10);
    /**
     * How far past the deadline releasing or marking a claim may run, so a deployment cut off at the deadline still
     * leaves its claim released or its result kept. Taken from the safety margin, which is at least twice as long.
     */
    public static final Duration CLEANUP_GRACE = Duration.ofSeconds(1);

    private final long endNanos;
    private final String description;
    private final LongSupplier nanoClock;

    private Deadline(long endNanos, String description, LongSupplier nanoClock) {
        this.endNanos = endNanos;
        this.description = description;
        this.nanoClock = nanoClock;
    }

    /** @param description what the time is, for messages: "the invocation's 25s (CONNECT_TIME_BUDGET)" */
    public static Deadline after(Duration budget, String description, LongSupplier nanoClock) {
        return new Deadline(nanoClock.getAsLong() + budget.toNanos(), description, nanoClock);
    }

    /** What is left, never negative. */
    public Duration remaining() {
        return Duration.ofNanos(Math.max(0, endNanos - nanoClock.getAsLong()));
    }

    /** True when {@code work} ends before the deadline if it started now. */
    public boolean allows(Duration work) {
        return remaining().compareTo(work) >= 0;
    }

    /**
     * The timeout for a call about to start: what is left.
     *
     * @throws DeadlineExceededException when too little is left to start {@code what}
     */
    public Duration timeoutFor(String what) {
        Duration left = remaining();
        if (left.compareTo(LEAST_FOR_A_CALL) < 0) {
            throw exceeded("before " + what);
        }
        return left;
    }

    /** The same deadline {@link #CLEANUP_GRACE} later: for releasing or marking a claim once the work is over. */
    public Deadline forCleanup() {
        return new Deadline(endNanos + CLEANUP_GRACE.toNanos(), description + " and " + text(CLEANUP_GRACE) + " to clean up",
                nanoClock);
    }

    /** @param what where it ran out, e.g. "while reading secret 'x'" or "before calling Connect" */
    public DeadlineExceededException exceeded(String what) {
        return exceeded(what, null);
    }

    public DeadlineExceededException exceeded(String what, Throwable cause) {
        return new DeadlineExceededException("Out of time " + what + ": " + text(remaining()) + " left of " + description
                + ". Nothing further was attempted.", cause);
    }

    /** A duration as people write it: 400ms, 2.5s, 25s, 1m30s. */
    public static String text(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1000) {
            return millis + "ms";
        }
        if (millis < 60_000) {
            return millis % 1000 == 0 ? millis / 1000 + "s" : String.format(Locale.ROOT, "%.1fs", millis / 1000.0);
        }
        long seconds = duration.toSeconds();
        return seconds / 60 + "m" + (seconds % 60 == 0 ? "" : seconds % 60 + "s");
    }
}
