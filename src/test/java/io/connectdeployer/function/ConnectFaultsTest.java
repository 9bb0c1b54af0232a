package io.connectdeployer.function;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.connectdeployer.testing.ConnectStubs.DEPLOY_UPDATE;
import static io.connectdeployer.testing.ConnectStubs.json;
import static io.connectdeployer.testing.Lambda.FUNQY_ERROR;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import io.connectdeployer.testing.Events;
import io.connectdeployer.testing.InjectWireMock;
import io.connectdeployer.testing.Lambda;
import io.connectdeployer.testing.Lambda.HttpAnswer;
import io.connectdeployer.testing.Resources;
import io.connectdeployer.testing.SecretScan;
import io.connectdeployer.testing.SecretsManagerStubs;
import io.connectdeployer.testing.WireMockStandIns;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;

/**
 * Connect misbehaving, through the real Lambda path: answers slower than the read timeout (400 ms in %test),
 * connections broken mid-response, 5xx and 429 before a 201, 429 with and without Retry-After, and a 201 whose
 * body is not what Connect documents. Each asserts the result or error type, the number of requests Connect got,
 * and the attempt count in the log line (target/quarkus-test.log; failures too, since f434a6d). Refused connections and the time budget need
 * their own settings: {@link ConnectRefusedTest}, {@link ConnectDeadlineTest}.
 */
@QuarkusTest
@QuarkusTestResource(WireMockStandIns.class)
class ConnectFaultsTest {

    static final String UNAVAILABLE = "io.connectdeployer.connect.ConnectUnavailableException";
    static final String RATE_LIMITED = "io.connectdeployer.connect.ConnectRateLimitedException";
    static final String OUTCOME_UNKNOWN = "io.connectdeployer.connect.ConnectOutcomeUnknownException";
    /** %test.connect.read-timeout. */
    static final long READ_TIMEOUT_MS = 1500;
    private static final AtomicInteger VERSIONS = new AtomicInteger();

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

    // ---- slow and broken answers ------------------------------------------------------------------------------------

    /** Before, a read timeout was retried at once, five times: Connect could make the deployment up to five times. */
    @Test
    void should_send_once_and_fail_as_outcome_unknown_when_connect_answers_slower_than_the_read_timeout() {
        firstThen(json(201, "{}").withFixedDelay(3000), json(201, "{\"message\":\"Created\"}"));
        String version = version();

        long started = System.nanoTime();
        deploy(version).statusCode(500)
                .body("errorType", equalTo(FUNQY_ERROR))
                .body("errorMessage", startsWith(OUTCOME_UNKNOWN + ": Outcome unknown: Connect may have started this deployment: "
                        + "the request was sent, then no answer from " + wireMock.baseUrl() + ": "))
                .body("errorMessage", containsString(", and the deploy_update API has no list of deployments to look it up in. "
                        + "Not sent again, so the fleet cannot get it twice."));
        long elapsed = millisSince(started);

        wireMock.verify(exactly(1), postRequestedFor(urlEqualTo(DEPLOY_UPDATE)));
        assertTrue(elapsed >= READ_TIMEOUT_MS && elapsed < READ_TIMEOUT_MS + 2000, "took " + elapsed + " ms");
        assertUncertainLogged(version);
    }

    /**
     * Connect stand-ins that read the whole request, then break the connection instead of answering. (WireMock's
     * MALFORMED_RESPONSE_CHUNK is not among them: its status line, 200, arrives before the body breaks, and a 2xx is
     * Connect's answer that the deployment was made.)
     */
    @ParameterizedTest
    @EnumSource(value = Fault.class, names = { "CONNECTION_RESET_BY_PEER", "RANDOM_DATA_THEN_CLOSE", "EMPTY_RESPONSE" })
    void should_send_once_and_fail_as_outcome_unknown_when_the_connection_breaks_after_connect_read_the_request(Fault fault) {
        firstThen(aResponse().withFault(fault), json(201, "{\"message\":\"Created\"}"));
        String version = version();

        deploy(version).statusCode(500)
                .body("errorType", equalTo(FUNQY_ERROR))
                .body("errorMessage", startsWith(OUTCOME_UNKNOWN + ": Outcome unknown: Connect may have started this deployment: "
                        + "the request was sent, then no answer from " + wireMock.baseUrl() + ": "));

        wireMock.verify(exactly(1), postRequestedFor(urlEqualTo(DEPLOY_UPDATE)));
        assertUncertainLogged(version);
    }

