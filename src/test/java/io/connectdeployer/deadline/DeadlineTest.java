package io.connectdeployer.deadline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.connectdeployer.testing.FakeNanoClock;

class DeadlineTest {

    private final FakeNanoClock clock = new FakeNanoClock();
    private final Deadline deadline = Deadline.after(Duration.ofSeconds(25), "the invocation's 25s (CONNECT_TIME_BUDGET)", clock);

    @Test
    void should_leave_the_budget_less_the_time_the_clock_moved_and_never_less_than_nothing() {
        // when
        clock.advance(Duration.ofMillis(20_250));
        Duration left = deadline.remaining();
        clock.advance(Duration.ofSeconds(10));

        // then
        assertEquals(Duration.ofMillis(4750), left);
        assertEquals(Duration.ZERO, deadline.remaining());
    }

    @Test
    void should_allow_work_that_ends_by_the_deadline_and_nothing_longer() {
        // when
        clock.advance(Duration.ofSeconds(12));

        // then
        assertTrue(deadline.allows(Duration.ofSeconds(13)));
        assertFalse(deadline.allows(Duration.ofMillis(13_001)));
    }

    @Test
    void should_give_a_call_what_is_left_as_its_timeout() {
        // when
        clock.advance(Duration.ofSeconds(20));

        // then
        assertEquals(Duration.ofSeconds(5), deadline.timeoutFor("reading secret 'x'"));
    }

    /** The AWS SDK reads a timeout under 1 ms as none: such a call would wait without limit. */
    @Test
    void should_refuse_to_start_a_call_with_less_than_10_ms_left() {
        // given
        clock.advance(Duration.ofMillis(24_991));

        // when
        DeadlineExceededException error = assertThrows(DeadlineExceededException.class, () -> deadline.timeoutFor("reading secret 'x'"));

        // then
        assertEquals("Out of time before reading secret 'x': 9ms left of the invocation's 25s (CONNECT_TIME_BUDGET). "
                + "Nothing further was attempted.", error.getMessage());
        assertEquals(504, error.httpStatus());
        assertTrue(error.retryable());
    }

    @Test
    void should_give_cleanup_one_second_past_the_deadline() {
        // given
        clock.advance(Duration.ofMillis(25_400));

        // when
        Deadline cleanup = deadline.forCleanup();

        // then
        assertEquals(Duration.ZERO, deadline.remaining());
        assertEquals(Duration.ofMillis(600), cleanup.remaining());
    }

    @ParameterizedTest(name = "{0} ms -> {1}")
    @CsvSource({ "400, 400ms", "2500, 2.5s", "25000, 25s", "90000, 1m30s", "81000, 1m21s", "900000, 15m" })
    void should_write_a_duration_as_people_do(long millis, String text) {
        assertEquals(text, Deadline.text(Duration.ofMillis(millis)));
    }
}
