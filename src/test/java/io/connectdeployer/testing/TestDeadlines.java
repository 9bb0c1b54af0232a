package io.connectdeployer.testing;

import java.time.Duration;
import java.util.Optional;

import io.connectdeployer.deadline.Deadline;
import io.connectdeployer.deadline.DeadlinePolicy;

/** Deadlines for tests: one too long to matter, or one on a test's fake clock. */
public final class TestDeadlines {

    /** Ten minutes from CONNECT_TIME_BUDGET: no unit test comes near it. */
    public static final DeadlinePolicy ROOMY = new DeadlinePolicy(Duration.ofMinutes(10), Optional.empty(), true);

    private TestDeadlines() {
    }

    /** An hour on the real clock: for tests about something else. */
    public static Deadline ample() {
        return Deadline.after(Duration.ofHours(1), "the test's hour", System::nanoTime);
    }

    /** {@code budget} on the test's clock, which moves only when the test (or a fake it drives) says so. */
    public static Deadline after(Duration budget, FakeNanoClock clock) {
        return Deadline.after(budget, "the test's " + Deadline.text(budget), clock);
    }
}
