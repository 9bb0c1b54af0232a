package io.connectdeployer.deadline;

import static io.connectdeployer.deadline.Deadline.text;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * How long each invocation may run, decided once at startup from FUNCTION_TIMEOUT (the function's timeout, which
 * the Terraform module sets) and CONNECT_TIME_BUDGET (an explicit override). Lambda's remaining time is not
 * available: Funqy does not hand the Lambda context to the function, and the Runtime API's
 * {@code Lambda-Runtime-Deadline-Ms} header is read by the runtime, not by us. So the deadline starts when our
 * handler starts, and ends a safety margin before the timeout, which leaves time to release the claim, write the
 * log line and answer, and covers what ran before our handler.
 *
 * @param budget the time from the handler's start to the deadline
 * @param functionTimeout FUNCTION_TIMEOUT, when set
 * @param explicitBudget true when CONNECT_TIME_BUDGET set the budget
 */
public record DeadlinePolicy(Duration budget, Optional<Duration> functionTimeout, boolean explicitBudget) {

    /** The least safety margin: twice {@link Deadline#CLEANUP_GRACE}, for the claim's release and the answer. */
    public static final Duration LEAST_MARGIN = Duration.ofSeconds(2);
    /** The timeout assumed when neither setting is given: the Terraform module's default. */
    static final Duration ASSUMED_TIMEOUT = Duration.ofSeconds(30);
    /** A claim outlives the longest invocation by this much (clocks of Lambda hosts differ; DynamoDB keeps seconds). */
    static final Duration CLAIM_SLACK = Duration.ofMinutes(1);

    /** The margin before a timeout: 10 %, at least {@link #LEAST_MARGIN}. */
    public static Duration margin(Duration timeout) {
        Duration tenth = timeout.dividedBy(10);
        return tenth.compareTo(LEAST_MARGIN) > 0 ? tenth : LEAST_MARGIN;
    }

    /** Adds to {@code problems} what is wrong with the two settings; the policy is only meaningful without any. */
    public static DeadlinePolicy resolve(Optional<Duration> functionTimeout, Optional<Duration> timeBudget, List<String> problems) {
        functionTimeout.filter(timeout -> timeout.compareTo(LEAST_MARGIN) <= 0).ifPresent(timeout -> problems.add(
                "FUNCTION_TIMEOUT: must be longer than the " + text(LEAST_MARGIN) + " safety margin, not " + text(timeout)));
        timeBudget.filter(budget -> budget.isNegative() || budget.isZero())
                .ifPresent(budget -> problems.add("CONNECT_TIME_BUDGET: must be a positive duration such as 10s"));
        if (timeBudget.isPresent() && functionTimeout.isPresent()
                && timeBudget.get().plus(LEAST_MARGIN).compareTo(functionTimeout.get()) > 0) {
            Duration timeout = functionTimeout.get();
            problems.add("CONNECT_TIME_BUDGET: " + text(timeBudget.get()) + " leaves less than " + text(LEAST_MARGIN)
                    + " of FUNCTION_TIMEOUT (" + text(timeout) + ") to end the invocation: at most "
                    + text(timeout.minus(LEAST_MARGIN)) + ", or leave it unset (" + text(timeout.minus(margin(timeout))) + ")");
        }
        Duration timeout = functionTimeout.orElse(ASSUMED_TIMEOUT);
        return new DeadlinePolicy(timeBudget.orElse(timeout.minus(margin(timeout))), functionTimeout, timeBudget.isPresent());
    }

    /** The deadline of an invocation starting now. */
    public Deadline start(LongSupplier nanoClock) {
        return Deadline.after(budget, "the invocation's " + text(budget) + " (" + origin() + ")", nanoClock);
    }

    /** Where the budget comes from, for messages. */
    public String origin() {
        if (explicitBudget) {
            return "CONNECT_TIME_BUDGET" + functionTimeout.map(timeout -> ", within FUNCTION_TIMEOUT " + text(timeout)).orElse("");
        }
        Duration timeout = functionTimeout.orElse(ASSUMED_TIMEOUT);
        return (functionTimeout.isPresent() ? "FUNCTION_TIMEOUT " : "an assumed function timeout of ") + text(timeout)
                + " less a " + text(margin(timeout)) + " safety margin";
    }

    /**
     * The longest an invocation can run: the function's timeout, where Lambda ends it at the latest; without
     * FUNCTION_TIMEOUT, the deadline and the cleanup after it (our own guarantee), or the assumed timeout.
     */
    public Duration invocationLimit() {
        return functionTimeout.orElse(explicitBudget ? budget.plus(Deadline.CLEANUP_GRACE) : ASSUMED_TIMEOUT);
    }

    /** How long a claim holds: longer than any invocation runs, so only the claim of one that died expires. */
    public Duration claimLock() {
        return invocationLimit().plus(CLAIM_SLACK);
    }

    /** What the startup log says: the deadline in force, and why. */
    public String startupNote() {
        return "Deadline per invocation: " + text(budget) + " (" + origin() + "); claims held " + text(claimLock())
                + (functionTimeout.isPresent() ? ""
                        : ". FUNCTION_TIMEOUT is not set (the Terraform module sets it): set it to the function's timeout"
                                + " so the deadline follows it and is checked against it");
    }
}
