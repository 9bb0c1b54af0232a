package io.connectdeployer.connect;

import static io.connectdeployer.testing.FakeConnectClient.reply;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.connectdeployer.testing.FakeConnectClient;
import io.connectdeployer.testing.FakeNanoClock;
import io.connectdeployer.testing.FakeTokenProvider;
import io.connectdeployer.testing.RecordingSleeper;
import io.connectdeployer.testing.Requests;

class ConnectDeployerTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** With random fixed at 0.5 the backoff waits are 50, 100 and 200 ms. */
    private static final RetryPolicy POLICY = new RetryPolicy(4, Duration.ofMillis(100), Duration.ofSeconds(1));
    private static final Duration BUDGET = Duration.ofSeconds(10);
    private static final String CREATED = "{\"deployment_id\":\"dp-1\"}";

    private final FakeConnectClient connect = new FakeConnectClient();
    private final FakeTokenProvider tokens = new FakeTokenProvider("token-1", "token-2");
    private final FakeNanoClock clock = new FakeNanoClock();
    private final RecordingSleeper sleeper = new RecordingSleeper(clock);

    private ConnectOutcome deploy(Duration budget) {
        ConnectDeployer deployer = new ConnectDeployer(connect, tokens, POLICY, sleeper, clock, () -> 0.5,
                new ConnectBodies(MAPPER));
        return deployer.deploy(Requests.seedExample(), budget);
    }

    private static JsonNode json(String text) throws Exception {
        return MAPPER.readTree(text);
    }

    @Test
    void should_return_the_outcome_after_one_attempt_when_connect_answers_201() throws Exception {
        // given
        connect.answers(reply(201, CREATED));

        // when
        ConnectOutcome outcome = deploy(BUDGET);

        // then
        assertEquals(new ConnectOutcome(201, 1, json(CREATED)), outcome);
        assertEquals(List.of("token-1"), connect.tokens());
        assertEquals(List.of(), sleeper.sleeps());
    }

    @Test
    void should_fail_as_rejected_after_one_call_without_sleeping_when_connect_answers_400() {
        // given
        connect.answers(reply(400, "{\"error_message\":\"Flow not found\"}"));

        // when
        ConnectRejectedException error = assertThrows(ConnectRejectedException.class, () -> deploy(BUDGET));

        // then
        assertEquals("Connect rejected the deployment (HTTP 400): Flow not found. "
                + "Not retried: fix the event or the DEPLOY_* defaults.", error.getMessage());
        assertEquals(1, connect.calls());
        assertEquals(List.of(), sleeper.sleeps());
    }

    @Test
    void should_wait_the_retry_after_then_succeed_when_connect_answers_429_then_201() throws Exception {
        // given
        connect.answers(reply(429, "", Duration.ofSeconds(3)), reply(201, CREATED));

        // when
        ConnectOutcome outcome = deploy(BUDGET);

        // then
        assertEquals(new ConnectOutcome(201, 2, json(CREATED)), outcome);
        assertEquals(List.of(Duration.ofSeconds(3)), sleeper.sleeps());
    }

    @Test
    void should_fail_as_rate_limited_after_max_attempts_when_connect_answers_429_forever() {
        // given
        connect.answers(reply(429, "", Duration.ofSeconds(1)));

        // when
        ConnectRateLimitedException error = assertThrows(ConnectRateLimitedException.class, () -> deploy(BUDGET));

        // then
        assertEquals("Connect's rate limit was still reached after 4 attempt(s); it asked to retry after 1s. "
                + "Lower the function's reserved concurrency or spread the triggers.", error.getMessage());
        assertEquals(4, connect.calls());
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1)), sleeper.sleeps());
    }

    @Test
    void should_fail_as_unavailable_after_backing_off_when_connect_answers_500_forever() {
        // given
        connect.answers(reply(500, "{\"message\":\"Internal Server Error\"}"));

        // when
        ConnectUnavailableException error = assertThrows(ConnectUnavailableException.class, () -> deploy(BUDGET));

        // then
        assertEquals("Connect was unavailable on all 4 attempt(s); last: HTTP 500: Internal Server Error. Check "
                + "CONNECT_API_URL and Connect's status; the event is kept by Lambda's retry and dead-letter queue.",
                error.getMessage());
        assertEquals(4, connect.calls());
        assertEquals(List.of(Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(200)), sleeper.sleeps());
    }

    @Test
    void should_retry_and_succeed_when_the_first_call_gets_no_answer() throws Exception {
        // given
        connect.failsToAnswer("no answer from http://connect: SocketTimeoutException").answers(reply(201, CREATED));

        // when
        ConnectOutcome outcome = deploy(BUDGET);

        // then
        assertEquals(new ConnectOutcome(201, 2, json(CREATED)), outcome);
        assertEquals(List.of(Duration.ofMillis(50)), sleeper.sleeps());
    }

    @Test
    void should_reread_the_token_once_and_retry_with_it_when_connect_answers_401_then_201() throws Exception {
        // given
        connect.answers(reply(401, "{\"error_message\":\"Unauthorized\"}"), reply(201, CREATED));

        // when
        ConnectOutcome outcome = deploy(BUDGET);

        // then
        assertEquals(new ConnectOutcome(201, 2, json(CREATED)), outcome);
        assertEquals(1, tokens.refreshes());
        assertEquals(List.of("token-1", "token-2"), connect.tokens());
        assertEquals(List.of(), sleeper.sleeps());
    }

    @Test
    void should_fail_as_unauthorized_after_one_reread_when_connect_answers_401_twice() {
        // given
        connect.answers(reply(401, "{\"error_message\":\"Unauthorized\"}"));

        // when
        ConnectUnauthorizedException error = assertThrows(ConnectUnauthorizedException.class, () -> deploy(BUDGET));

        // then
        assertEquals("Connect refused the user token (HTTP 401) even after re-reading secret 'connect/token'. Put a valid "
                + "Connect token in it (CONNECT_TOKEN_SECRET_ID); check CONNECT_API_DIALECT matches the token kind.",
                error.getMessage());
        assertEquals(1, tokens.refreshes());
        assertEquals(List.of("token-1", "token-2"), connect.tokens());
    }

    @Test
    void should_give_up_before_max_attempts_when_the_next_wait_would_pass_the_time_budget() {
        // given: 50 ms fits in the budget, 50 + 100 ms does not
        connect.answers(reply(503, "Service Unavailable"));

        // when
        ConnectUnavailableException error = assertThrows(ConnectUnavailableException.class,
                () -> deploy(Duration.ofMillis(120)));

        // then
        assertEquals("Connect was unavailable on all 2 attempt(s); last: HTTP 503: Service Unavailable. Check "
                + "CONNECT_API_URL and Connect's status; the event is kept by Lambda's retry and dead-letter queue.",
                error.getMessage());
        assertEquals(2, connect.calls());
        assertEquals(List.of(Duration.ofMillis(50)), sleeper.sleeps());
    }

    @Test
    void should_give_up_at_once_when_the_retry_after_is_longer_than_the_time_budget() {
        // given
        connect.answers(reply(429, "", Duration.ofSeconds(30)));

        // when
        ConnectRateLimitedException error = assertThrows(ConnectRateLimitedException.class, () -> deploy(BUDGET));

        // then
        assertEquals(Optional.of(Duration.ofSeconds(30)), error.retryAfter());
        assertEquals(1, connect.calls());
        assertEquals(List.of(), sleeper.sleeps());
    }

    @Test
    void should_mask_the_token_in_the_outcome_when_connect_echoes_it_in_a_success() throws Exception {
        // given
        connect.answers(reply(201, "{\"user_token\":\"token-1\",\"status\":\"created\"}"));

        // when
        ConnectOutcome outcome = deploy(BUDGET);

        // then
        assertEquals(json("{\"user_token\":\"***\",\"status\":\"created\"}"), outcome.response());
    }

    @Test
    void should_mask_the_token_in_the_error_when_connect_echoes_it_in_a_rejection() {
        // given
        connect.answers(reply(422, "{\"error_message\":\"token token-1 has no access to project Demo\"}"));

        // when
        ConnectRejectedException error = assertThrows(ConnectRejectedException.class, () -> deploy(BUDGET));

        // then
        assertEquals("Connect rejected the deployment (HTTP 422): token *** has no access to project Demo. "
                + "Not retried: fix the event or the DEPLOY_* defaults.", error.getMessage());
    }

    @Test
    void should_fail_as_rate_limited_when_the_retry_after_is_too_long_to_count_in_nanoseconds() {
        // given: about 317 years, which Duration holds but Duration.toNanos() cannot
        connect.answers(reply(429, "", Duration.ofSeconds(9_999_999_999L)));

        // when
        ConnectRateLimitedException error = assertThrows(ConnectRateLimitedException.class, () -> deploy(BUDGET));

        // then
        assertEquals(Optional.of(Duration.ofSeconds(9_999_999_999L)), error.retryAfter());
        assertEquals(1, connect.calls());
    }
}
