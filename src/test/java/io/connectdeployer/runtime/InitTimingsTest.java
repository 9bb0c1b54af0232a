package io.connectdeployer.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class InitTimingsTest {

    private static final long MS = 1_000_000L;

    @Test
    void should_name_each_step_with_its_milliseconds_and_the_whole_when_steps_ran() {
        AtomicLong clock = new AtomicLong(5 * MS);
        InitTimings timings = new InitTimings(clock::get);

        timings.time("aws clients", () -> clock.addAndGet(61 * MS));
        long waiting = clock.get();
        clock.addAndGet(9 * MS);
        timings.record("then waited", waiting);

        assertEquals("init: 70 ms in the function's own startup (aws clients 61 ms, then waited 9 ms)", timings.summary());
    }

    @Test
    void should_record_a_step_when_it_throws() {
        AtomicLong clock = new AtomicLong();
        InitTimings timings = new InitTimings(clock::get);

        assertThrows(IllegalStateException.class, () -> timings.time("routes", () -> {
            clock.addAndGet(3 * MS);
            throw new IllegalStateException("bad route");
        }));

        assertEquals("init: 3 ms in the function's own startup (routes 3 ms)", timings.summary());
    }
}
