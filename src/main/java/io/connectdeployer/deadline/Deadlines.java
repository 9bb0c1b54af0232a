package io.connectdeployer.deadline;

import java.util.function.LongSupplier;

/** Starts each invocation's deadline by the policy, on a monotonic clock (System::nanoTime, or a test's). */
public record Deadlines(DeadlinePolicy policy, LongSupplier nanoClock) {

    public Deadline start() {
        return policy.start(nanoClock);
    }
}
