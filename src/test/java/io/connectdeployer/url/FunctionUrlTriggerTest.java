package io.connectdeployer.url;

import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.connectdeployer.testing.ConnectStubs.DEPLOY_UPDATE;
import static io.connectdeployer.testing.Lambda.functionUrl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;

import io.connectdeployer.testing.ConnectStubs;
import io.connectdeployer.testing.Events;
import io.connectdeployer.testing.InjectWireMock;
import io.connectdeployer.testing.Lambda.HttpAnswer;
import io.connectdeployer.testing.Resources;
import io.connectdeployer.testing.TriggerProfile;
import io.connectdeployer.testing.WireMockStandIns;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Function URL requests (payload 2.0) carrying a deploy event, answered as HTTP responses. */
@QuarkusTest
@TestProfile(TriggerProfile.class)
@QuarkusTestResource(WireMockStandIns.class)
class FunctionUrlTriggerTest {

    private static final String PLAIN = "events/function-url/plain.json";

    @InjectWireMock
    WireMockServer wireMock;

    @BeforeEach
    void resetConnect() {
        WireMockStandIns.resetConnect(wireMock);
    }

    @Test
    void should_answer_201_with_the_result_when_the_bearer_token_matches() {
        ConnectStubs.answers(wireMock, 201, "{\"message\":\"Created\"}");

        HttpAnswer answer = functionUrl(PLAIN);

        assertEquals(201, answer.status());
        assertEquals("application/json", answer.headers().get("content-type"));
        assertEquals("created", answer.json().getString("status"));
        assertEquals("http", answer.json().getString("source"));
        assertEquals("v1.4.2", answer.json().getString("deployments[0].app.version"));
        wireMock.verify(exactly(1), postRequestedFor(urlEqualTo(DEPLOY_UPDATE))
                .withRequestBody(matchingJsonPath("$.device_filter.groups[0].name", WireMock.equalTo("beta"))));
    }

    @Test
    void should_decode_the_body_when_it_is_base64_encoded() {
        ConnectStubs.answers(wireMock, 201, "{}");

        HttpAnswer answer = functionUrl("events/function-url/base64.json");

        assertEquals(201, answer.status());
        assertEquals("v1.4.4", answer.json().getString("deployments[0].app.version"));
    }

    @Test
    void should_accept_the_request_without_a_token_when_the_url_is_iam_authenticated() {
        ConnectStubs.answers(wireMock, 201, "{}");

        assertEquals(201, functionUrl("events/function-url/iam.json").status());
        wireMock.verify(exactly(1), postRequestedFor(urlEqualTo(DEPLOY_UPDATE)));
    }

    @Test
    void should_answer_401_and_call_nothing_when_the_bearer_token_is_wrong_or_missing() {
        ConnectStubs.answers(wireMock, 201, "{}");
        ObjectNode wrong = request();
        ((ObjectNode) wrong.get("headers")).put("authorization", "Bearer not-the-token");
        ObjectNode missing = request();
        ((ObjectNode) missing.get("headers")).remove("authorization");

        HttpAnswer wrongAnswer = functionUrl(wrong);
        HttpAnswer missingAnswer = functionUrl(missing);

        assertEquals(401, wrongAnswer.status());
        assertEquals("Bearer", wrongAnswer.headers().get("www-authenticate"));
        assertEquals("The bearer token is not valid", wrongAnswer.json().getString("error.message"));
        assertEquals(401, missingAnswer.status());
        assertEquals("Missing Authorization: Bearer <token>", missingAnswer.json().getString("error.message"));
        wireMock.verify(exactly(0), postRequestedFor(urlEqualTo(DEPLOY_UPDATE)));
    }

    @Test
    void should_answer_405_with_allow_when_the_method_is_not_post() {
        ObjectNode get = request();
        ((ObjectNode) get.at("/requestContext/http")).put("method", "GET");

        HttpAnswer answer = functionUrl(get);

        assertEquals(405, answer.status());
        assertEquals("POST", answer.headers().get("allow"));
        assertEquals("RequestRejectedException", answer.json().getString("error.type"));
    }

