package io.connectdeployer.deadline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.connectdeployer.testing.FakeNanoClock;

/** What FUNCTION_TIMEOUT and CONNECT_TIME_BUDGET make of the deadline and the claims; SettingsParserTest checks the messages. */
class DeadlinePolicyTest {

    private static DeadlinePolicy resolve(Long timeoutSeconds, Long budgetSeconds) {
        List<String> problems = new ArrayList<>();
        DeadlinePolicy policy = DeadlinePolicy.resolve(Optional.ofNullable(timeoutSeconds).map(Duration::ofSeconds),
                Optional.ofNullable(budgetSeconds).map(Duration::ofSeconds), problems);
        assertEquals(List.of(), problems);
        return policy;
    }

    @ParameterizedTest(name = "timeout {0} s -> margin {1} ms")
    @CsvSource({ "3, 2000", "10, 2000", "20, 2000", "30, 3000", "900, 90000" })
    void should_keep_a_margin_of_10_percent_and_at_least_2_seconds_before_the_timeout(long timeout, long margin) {
        assertEquals(Duration.ofMillis(margin), DeadlinePolicy.margin(Duration.ofSeconds(timeout)));
    }

    /** A claim must outlive every invocation that can still be running: Lambda ends one at its timeout at the latest. */
    @ParameterizedTest(name = "FUNCTION_TIMEOUT {0} s, CONNECT_TIME_BUDGET {1} s -> claims held {2} s")
    @CsvSource({ "30, , 90", "30, 25, 90", "900, 100, 960", ", 20, 81", ", , 90" })
    void should_hold_a_claim_a_minute_longer_than_an_invocation_can_run(Long timeout, Long budget, long lockSeconds) {
        assertEquals(Duration.ofSeconds(lockSeconds), resolve(timeout, budget).claimLock());
    }

    @Test
    void should_start_each_invocation_with_the_whole_budget_on_its_clock() {
        // given
        FakeNanoClock clock = new FakeNanoClock();

        // when
        Deadline deadline = resolve(30L, null).start(clock);
        clock.advance(Duration.ofSeconds(7));

        // then
        assertEquals(Duration.ofSeconds(20), deadline.remaining());
    }

    @Test
    void should_say_at_startup_which_deadline_applies_and_that_function_timeout_is_missing_when_it_is() {
        assertEquals("Deadline per invocation: 27s (FUNCTION_TIMEOUT 30s less a 3s safety margin); claims held 1m30s",
                resolve(30L, null).startupNote());
        assertEquals("Deadline per invocation: 27s (an assumed function timeout of 30s less a 3s safety margin); claims held "
                + "1m30s. FUNCTION_TIMEOUT is not set (the Terraform module sets it): set it to the function's timeout so the "
                + "deadline follows it and is checked against it", resolve(null, null).startupNote());
    }
}
