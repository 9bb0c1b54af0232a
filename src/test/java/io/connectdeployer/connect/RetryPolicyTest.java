package io.connectdeployer.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(5, Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(13));

    @Test
    void should_wait_nothing_when_the_random_draw_is_zero() {
        // when
        Duration delay = policy.delayAfter(3, Optional.empty(), 0.0);

        // then
        assertEquals(Duration.ZERO, delay);
    }

    @ParameterizedTest(name = "after attempt {0}: {1} ms")
    @CsvSource({ "1, 99", "2, 199", "3, 399", "4, 799", "5, 999", "40, 999" })
    void should_wait_just_under_a_ceiling_that_doubles_per_attempt_up_to_the_max_when_the_draw_is_near_one(
            int attempt, long expectedMillis) {
        // when
        Duration delay = policy.delayAfter(attempt, Optional.empty(), 0.999);

        // then
        assertEquals(Duration.ofMillis(expectedMillis), delay);
    }

    @Test
    void should_wait_half_the_ceiling_when_the_draw_is_one_half() {
        // when
        Duration delay = policy.delayAfter(2, Optional.empty(), 0.5);

        // then
        assertEquals(Duration.ofMillis(100), delay);
    }

    @Test
    void should_wait_the_retry_after_even_past_the_max_delay_when_connect_sent_one() {
        // when
        Duration delay = policy.delayAfter(1, Optional.of(Duration.ofSeconds(7)), 0.5);

        // then
        assertEquals(Duration.ofSeconds(7), delay);
    }
}