    @Test
    void should_answer_413_and_call_nothing_when_the_body_is_over_256_kib() {
        ObjectNode huge = request();
        huge.put("body", "{\"comment\":\"" + "x".repeat(256 * 1024) + "\"}");

        assertEquals(413, functionUrl(huge).status());
        wireMock.verify(exactly(0), postRequestedFor(urlEqualTo(DEPLOY_UPDATE)));
    }

    @Test
    void should_answer_400_when_the_body_is_not_json() {
        ObjectNode broken = request();
        broken.put("body", "{\"app\": ");

        HttpAnswer answer = functionUrl(broken);

        assertEquals(400, answer.status());
        assertEquals("The request body is not valid JSON (line 1, column 9)", answer.json().getString("error.message"));
    }

    @Test
    void should_answer_422_with_every_problem_and_call_nothing_when_the_event_is_invalid() {
        ObjectNode invalid = request();
        invalid.put("body", "{\"flowid\":\"f-1\",\"groups\":[7]}");

        HttpAnswer answer = functionUrl(invalid);

        assertEquals(422, answer.status());
        assertEquals("failed", answer.json().getString("status"));
        assertEquals(List.of(
                Map.of("path", "$.flowid", "message", "unknown key 'flowid'; did you mean 'flow_id'?"),
                Map.of("path", "$.groups[0]", "message", "must be a string, not a number (quote it: \"7\")")),
                answer.json().getList("deployments[0].error.problems"));
        wireMock.verify(exactly(0), postRequestedFor(urlEqualTo(DEPLOY_UPDATE)));
    }

    @Test
    void should_answer_429_with_retry_after_when_connect_stays_rate_limited() {
        wireMock.stubFor(WireMock.post(DEPLOY_UPDATE).willReturn(ConnectStubs.json(429, "{}").withHeader("Retry-After", "0")));

        HttpAnswer answer = functionUrl(PLAIN);

        assertEquals(429, answer.status());
        assertEquals("0", answer.headers().get("retry-after"));
        assertEquals("ConnectRateLimitedException", answer.json().getString("deployments[0].error.type"));
        assertEquals(5, answer.json().getInt("deployments[0].attempts"));
    }

    @Test
    void should_answer_502_without_the_token_when_connect_fails() {
        ConnectStubs.answers(wireMock, 500, "{\"error\":\"boom " + WireMockStandIns.currentToken() + "\"}");

        HttpAnswer answer = functionUrl(PLAIN);

        assertEquals(502, answer.status());
        assertEquals("ConnectUnavailableException", answer.json().getString("deployments[0].error.type"));
        assertEquals(5, answer.json().getInt("deployments[0].attempts"));
        assertFalse(answer.body().contains(WireMockStandIns.currentToken()), "the token is in the response");
        assertFalse(answer.body().contains(WireMockStandIns.BEARER_TOKEN), "the bearer token is in the response");
        String log = Resources.testLog();
        assertFalse(log.contains(WireMockStandIns.currentToken()), "the token is in the application log");
        assertFalse(log.contains(WireMockStandIns.BEARER_TOKEN), "the bearer token is in the application log");
        assertFalse(log.contains(WireMockStandIns.WEBHOOK_SECRET), "the webhook secret is in the application log");
    }

    @Test
    void should_answer_200_with_the_payload_when_the_event_asks_for_a_dry_run() {
        ObjectNode dryRun = request();
        dryRun.put("body", "{\"app\":{\"name\":\"gateway\",\"version\":\"v9\"},\"dry_run\":true}");

        HttpAnswer answer = functionUrl(dryRun);

        assertEquals(200, answer.status());
        assertEquals("***", answer.json().getString("deployments[0].payload.user_token"));
        wireMock.verify(exactly(0), postRequestedFor(urlEqualTo(DEPLOY_UPDATE)));
    }

    @Test
    void should_deploy_the_defaults_when_the_body_is_empty() {
        ConnectStubs.answers(wireMock, 201, "{}");
        ObjectNode empty = request();
        empty.remove("body");

        HttpAnswer answer = functionUrl(empty);

        assertEquals(201, answer.status());
        assertEquals(TriggerProfile.FLOW_ID, answer.json().getString("deployments[0].flow_id"));
    }

    private static ObjectNode request() {
        return (ObjectNode) Events.load(PLAIN);
    }
}
