package io.connectdeployer.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RetryAfterTest {

    private static final Instant NOW = Instant.parse("2015-10-21T07:28:00Z");

    @ParameterizedTest(name = "''{0}'' -> {1}")
    @CsvSource({
            "120, PT2M",
            "' 5 ', PT5S",
            "0, PT0S",
            "-3, PT0S",
            "'Wed, 21 Oct 2015 07:28:30 GMT', PT30S",
            "'Wed, 21 Oct 2015 07:27:00 GMT', PT0S" })
    void should_read_the_wait_when_the_header_is_seconds_or_an_http_date(String header, Duration expected) {
        // when
        Optional<Duration> wait = RetryAfter.parse(header, NOW);

        // then
        assertEquals(Optional.of(expected), wait);
    }

    @ParameterizedTest(name = "''{0}''")
    @NullAndEmptySource
    @ValueSource(strings = { "   ", "soon", "1.5", "2015-10-21T07:28:30Z", "Wed, 32 Oct 2015 07:28:30 GMT" })
    void should_read_nothing_when_the_header_is_absent_or_garbage(String header) {
        // when
        Optional<Duration> wait = RetryAfter.parse(header, NOW);

        // then
        assertEquals(Optional.empty(), wait);
    }
}
