package io.connectdeployer.function;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.connectdeployer.testing.ConnectStubs.DEPLOY_UPDATE;
import static io.connectdeployer.testing.ConnectStubs.json;
import static io.connectdeployer.testing.Lambda.FUNQY_ERROR;
import static io.connectdeployer.testing.Lambda.invoke;
import static io.connectdeployer.testing.Lambda.invokeFailing;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import io.connectdeployer.testing.ConnectStubs;
import io.connectdeployer.testing.InjectWireMock;
import io.connectdeployer.testing.Resources;
import io.connectdeployer.testing.WireMockStandIns;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Direct invocation through the real Lambda path: events posted to Quarkus's mock Lambda event server, Connect and
 * Secrets Manager played by WireMock. A failed invocation comes back as HTTP 500 with Lambda's error shape
 * ({@code errorType}, {@code errorMessage}).
 */
@QuarkusTest
@QuarkusTestResource(WireMockStandIns.class)
class DeployFunctionTest {


    @InjectWireMock
    WireMockServer wireMock;

    @BeforeEach
    void resetConnect() {
        WireMockStandIns.resetConnect(wireMock);
    }

    @Test
    void should_say_what_init_took_and_prime_every_path_without_a_failure() {
        // Priming reads a routing table of its own and plans each event shape: a change that breaks one of those
        // paths shows here, not as a silently colder first event.
        String log = Resources.testLog();
        assertFalse(log.contains("priming failed"), "priming logged a failure");
        assertTrue(log.lines().anyMatch(line -> line.matches(".*init: \\d+ ms in the function's own startup \\(.*priming \\d+ ms.*")),
                "no init line naming the priming step");
    }

    @Test
    void should_send_the_seed_payload_with_defaults_merged_when_connect_answers_201() {
        connectAnswers(201, "{\"message\":\"Created\"}");

        invoke("events/direct/seed-example.json")
                .statusCode(200)
                .body("status", equalTo("created"))
                .body("deployments[0].project", equalTo("Demo"))
                .body("deployments[0].flow_id", equalTo("f-dd0c-73b9"))
                .body("deployments[0].app.name", equalTo("default_app"))
                .body("deployments[0].app.version", equalTo("v1.1"))
                .body("deployments[0].http_status", equalTo(201))
                .body("deployments[0].attempts", equalTo(1))
                .body("deployments[0].connect_response.message", equalTo("Created"));

        wireMock.verify(exactly(1), postRequestedFor(urlEqualTo(DEPLOY_UPDATE))
                .withRequestBody(equalToJson(expectedSeedPayload(WireMockStandIns.currentToken()))));
    }

    @Test
    void should_fail_as_rejected_without_retry_when_connect_answers_400() {
        connectAnswers(400, "{\"error_message\":\"Update flow f-dd0c-73b9 does not exist\"}");

        invoke("events/direct/seed-example.json")
                .statusCode(500)
                .body("errorType", equalTo(FUNQY_ERROR))
                .body("errorMessage", equalTo("io.connectdeployer.connect.ConnectRejectedException: Connect rejected the deployment (HTTP 400): Update flow f-dd0c-73b9 "
                        + "does not exist. Not retried: fix the event or the DEPLOY_* defaults."));

        wireMock.verify(exactly(1), postRequestedFor(urlEqualTo(DEPLOY_UPDATE)));
    }

    @Test
    void should_retry_after_the_rate_limit_when_connect_answers_429_then_201() {
        wireMock.stubFor(post(DEPLOY_UPDATE).inScenario("rate").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1").withBody("{}"))
                .willSetStateTo("cooled"));
        wireMock.stubFor(post(DEPLOY_UPDATE).inScenario("rate").whenScenarioStateIs("cooled")
                .willReturn(json(201, "{\"message\":\"Created\"}")));

        invoke("events/direct/seed-example.json")
                .statusCode(200)
                .body("status", equalTo("created"))
                .body("deployments[0].attempts", equalTo(2));

        wireMock.verify(exactly(2), postRequestedFor(urlEqualTo(DEPLOY_UPDATE)));
    }

    @Test
    void should_fail_as_rate_limited_after_five_attempts_when_connect_always_answers_429() {
        connectAnswers(429, "{}");

        invokeFailing("events/direct/seed-example.json", "io.connectdeployer.connect.ConnectRateLimitedException")
                .body("errorMessage", containsString("after 5 attempt(s)"));

        wireMock.verify(exactly(5), postRequestedFor(urlEqualTo(DEPLOY_UPDATE)));
    }

    @Test
    void should_fail_as_unavailable_after_five_attempts_when_connect_answers_500() {
        connectAnswers(500, "<html>Internal Server Error</html>");

        invokeFailing("events/direct/seed-example.json", "io.connectdeployer.connect.ConnectUnavailableException")
                .body("errorMessage", containsString("all 5 attempt(s); last: HTTP 500: <html>Internal Server Error</html>"));

        wireMock.verify(exactly(5), postRequestedFor(urlEqualTo(DEPLOY_UPDATE)));
    }

    @Test
    void should_fail_as_outcome_unknown_after_one_call_when_connect_never_answers_within_the_read_timeout() {
        wireMock.stubFor(post(DEPLOY_UPDATE).willReturn(json(201, "{}").withFixedDelay(3000)));

        invokeFailing("events/direct/seed-example.json", "io.connectdeployer.connect.ConnectOutcomeUnknownException")
                .body("errorMessage", containsString("the request was sent, then no answer from " + wireMock.baseUrl()));

        wireMock.verify(exactly(1), postRequestedFor(urlEqualTo(DEPLOY_UPDATE)));
    }

