package io.connectdeployer.function;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.connectdeployer.function.ConnectFaultsTest.RATE_LIMITED;
import static io.connectdeployer.function.ConnectFaultsTest.UNAVAILABLE;
import static io.connectdeployer.function.ConnectFaultsTest.assertFailureLogged;
import static io.connectdeployer.function.ConnectFaultsTest.deploy;
import static io.connectdeployer.function.ConnectFaultsTest.functionUrl;
import static io.connectdeployer.function.ConnectFaultsTest.logLine;
import static io.connectdeployer.function.ConnectFaultsTest.loggedMillis;
import static io.connectdeployer.function.ConnectFaultsTest.millisSince;
import static io.connectdeployer.function.ConnectFaultsTest.version;
import static io.connectdeployer.testing.ConnectStubs.DEPLOY_UPDATE;
import static io.connectdeployer.testing.ConnectStubs.json;
import static io.connectdeployer.testing.DeadlineProfile.BUDGET_MS;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.connectdeployer.testing.DeadlineProfile;
import io.connectdeployer.testing.InjectWireMock;
import io.connectdeployer.testing.Lambda.HttpAnswer;
import io.connectdeployer.testing.SecretScan;
import io.connectdeployer.testing.WireMockStandIns;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * CONNECT_TIME_BUDGET of 1.5 s: neither an attempt (up to 800 ms: connect and read timeouts of 400 ms) nor a wait
 * followed by one is started unless it ends within it. The elapsed times are asserted loosely (budget + 2 s): this
 * is the deadline contract, not a benchmark. {@link FunctionTimeoutTest} derives the deadline from FUNCTION_TIMEOUT.
 */
@QuarkusTest
@TestProfile(DeadlineProfile.class)
@QuarkusTestResource(WireMockStandIns.class)
class ConnectDeadlineTest {

    private static final long DEADLINE_MS = BUDGET_MS + 2000;

    @InjectWireMock
    WireMockServer wireMock;

    @BeforeEach
    void resetConnect() {
        WireMockStandIns.resetConnect(wireMock);
    }

    @AfterAll
    static void secretsStaySecret() {
        SecretScan.assertNothingLeaked();
    }

    @Test
    void should_fail_as_rate_limited_after_one_attempt_at_once_when_connects_retry_after_is_past_the_budget() {
        wireMock.stubFor(post(DEPLOY_UPDATE).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "30")));
        String version = version();

        long started = System.nanoTime();
        deploy(version).statusCode(500)
                .body("errorMessage", equalTo(RATE_LIMITED + ": Connect's rate limit was still reached after 1 attempt(s); "
                        + "it asked to retry after 30s. Lower the function's reserved concurrency or spread the triggers."));
        long elapsed = millisSince(started);

        // The function's own duration: the test's wall clock also holds a loaded machine's request overhead.
        long took = loggedMillis(logLine(version, "deploy failed:"));
        assertTrue(took < DEADLINE_MS, "the function took " + took + " ms (the request " + elapsed + " ms)");
        wireMock.verify(exactly(1), postRequestedFor(urlEqualTo(DEPLOY_UPDATE)));
        assertFailureLogged(version, 1);
    }

    /** A wait of 1 s fits in the 1.5 s, but the attempt after it (up to 800 ms: connect and read timeouts) does not. */
    @Test
    void should_not_wait_for_connects_retry_after_when_the_attempt_after_it_would_end_past_the_budget() {
        wireMock.stubFor(post(DEPLOY_UPDATE).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")));
        String version = version();

        long started = System.nanoTime();
        deploy(version).statusCode(500)
                .body("errorMessage", startsWith(RATE_LIMITED + ": Connect's rate limit was still reached after 1 attempt(s); "
                        + "it asked to retry after 1s."));
        long elapsed = millisSince(started);

        assertTrue(elapsed < 1000, "no wait: took " + elapsed + " ms");
        wireMock.verify(exactly(1), postRequestedFor(urlEqualTo(DEPLOY_UPDATE)));
        assertFailureLogged(version, 1);
    }

    @Test
    void should_answer_429_with_connects_retry_after_at_once_when_it_is_past_the_budget_of_a_function_url_request() {
        wireMock.stubFor(post(DEPLOY_UPDATE).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "30")));

        String version = version();
        long started = System.nanoTime();
        HttpAnswer answer = functionUrl(version);
        long elapsed = millisSince(started);

        assertEquals(429, answer.status());
        assertEquals("30", answer.headers().get("retry-after"));
        assertEquals("ConnectRateLimitedException", answer.json().getString("deployments[0].error.type"));
        assertEquals(1, answer.json().getInt("deployments[0].attempts"));
        long took = loggedMillis(logLine(version, "deploy failed:"));
        assertTrue(took < DEADLINE_MS, "the function took " + took + " ms (the request " + elapsed + " ms)");
        wireMock.verify(exactly(1), postRequestedFor(urlEqualTo(DEPLOY_UPDATE)));
    }

    /**
     * Answers use the budget up too: 503s after 100 ms each (well within the read timeout, so each is an answer, not a
     * lost one) are retried only while an attempt's 800 ms (connect plus read timeout) fit in what is left, so after
     * about 0.7 s of the 1.5 s, long before CONNECT_MAX_ATTEMPTS (20 here). (A read timeout is not retried at all:
     * see ConnectFaultsTest.)
     */
    @Test
    void should_stop_before_the_maximum_attempts_when_503_answers_use_up_the_budget() {
        wireMock.stubFor(post(DEPLOY_UPDATE).willReturn(json(503, "{\"message\":\"busy\"}").withFixedDelay(100)));
        String version = version();

        long started = System.nanoTime();
        String message = deploy(version).statusCode(500)
                .body("errorMessage", startsWith(UNAVAILABLE + ": Connect was unavailable on all "))
                .extract().path("errorMessage");
        long elapsed = millisSince(started);

        Matcher attempts = Pattern.compile("on all (\\d+) attempt\\(s\\)").matcher(message);
        assertTrue(attempts.find(), message);
        int count = Integer.parseInt(attempts.group(1));
        // About seven on a quiet machine (fewer on a loaded one); never all twenty.
        assertTrue(count >= 1 && count < 20, "attempts within a 1.5 s budget at 100 ms each: " + count);
        assertTrue(message.contains("(no time was left for another attempt before the deadline)"), message);
        wireMock.verify(exactly(count), postRequestedFor(urlEqualTo(DEPLOY_UPDATE)));
        // Generous slack around the request for a loaded 2-core runner; the function itself ends within the budget.
        assertTrue(elapsed < DEADLINE_MS + 3000, "took " + elapsed + " ms");
        assertFailureLogged(version, count);
        // Ended with our error before the function's timeout: the guarantee; how close to the budget is bench/'s.
        long took = loggedMillis(logLine(version, "deploy failed:"));
        assertTrue(took < DEADLINE_MS, "the function took " + took + " ms");
    }
}
