package io.connectdeployer.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.connectdeployer.testing.FakeNanoClock;
import io.connectdeployer.testing.TestDeadlines;

class CachedTokenProviderTest {

    private static final String SECRET_ID = "connect/token";
    private static final Duration TTL = Duration.ofMinutes(5);

    private final FakeNanoClock clock = new FakeNanoClock();
    private final List<String> reads = new ArrayList<>();

    /** A provider over a secret whose value is each of {@code values} in turn, the last one from then on. */
    private CachedTokenProvider provider(String jsonKey, String... values) {
        SecretReader reader = (secretId, deadline) -> {
            reads.add(secretId);
            return values[Math.min(reads.size(), values.length) - 1];
        };
        return new CachedTokenProvider(SECRET_ID, jsonKey, TTL, reader, new ObjectMapper(), clock);
    }

    @ParameterizedTest(name = "key {0}, secret {1}")
    @CsvSource(delimiter = '|', value = {
            "user_token | '  s3cr3t-token\n'",
            "user_token | '{\"user_token\": \" s3cr3t-token \"}'",
            "connect    | '{\"connect\": \"s3cr3t-token\", \"user_token\": \"other\"}'" })
    void should_read_the_token_when_the_secret_is_raw_or_json_with_the_key(String jsonKey, String secret) {
        // when
        String token = provider(jsonKey, secret).token(TestDeadlines.ample());

        // then
        assertEquals("s3cr3t-token", token);
        assertEquals(List.of(SECRET_ID), reads);
    }

    @Test
    void should_count_each_read_of_the_secret_but_not_the_answers_from_the_cache_for_the_metrics() {
        // given
        CachedTokenProvider provider = provider("user_token", "s3cr3t-token", "");

        // when
        provider.token(TestDeadlines.ample());
        provider.token(TestDeadlines.ample());
        long afterCache = provider.reads();
        assertThrows(TokenUnavailableException.class, () -> provider.refresh(TestDeadlines.ample()));

        // then
        assertEquals(1, afterCache);
        assertEquals(2, provider.reads(), "a read that failed is a read too");
        assertEquals(2, reads.size());
    }

    @Test
    void should_name_the_secret_and_the_key_variable_without_the_value_when_the_json_lacks_the_key() {
        // when
        TokenUnavailableException error = assertThrows(TokenUnavailableException.class,
                () -> provider("user_token", "{\"token\": \"s3cr3t-token\"}").token(TestDeadlines.ample()));

        // then
        assertEquals("Secret 'connect/token' is a JSON object without a string under key 'user_token' "
                + "(CONNECT_TOKEN_SECRET_KEY)", error.getMessage());
    }

    @Test
    void should_say_where_the_json_breaks_without_the_value_when_the_secret_is_malformed_json() {
        // when
        TokenUnavailableException error = assertThrows(TokenUnavailableException.class,
                () -> provider("user_token", "{\"user_token\": s3cr3t-token}").token(TestDeadlines.ample()));

        // then
        assertEquals("Secret 'connect/token' starts with '{' but is not valid JSON (line 1, column 16)", error.getMessage());
        assertFalse(error.getMessage().contains("s3cr3t"));
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = { "", "   \n", "{\"user_token\": \"  \"}" })
    void should_say_the_secret_is_empty_when_it_holds_no_token(String secret) {
        // when
        TokenUnavailableException error = assertThrows(TokenUnavailableException.class,
                () -> provider("user_token", secret).token(TestDeadlines.ample()));

        // then
        assertEquals("Secret 'connect/token' is empty: put the Connect token in it", error.getMessage());
    }

    @Test
    void should_read_the_secret_once_when_asked_again_within_the_ttl() {
        // given
        CachedTokenProvider provider = provider("user_token", "token-1", "token-2");
        provider.token(TestDeadlines.ample());
        clock.advance(TTL.minusNanos(1));

        // when
        String token = provider.token(TestDeadlines.ample());

        // then
        assertEquals("token-1", token);
        assertEquals(1, reads.size());
    }

    @Test
    void should_read_the_secret_again_when_the_ttl_has_passed() {
        // given
        CachedTokenProvider provider = provider("user_token", "token-1", "token-2");
        provider.token(TestDeadlines.ample());
        clock.advance(TTL);

        // when
        String token = provider.token(TestDeadlines.ample());

        // then
        assertEquals("token-2", token);
        assertEquals(2, reads.size());
    }

    @Test
    void should_bypass_the_cache_and_keep_the_new_token_when_refreshed() {
        // given
        CachedTokenProvider provider = provider("user_token", "token-1", "token-2");
        provider.token(TestDeadlines.ample());

        // when
        String refreshed = provider.refresh(TestDeadlines.ample());
        String cached = provider.token(TestDeadlines.ample());

        // then
        assertEquals(List.of("token-2", "token-2"), List.of(refreshed, cached));
        assertEquals(2, reads.size());
    }
}