    @Test
    void should_not_send_again_when_the_connection_is_reset_after_connect_read_the_request() {
        wireMock.stubFor(post(DEPLOY_UPDATE).inScenario("reset").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("up"));
        wireMock.stubFor(post(DEPLOY_UPDATE).inScenario("reset").whenScenarioStateIs("up")
                .willReturn(json(201, "{\"message\":\"Created\"}")));

        invokeFailing("events/direct/seed-example.json", "io.connectdeployer.connect.ConnectOutcomeUnknownException");

        wireMock.verify(exactly(1), postRequestedFor(urlEqualTo(DEPLOY_UPDATE)));
    }

    @Test
    void should_reread_the_secret_and_retry_once_when_connect_answers_401_after_a_rotation() {
        String oldToken = WireMockStandIns.currentToken();
        String rotated = "tok-rotated-" + System.nanoTime();
        WireMockStandIns.putSecret(wireMock, rotated);
        wireMock.stubFor(post(DEPLOY_UPDATE).withRequestBody(matchingJsonPath("$.user_token", equalToJsonString(oldToken)))
                .willReturn(json(401, "{\"error_message\":\"Invalid token\"}")));
        wireMock.stubFor(post(DEPLOY_UPDATE).withRequestBody(matchingJsonPath("$.user_token", equalToJsonString(rotated)))
                .willReturn(json(201, "{\"message\":\"Created\"}")));

        invoke("events/direct/seed-example.json")
                .statusCode(200)
                .body("status", equalTo("created"))
                .body("deployments[0].attempts", equalTo(2));

        wireMock.verify(exactly(2), postRequestedFor(urlEqualTo(DEPLOY_UPDATE)));
        wireMock.verify(exactly(1), postRequestedFor(urlEqualTo(DEPLOY_UPDATE))
                .withRequestBody(equalToJson(expectedSeedPayload(rotated))));
    }

    @Test
    void should_fail_as_unauthorized_when_connect_refuses_the_reread_token_too() {
        connectAnswers(403, "{\"error_message\":\"Forbidden\"}");

        invokeFailing("events/direct/seed-example.json", "io.connectdeployer.connect.ConnectUnauthorizedException")
                .body("errorMessage", containsString("re-reading secret '" + WireMockStandIns.SECRET_ID + "'"));

        wireMock.verify(exactly(2), postRequestedFor(urlEqualTo(DEPLOY_UPDATE)));
    }

    @Test
    void should_list_every_problem_and_call_nothing_when_the_event_is_invalid() {
        connectAnswers(201, "{}");

        invoke("events/direct/several-mistakes.json")
                .statusCode(500)
                .body("errorType", equalTo(FUNQY_ERROR))
                .body("errorMessage", equalTo("io.connectdeployer.deploy.InvalidDeployEventException: Invalid deploy event, nothing was deployed (7 problems): "
                        + "$.flowid: unknown key 'flowid'; did you mean 'flow_id'?; "
                        + "$.device_filter: unknown key 'device_filter'; the simplified event takes 'groups' and 'filters' at the top level; "
                        + "$.filters[0].operand: a device_state filter takes only the operand 'is'; "
                        + "$.filters[0].value: a device_state filter takes online or offline, not 'sleeping'; "
                        + "$.filters[1].deployment_id: required for a deployment filter (the id from Connect's deployments table); "
                        + "$.app.version: must be a string, not a number (quote it: \"2\"); "
                        + "$.flow_id: required: set it in the event or in DEPLOY_FLOW_ID"));

        wireMock.verify(exactly(0), postRequestedFor(urlEqualTo(DEPLOY_UPDATE)));
    }

    @Test
    void should_return_the_masked_payload_and_call_nothing_when_dry_run() {
        invoke("events/direct/seed-example-dry-run.json")
                .statusCode(200)
                .body("status", equalTo("dry_run"))
                .body("deployments[0].attempts", equalTo(0))
                .body("deployments[0].payload.user_token", equalTo("***"))
                .body("deployments[0].payload.device_filter.filters[0].type", equalTo("device_state"))
                .body("deployments[0].payload.deployment_configuration.parameters_mapping.region", equalTo("eu"))
                .body(not(containsString(WireMockStandIns.currentToken())));

        wireMock.verify(exactly(0), postRequestedFor(urlEqualTo(DEPLOY_UPDATE)));
    }

    @Test
    void should_keep_the_token_out_of_results_errors_and_logs_when_connect_echoes_it() {
        String token = WireMockStandIns.currentToken();
        connectAnswers(400, "{\"error_message\":\"bad token " + token + "\"}");

        invoke("events/direct/seed-example.json")
                .statusCode(500)
                .body("errorMessage", containsString("bad token ***"))
                .body(not(containsString(token)));

        assertFalse(Resources.testLog().contains(token), "the token appears in the application log");
    }

    private void connectAnswers(int status, String body) {
        ConnectStubs.answers(wireMock, status, body);
    }

    private static com.github.tomakehurst.wiremock.matching.StringValuePattern equalToJsonString(String value) {
        return com.github.tomakehurst.wiremock.client.WireMock.equalTo(value);
    }

    private static String expectedSeedPayload(String token) {
        return Resources.text("connect/deploy_update-seed-example.json").replace("${token}", token);
    }
}
