package io.connectdeployer.url;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.connectdeployer.testing.ConnectStubs.DEPLOY_UPDATE;
import static io.connectdeployer.testing.Lambda.functionUrl;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.connectdeployer.testing.ConnectStubs;
import io.connectdeployer.testing.Events;
import io.connectdeployer.testing.GitHubDeliveries;
import io.connectdeployer.testing.HandOffProfile;
import io.connectdeployer.testing.InjectWireMock;
import io.connectdeployer.testing.Lambda;
import io.connectdeployer.testing.Lambda.HttpAnswer;
import io.connectdeployer.testing.WireMockStandIns;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * GITHUB_HANDOFF_TARGET set: a verified release is handed to an asynchronous invocation (Lambda's Invoke API
 * played by WireMock) and GitHub gets 202 at once; the handed-off event, replayed into the function, deploys.
 */
@QuarkusTest
@TestProfile(HandOffProfile.class)
@QuarkusTestResource(WireMockStandIns.class)
class GitHubHandOffTest {

    private static final String DELIVERY = "b7e1c2d3-0000-4000-8000-0000000000a1";

    @InjectWireMock
    WireMockServer wireMock;

    @BeforeEach
    void reset() {
        WireMockStandIns.resetConnect(wireMock);
        ConnectStubs.answers(wireMock, 201, "{\"message\":\"Created\"}");
    }

    private void lambdaAnswers(int status, String errorType) {
        wireMock.stubFor(post(HandOffProfile.INVOKE_PATH).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withHeader("x-amzn-ErrorType", errorType == null ? "" : errorType)
                .withBody(errorType == null ? "" : "{\"Type\":\"User\",\"message\":\"denied\"}")));
    }

    @Test
    void should_hand_only_what_the_deployment_needs_to_an_async_invocation_and_answer_202_accepted() {
        lambdaAnswers(202, null);
        Instant published = Instant.now().minusSeconds(600).truncatedTo(ChronoUnit.SECONDS);

        HttpAnswer answer = functionUrl(GitHubDeliveries.release("released", published, DELIVERY));

        assertEquals(202, answer.status());
        assertEquals("accepted", answer.json().getString("status"));
        assertEquals(DELIVERY, answer.json().getString("event_id"));
        assertEquals("handed to an asynchronous invocation, which deploys it", answer.json().getString("deployments[0].reason"));
        wireMock.verify(exactly(0), postRequestedFor(urlEqualTo(DEPLOY_UPDATE)));
        wireMock.verify(exactly(1), postRequestedFor(urlEqualTo(HandOffProfile.INVOKE_PATH))
                .withHeader("X-Amz-Invocation-Type", WireMock.equalTo("Event"))
                .withRequestBody(equalToJson("""
                        {"github_release_handoff": {"event": "release", "delivery": "%s", "received_at": "${json-unit.any-string}",
                          "payload": {"action": "released",
                            "repository": {"name": "gateway-firmware", "full_name": "octo-org/gateway-firmware"},
                            "release": {"id": 187654321, "tag_name": "v1.4.2", "name": "Gateway 1.4.2",
                              "html_url": "https://github.com/octo-org/gateway-firmware/releases/tag/v1.4.2",
                              "published_at": "%s", "draft": false, "prerelease": false}}}}
                        """.formatted(DELIVERY, published))));
    }

    @Test
    void should_deploy_the_release_when_the_handed_off_event_is_invoked() {
        lambdaAnswers(202, null);
        functionUrl(GitHubDeliveries.released(DELIVERY));
        List<LoggedRequest> invocations = wireMock.findAll(postRequestedFor(urlEqualTo(HandOffProfile.INVOKE_PATH)));

        Lambda.invoke(Events.parse(invocations.get(0).getBodyAsString()))
                .statusCode(200)
                .body("status", equalTo("created"))
                .body("source", equalTo("github"))
                .body("event_id", equalTo(DELIVERY));

        wireMock.verify(exactly(1), postRequestedFor(urlEqualTo(DEPLOY_UPDATE))
                .withRequestBody(equalToJson(GitHubDeliveries.deployUpdate(WireMockStandIns.currentToken(), "f-trigger-0001"))));
    }

    @Test
    void should_answer_503_so_github_shows_a_failed_delivery_when_lambda_refuses_the_hand_off() {
        lambdaAnswers(403, "AccessDeniedException");

        HttpAnswer answer = functionUrl(GitHubDeliveries.released(DELIVERY));

        assertEquals(503, answer.status());
        assertEquals("HandOffFailedException", answer.json().getString("error.type"));
        assertEquals(DELIVERY, answer.json().getString("event_id"));
        wireMock.verify(exactly(0), postRequestedFor(urlEqualTo(DEPLOY_UPDATE)));
    }

    @Test
    void should_answer_at_once_and_hand_nothing_off_when_the_delivery_does_not_deploy() {
        lambdaAnswers(202, null);
        ObjectNode published = GitHubDeliveries.release("published", Instant.now(), DELIVERY);

        HttpAnswer answer = functionUrl(published);

        assertEquals(202, answer.status());
        assertEquals("ignored", answer.json().getString("status"));
        wireMock.verify(exactly(0), postRequestedFor(urlEqualTo(HandOffProfile.INVOKE_PATH)));
    }
}