    @ParameterizedTest
    @ValueSource(ints = { 502, 504 })
    void should_send_once_and_fail_as_outcome_unknown_when_a_gateway_answers_502_or_504(int status) {
        firstThen(json(status, "<html>Gateway Timeout</html>"), json(201, "{\"message\":\"Created\"}"));
        String version = version();

        deploy(version).statusCode(500)
                .body("errorMessage", startsWith(OUTCOME_UNKNOWN + ": Outcome unknown: Connect may have started this deployment: "
                        + "the request was sent, then HTTP " + status + " (<html>Gateway Timeout</html>), and "));

        wireMock.verify(exactly(1), postRequestedFor(urlEqualTo(DEPLOY_UPDATE)));
        assertUncertainLogged(version);
    }

    @Test
    void should_answer_502_saying_the_outcome_is_unknown_when_a_function_url_request_gets_no_answer() {
        firstThen(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), json(201, "{\"message\":\"Created\"}"));
        String version = version();

        HttpAnswer answer = functionUrl(version);

        assertEquals(502, answer.status());
        assertEquals("uncertain", answer.json().getString("status"), answer.body());
        assertEquals("uncertain", answer.json().getString("deployments[0].status"), answer.body());
        assertEquals("ConnectOutcomeUnknownException", answer.json().getString("deployments[0].error.type"), answer.body());
        assertTrue(answer.json().getString("deployments[0].error.message").startsWith("Outcome unknown: "), answer.body());
        wireMock.verify(exactly(1), postRequestedFor(urlEqualTo(DEPLOY_UPDATE)));
    }

    @ParameterizedTest
    @ValueSource(ints = { 500, 503 })
    void should_deploy_on_the_second_attempt_when_connect_answers_5xx_then_201(int status) {
        firstThen(json(status, "<html>Service Unavailable</html>"), json(201, "{\"message\":\"Created\"}"));
        String version = version();

        deploy(version).statusCode(200)
                .body("status", equalTo("created"))
                .body("deployments[0].attempts", equalTo(2));

        wireMock.verify(exactly(2), postRequestedFor(urlEqualTo(DEPLOY_UPDATE)));
        assertSuccessLogged(version, "created", 2);
    }

    // ---- rate limits ------------------------------------------------------------------------------------------------

    @Test
    void should_wait_the_retry_after_then_deploy_when_connect_answers_429_with_retry_after_then_201() {
        firstThen(aResponse().withStatus(429).withHeader("Retry-After", "1"), json(201, "{\"message\":\"Created\"}"));
        String version = version();

        long started = System.nanoTime();
        deploy(version).statusCode(200)
                .body("status", equalTo("created"))
                .body("deployments[0].attempts", equalTo(2));
        long elapsed = millisSince(started);

        wireMock.verify(exactly(2), postRequestedFor(urlEqualTo(DEPLOY_UPDATE)));
        assertTrue(elapsed >= 1000 && elapsed < 3000, "Retry-After: 1 honoured in " + elapsed + " ms");
        assertSuccessLogged(version, "created", 2);
    }

    /** Without Retry-After (or with one that is no delay and no date) the backoff applies: 5-20 ms in %test. */
    @ParameterizedTest
    @ValueSource(strings = { "", "soon", "Wed, 21 Oct 2015 07:28:00 GMT" })
    void should_back_off_briefly_then_deploy_when_connect_answers_429_without_a_usable_retry_after_then_201(String retryAfter) {
        ResponseDefinitionBuilder limited = aResponse().withStatus(429).withBody("{\"error_message\":\"Too many requests\"}");
        firstThen(retryAfter.isEmpty() ? limited : limited.withHeader("Retry-After", retryAfter), json(201, "{}"));
        String version = version();

        long started = System.nanoTime();
        deploy(version).statusCode(200)
                .body("status", equalTo("created"))
                .body("deployments[0].attempts", equalTo(2));
        long elapsed = millisSince(started);

        wireMock.verify(exactly(2), postRequestedFor(urlEqualTo(DEPLOY_UPDATE)));
        assertTrue(elapsed < 1000, "took " + elapsed + " ms");
        assertSuccessLogged(version, "created", 2);
    }

    @Test
    void should_fail_as_rate_limited_after_five_attempts_when_connect_answers_429_without_retry_after_every_time() {
        wireMock.stubFor(post(DEPLOY_UPDATE).willReturn(aResponse().withStatus(429)));
        String version = version();

        deploy(version).statusCode(500)
                .body("errorType", equalTo(FUNQY_ERROR))
                .body("errorMessage", equalTo(RATE_LIMITED + ": Connect's rate limit was still reached after 5 attempt(s). "
                        + "Lower the function's reserved concurrency or spread the triggers."));

        wireMock.verify(exactly(5), postRequestedFor(urlEqualTo(DEPLOY_UPDATE)));
        assertFailureLogged(version, 5);
    }

    @Test
    void should_fail_as_rate_limited_naming_connects_wait_when_connect_answers_429_with_retry_after_every_time() {
        wireMock.stubFor(post(DEPLOY_UPDATE).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "0")));
        String version = version();

        deploy(version).statusCode(500)
                .body("errorMessage", equalTo(RATE_LIMITED + ": Connect's rate limit was still reached after 5 attempt(s); "
                        + "it asked to retry after 0s. Lower the function's reserved concurrency or spread the triggers."));

        wireMock.verify(exactly(5), postRequestedFor(urlEqualTo(DEPLOY_UPDATE)));
        assertFailureLogged(version, 5);
    }

    @Test
    void should_answer_429_with_the_default_retry_after_when_connect_rate_limits_a_function_url_request_without_one() {
        wireMock.stubFor(post(DEPLOY_UPDATE).willReturn(aResponse().withStatus(429)));
        String version = version();

        HttpAnswer answer = functionUrl(version);

        assertEquals(429, answer.status());
        assertEquals("30", answer.headers().get("retry-after"));
        assertEquals("failed", answer.json().getString("status"));
        assertEquals("ConnectRateLimitedException", answer.json().getString("deployments[0].error.type"));
        assertEquals(5, answer.json().getInt("deployments[0].attempts"));
        wireMock.verify(exactly(5), postRequestedFor(urlEqualTo(DEPLOY_UPDATE)));
        assertFailureLogged(version, 5);
    }

    // ---- a 201 whose body is not what Connect documents ------------------------------------------------------------

    static Stream<Arguments> unexpectedBodies() {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        return Stream.of(
                Arguments.of("not JSON", "text/plain", "Created", nodes.textNode("Created")),
                Arguments.of("empty", "application/json", "", MissingNode.getInstance()),
                Arguments.of("HTML", "text/html", "<html><body><h1>201 Created</h1></body></html>",
                        nodes.textNode("<html><body><h1>201 Created</h1></body></html>")),
                Arguments.of("JSON labelled as HTML", "text/html", "{\"deployment_id\":\"dp-1\"}",
                        nodes.objectNode().put("deployment_id", "dp-1")),
                Arguments.of("cut-off JSON", "application/json", "{\"deployment_id\":", nodes.textNode("{\"deployment_id\":")),
                Arguments.of("a JSON array", "application/json", "[1,2]", nodes.arrayNode().add(1).add(2)),
                Arguments.of("2,000 characters of text", "text/plain", "x".repeat(2000), nodes.textNode("x".repeat(500) + "...")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unexpectedBodies")
    void should_report_created_once_with_the_body_as_connect_sent_it_when_a_201_has_an_unexpected_body(String what,
            String contentType, String body, JsonNode expected) {
        wireMock.stubFor(post(DEPLOY_UPDATE).willReturn(aResponse().withStatus(201).withHeader("Content-Type", contentType).withBody(body)));
        String version = version();

        String result = deploy(version).statusCode(200)
                .body("status", equalTo("created"))
                .body("deployments[0].http_status", equalTo(201))
                .body("deployments[0].attempts", equalTo(1))
                .extract().asString();

        assertEquals(expected, Events.parse(result).at("/deployments/0/connect_response"), what);
        wireMock.verify(exactly(1), postRequestedFor(urlEqualTo(DEPLOY_UPDATE)));
        assertSuccessLogged(version, "created", 1);
    }

    // ---- the secret rotated between two invocations ---------------------------------------------------------------

    @Test
    void should_keep_the_cached_token_until_connect_refuses_it_then_read_the_secret_once_when_it_rotates_between_invocations() {
        String before = WireMockStandIns.currentToken();
        acceptOnly(before);
        deploy(version()).statusCode(200).body("deployments[0].attempts", equalTo(1));

        String rotated = SecretScan.rotatedIn("tok-faults-rotated-" + System.nanoTime());
        WireMockStandIns.putSecret(wireMock, rotated);
        WireMockStandIns.resetConnect(wireMock);
        acceptOnly(rotated);
        String second = version();
        String third = version();

        deploy(second).statusCode(200).body("status", equalTo("created")).body("deployments[0].attempts", equalTo(2));
        deploy(third).statusCode(200).body("status", equalTo("created")).body("deployments[0].attempts", equalTo(1));

        wireMock.verify(exactly(1), postRequestedFor(urlEqualTo(DEPLOY_UPDATE))
                .withRequestBody(matchingJsonPath("$.user_token", WireMock.equalTo(before))));
        wireMock.verify(exactly(2), postRequestedFor(urlEqualTo(DEPLOY_UPDATE))
                .withRequestBody(matchingJsonPath("$.user_token", WireMock.equalTo(rotated))));
        wireMock.verify(exactly(1), SecretsManagerStubs.readsOf(WireMockStandIns.SECRET_ID));
        assertSuccessLogged(second, "created", 2);
        assertSuccessLogged(third, "created", 1);
    }

    // ---- the attempt count of a failure -----------------------------------------------------------------------------

    /** Every failure that reached Connect logs its attempt count ("attempts=N"; mdc.attempts in the JSON format), final or not. */
    @ParameterizedTest(name = "HTTP {0} forever: attempts={1}")
    @CsvSource({ "500, 5", "429, 5", "400, 1", "403, 2" })
    void should_log_the_attempt_count_when_a_deployment_fails(int status, int attempts) {
        wireMock.stubFor(post(DEPLOY_UPDATE).willReturn(json(status, "{\"error_message\":\"no\"}")));
        String version = version();

        deploy(version).statusCode(500);

        wireMock.verify(exactly(attempts), postRequestedFor(urlEqualTo(DEPLOY_UPDATE)));
        assertFailureLogged(version, attempts);
    }

    // ---- helpers ----------------------------------------------------------------------------------------------------

    /** A direct deploy event whose app version names this case in the log line ({@code app=faults@<version>}). */
    static String event(String version) {
        return "{\"project\":\"Demo\",\"flow_id\":\"f-faults-0001\",\"app\":{\"name\":\"faults\",\"version\":\"" + version + "\"}}";
    }

    static String version() {
        return "v" + System.currentTimeMillis() + "-" + VERSIONS.incrementAndGet();
    }

    /** Invokes the function with {@link #event(String)}; the answer is captured for the secret scan. */
    static ValidatableResponse deploy(String version) {
        Response response = given().contentType("application/json").body(event(version)).when().post();
        SecretScan.captured(response.asString());
        return response.then();
    }

    /** The same event as an IAM-authenticated Function URL request (no bearer secret needed). */
    static HttpAnswer functionUrl(String version) {
        ObjectNode request = (ObjectNode) Events.load("events/function-url/iam.json");
        request.put("body", event(version));
        HttpAnswer answer = Lambda.functionUrl(request);
        SecretScan.captured(answer.body());
        return answer;
    }

    private void firstThen(ResponseDefinitionBuilder first, ResponseDefinitionBuilder then) {
        String scenario = "first-then-" + System.nanoTime();
        wireMock.stubFor(post(DEPLOY_UPDATE).inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(first).willSetStateTo("answered"));
        wireMock.stubFor(post(DEPLOY_UPDATE).inScenario(scenario).whenScenarioStateIs("answered").willReturn(then));
    }

    /** 201 for this token, 401 for any other, as Connect treats a token it no longer accepts. */
    private void acceptOnly(String token) {
        wireMock.stubFor(post(DEPLOY_UPDATE).atPriority(5).willReturn(json(401, "{\"error_message\":\"Invalid token\"}")));
        wireMock.stubFor(post(DEPLOY_UPDATE).atPriority(1).withRequestBody(matchingJsonPath("$.user_token", WireMock.equalTo(token)))
                .willReturn(json(201, "{\"message\":\"Created\"}")));
    }

    static long millisSince(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos).toMillis();
    }

    /** The one invocation log line for this case's event that starts with {@code prefix} ("deploy created:", ...). */
    static String logLine(String version, String prefix) {
        List<String> lines = Resources.testLog().lines()
                .filter(line -> line.contains("[io.con.invocation]") && line.contains(" " + prefix + " ")
                        && line.contains(" app=faults@" + version + " attempts="))
                .toList();
        assertEquals(1, lines.size(), "log lines for " + version + ": " + lines);
        return lines.get(0);
    }

    /**
     * How long the function says the deployment took ({@code duration=<ms>}): from its start, so unlike a time taken
     * around the request it leaves out the mock event server and the test's client, as Lambda's timeout does.
     */
    static long loggedMillis(String line) {
        Matcher duration = Pattern.compile(" duration=(\\d+)ms").matcher(line);
        assertTrue(duration.find(), line);
        return Long.parseLong(duration.group(1));
    }

    static void assertSuccessLogged(String version, String outcome, int attempts) {
        String line = logLine(version, "deploy " + outcome + ":");
        assertTrue(line.contains(" attempts=" + attempts + " "), line);
    }

    /** The uncertain line: one call, and the error. */
    static void assertUncertainLogged(String version) {
        String line = logLine(version, "deploy uncertain:");
        assertTrue(line.contains(" attempts=1 ") && line.contains(" error=Outcome unknown: "), line);
    }

    /** The failure line, with the error and the number of calls Connect got. */
    static void assertFailureLogged(String version, int attempts) {
        String line = logLine(version, "deploy failed:");
        assertTrue(line.contains(" attempts=" + attempts + " ") && line.contains(" error="), line);
    }
}
