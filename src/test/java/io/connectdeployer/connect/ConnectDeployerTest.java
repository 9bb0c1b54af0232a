package io.connectdeployer.connect;

import static io.connectdeployer.testing.FakeConnectClient.reply;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.connectdeployer.deadline.DeadlineExceededException;
import io.connectdeployer.testing.FakeConnectClient;
import io.connectdeployer.testing.FakeNanoClock;
import io.connectdeployer.testing.FakeTokenProvider;
import io.connectdeployer.testing.Reconcilers;
import io.connectdeployer.testing.RecordingSleeper;
import io.connectdeployer.testing.Requests;
import io.connectdeployer.testing.TestDeadlines;

class ConnectDeployerTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** With random fixed at 0.5 the backoff waits are 50, 100 and 200 ms; an attempt may take 1 s. */
    private static final RetryPolicy POLICY = new RetryPolicy(4, Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(1));
    private static final Duration BUDGET = Duration.ofSeconds(10);
    /** The Terraform module's defaults: 5 attempts, 500 ms base delay, 8 s cap; connect 3 s + read 10 s. */
    private static final RetryPolicy MODULE_DEFAULTS = new RetryPolicy(5, Duration.ofMillis(500), Duration.ofSeconds(8),
            Duration.ofSeconds(13));
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);
    private static final String CREATED = "{\"deployment_id\":\"dp-1\"}";

    private final FakeConnectClient connect = new FakeConnectClient();
    private final FakeTokenProvider tokens = new FakeTokenProvider("token-1", "token-2");
    private final FakeNanoClock clock = new FakeNanoClock();
    private final RecordingSleeper sleeper = new RecordingSleeper(clock);

    private ConnectOutcome deploy(Duration budget) {
        return deploy(POLICY, budget);
    }

    /** Deploys with this policy under a deadline of {@code budget} on the test's clock, which starts now. */
    private ConnectOutcome deploy(RetryPolicy policy, Duration budget) {
        ConnectDeployer deployer = new ConnectDeployer(connect, tokens, policy, sleeper, clock, () -> 0.5,
                new ConnectBodies(MAPPER), Reconcilers.deployUpdate(connect));
        return deployer.deploy(Requests.seedExample(), TestDeadlines.after(budget, clock));
    }

    private static JsonNode json(String text) throws Exception {
        return MAPPER.readTree(text);
    }

    /** Connect's 201 with {@link #CREATED}, after {@code attempts}, at this cost. */
    private static ConnectOutcome created(int attempts, ConnectCalls calls) throws Exception {
        return new ConnectOutcome(201, attempts, json(CREATED), null, calls);
    }

    @Test
    void should_report_each_call_time_and_the_rate_limit_waits_when_connect_is_slow_then_answers_429_then_201() throws Exception {
        // given
        connect.answersAfter(clock, Duration.ofMillis(120), reply(429, "", Duration.ofSeconds(2)))
                .answersAfter(clock, Duration.ofMillis(80), reply(201, CREATED));

        // when
        ConnectOutcome outcome = deploy(BUDGET);

        // then
        assertEquals(new ConnectCalls(List.of(120L, 80L), 1, 0), outcome.calls());
        assertEquals(List.of(Duration.ofSeconds(2)), sleeper.sleeps());
    }

    @Test
    void should_carry_the_calls_and_the_token_rereads_on_the_failure_when_connect_answers_401_twice() {
        // given
        connect.answersAfter(clock, Duration.ofMillis(30), reply(401, "{}")).answersAfter(clock, Duration.ofMillis(40), reply(403, "{}"));

        // when
        ConnectUnauthorizedException error = assertThrows(ConnectUnauthorizedException.class, () -> deploy(BUDGET));

        // then
        assertEquals(new ConnectCalls(List.of(30L, 40L), 0, 1), error.connectCalls());
        assertEquals(2, error.attempts());
    }

    @Test
    void should_return_the_outcome_after_one_attempt_when_connect_answers_201() throws Exception {
        // given
        connect.answers(reply(201, CREATED));

        // when
        ConnectOutcome outcome = deploy(BUDGET);

        // then
        assertEquals(created(1, new ConnectCalls(List.of(0L), 0, 0)), outcome);
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
        assertEquals(created(2, new ConnectCalls(List.of(0L, 0L), 1, 0)), outcome);
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
    void should_retry_and_succeed_when_the_first_call_never_reached_connect() throws Exception {
        // given
        connect.failsToConnect("could not reach http://connect: ConnectException (Connection refused)").answers(reply(201, CREATED));

        // when
        ConnectOutcome outcome = deploy(BUDGET);

        // then
        assertEquals(created(2, new ConnectCalls(List.of(0L, 0L), 0, 0)), outcome);
        assertEquals(2, connect.calls());
        assertEquals(List.of(Duration.ofMillis(50)), sleeper.sleeps());
    }

    @Test
    void should_reread_the_token_once_and_retry_with_it_when_connect_answers_401_then_201() throws Exception {
        // given
        connect.answers(reply(401, "{\"error_message\":\"Unauthorized\"}"), reply(201, CREATED));

        // when
        ConnectOutcome outcome = deploy(BUDGET);

        // then
        assertEquals(created(2, new ConnectCalls(List.of(0L, 0L), 0, 1)), outcome);
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
        // given: a wait of 50 ms and an attempt of 1 s fit in the budget; then 100 ms and 1 s no longer do
        connect.answers(reply(503, "Service Unavailable"));

        // when
        ConnectUnavailableException error = assertThrows(ConnectUnavailableException.class,
                () -> deploy(Duration.ofMillis(1120)));

        // then
        assertEquals("Connect was unavailable on all 2 attempt(s); last: HTTP 503: Service Unavailable (no time was left "
                + "for another attempt before the deadline). Check CONNECT_API_URL and Connect's status; the event is kept "
                + "by Lambda's retry and dead-letter queue.", error.getMessage());
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

    // ---- the deadline: an attempt starts only when its timeouts fit in what is left -------------------------------

    /**
     * The module's defaults against a Connect that never reaches: attempts at 0 and 10.25 s each wait out the 10 s
     * (here: connect) timeout; a third would start at 20.75 s and could end at 33.75 s, past the 25 s deadline, so it
     * is not started. (Before, it started at 21 s and the invocation ran past Lambda's 30 s timeout.)
     */
    @Test
    void should_stop_after_two_attempts_within_the_deadline_when_connect_never_accepts_the_connection_with_the_module_defaults() {
        // given
        connect.neverConnects(clock, READ_TIMEOUT);
        long started = clock.getAsLong();

        // when
        ConnectUnavailableException error = assertThrows(ConnectUnavailableException.class,
                () -> deploy(MODULE_DEFAULTS, Duration.ofSeconds(25)));

        // then
        assertEquals("Connect was unavailable on all 2 attempt(s); last: could not reach http://connect: ConnectTimeoutException "
                + "(no time was left for another attempt before the deadline). Check CONNECT_API_URL and Connect's status; "
                + "the event is kept by Lambda's retry and dead-letter queue.", error.getMessage());
        assertEquals(2, error.attempts());
        assertEquals(2, connect.calls());
        assertEquals(List.of(Duration.ofMillis(250)), sleeper.sleeps());
        assertEquals(Duration.ofMillis(20_250), Duration.ofNanos(clock.getAsLong() - started));
    }

    /** Before, a read timeout was retried at once: Connect could make the deployment twice. */
    @Test
    void should_not_send_again_and_fail_as_outcome_unknown_when_connect_never_answers_a_request_it_received() {
        // given
        connect.neverAnswers(clock, READ_TIMEOUT);

        // when
        ConnectOutcomeUnknownException error = assertThrows(ConnectOutcomeUnknownException.class,
                () -> deploy(MODULE_DEFAULTS, Duration.ofSeconds(25)));

        // then
        assertEquals("Outcome unknown: Connect may have started this deployment: the request was sent, then no answer from "
                + "http://connect: SocketTimeoutException, and the deploy_update API has no list of deployments to look it up"
                + " in. Not sent again, so the fleet cannot get it twice. Check Connect's deployments (README, \"Outcome "
                + "unknown\"): if it is not there, clear the claim and redrive the event. Look for: project Demo, flow "
                + "f-dd0c-73b9, app default_app v1.1.", error.getMessage());
        assertEquals(1, error.attempts());
        assertEquals(1, connect.calls());
        assertEquals(502, error.httpStatus());
        assertEquals(List.of(), sleeper.sleeps());
    }

    @ParameterizedTest
    @ValueSource(ints = { 502, 504 })
    void should_not_send_again_when_a_gateway_in_front_of_connect_answers_502_or_504(int status) {
        // given
        connect.answers(reply(status, "<html>Gateway Timeout</html>"), reply(201, CREATED));

        // when
        ConnectOutcomeUnknownException error = assertThrows(ConnectOutcomeUnknownException.class, () -> deploy(BUDGET));

        // then
        assertTrue(error.getMessage().startsWith("Outcome unknown: Connect may have started this deployment: the request was"
                + " sent, then HTTP " + status + " (<html>Gateway Timeout</html>), and "), error.getMessage());
        assertEquals(1, connect.calls());
    }

    @ParameterizedTest
    @ValueSource(ints = { 500, 503 })
    void should_retry_when_connect_itself_answers_500_or_503(int status) throws Exception {
        // given
        connect.answers(reply(status, "{\"message\":\"busy\"}"), reply(201, CREATED));

        // when
        ConnectOutcome outcome = deploy(BUDGET);

        // then
        assertEquals(created(2, new ConnectCalls(List.of(0L, 0L), 0, 0)), outcome);
    }

    @Test
    void should_fail_out_of_time_without_calling_connect_when_not_even_one_attempt_fits_in_what_is_left() {
        // given
        connect.answers(reply(201, CREATED));

        // when
        DeadlineExceededException error = assertThrows(DeadlineExceededException.class,
                () -> deploy(MODULE_DEFAULTS, Duration.ofSeconds(12)));

        // then
        assertEquals("Out of time before calling Connect, whose attempts may take 13s (CONNECT_CONNECT_TIMEOUT + "
                + "CONNECT_READ_TIMEOUT): 12s left of the test's 12s. Nothing further was attempted.", error.getMessage());
        assertEquals(0, connect.calls());
        assertEquals(504, error.httpStatus());
        assertEquals(true, error.retryable());
    }

    @Test
    void should_not_wait_for_connects_retry_after_when_the_attempt_after_it_would_not_fit() {
        // given: 3 s of Retry-After fit in the 3.5 s left, 3 s and a 1 s attempt do not
        connect.answers(reply(429, "", Duration.ofSeconds(3)), reply(201, CREATED));

        // when
        ConnectRateLimitedException error = assertThrows(ConnectRateLimitedException.class, () -> deploy(Duration.ofMillis(3500)));

        // then
        assertEquals(1, connect.calls());
        assertEquals(List.of(), sleeper.sleeps());
        assertEquals(Optional.of(Duration.ofSeconds(3)), error.retryAfter());
    }

    @Test
    void should_call_connect_once_and_not_reread_the_token_when_max_attempts_is_one_and_connect_answers_401() {
        // given
        connect.answers(reply(401, "{\"error_message\":\"Unauthorized\"}"), reply(201, CREATED));
        RetryPolicy oneAttempt = new RetryPolicy(1, Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(1));

        // when
        ConnectUnauthorizedException error = assertThrows(ConnectUnauthorizedException.class, () -> deploy(oneAttempt, BUDGET));

        // then
        assertEquals("Connect refused the user token (HTTP 401) from secret 'connect/token', and no attempt was left to read "
                + "it again (CONNECT_MAX_ATTEMPTS=1; a rotated token needs one attempt more). Put a valid Connect token in "
                + "it (CONNECT_TOKEN_SECRET_ID); check CONNECT_API_DIALECT matches the token kind.", error.getMessage());
        assertEquals(1, connect.calls());
        assertEquals(0, tokens.refreshes());
        assertEquals(1, error.attempts());
    }

    @Test
    void should_fail_out_of_time_after_one_call_when_rereading_the_token_leaves_no_time_for_the_next() {
        // given: the secret takes 9.5 s to read again, leaving 0.5 s of 10 s for an attempt of 1 s
        connect.answers(reply(403, "{\"error_message\":\"Forbidden\"}"), reply(201, CREATED));
        tokens.refreshTakes(clock, Duration.ofMillis(9500));

        // when
        DeadlineExceededException error = assertThrows(DeadlineExceededException.class, () -> deploy(BUDGET));

        // then
        assertEquals("Out of time before calling Connect again with the token read again after HTTP 403: 500ms left of the "
                + "test's 10s. Nothing further was attempted.", error.getMessage());
        assertEquals(1, connect.calls());
        assertEquals(1, error.attempts());
    }
}
