package io.connectdeployer.function;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.connectdeployer.testing.ConnectStubs.DEPLOY_UPDATE;
import static io.connectdeployer.testing.Lambda.functionUrl;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.connectdeployer.testing.ConnectStubs;
import io.connectdeployer.testing.Events;
import io.connectdeployer.testing.InjectWireMock;
import io.connectdeployer.testing.Lambda.HttpAnswer;
import io.connectdeployer.testing.TriggerProfile;
import io.connectdeployer.testing.WireMockStandIns;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** GitHub webhook deliveries through the Function URL, signed with the secret in GITHUB_WEBHOOK_SECRET_ID. */
@QuarkusTest
@TestProfile(TriggerProfile.class)
@QuarkusTestResource(WireMockStandIns.class)
class GitHubWebhookTest {

    @InjectWireMock
    WireMockServer wireMock;

    @BeforeEach
    void resetConnect() {
        WireMockStandIns.resetConnect(wireMock);
        ConnectStubs.answers(wireMock, 201, "{\"message\":\"Created\"}");
    }

    @Test
    void should_deploy_the_tag_as_the_repository_app_when_a_release_is_published() {
        HttpAnswer answer = functionUrl("events/github/release-published.json");

        assertEquals(201, answer.status());
        assertEquals("github", answer.json().getString("source"));
        assertEquals(delivery("events/github/release-published.json"), answer.json().getString("event_id"));
        wireMock.verify(exactly(1), postRequestedFor(urlEqualTo(DEPLOY_UPDATE)).withRequestBody(equalToJson("""
                {"user_token": "%s",
                 "device_filter": {"project": {"name": "Demo"}, "groups": [],
                                   "filters": [{"type": "device_state", "operand": "is", "value": "online"}]},
                 "deployment_configuration": {"flow_id": "%s",
                   "comment": "octo-org/gateway-firmware v1.4.2 \\"Gateway 1.4.2\\" https://github.com/octo-org/gateway-firmware/releases/tag/v1.4.2",
                   "app": {"name": "gateway-firmware", "version": "v1.4.2"},
                   "parameters_mapping": {"region": "eu"}}}
                """.formatted(WireMockStandIns.currentToken(), TriggerProfile.FLOW_ID))));
    }

    @Test
    void should_answer_401_and_call_nothing_when_the_signature_is_wrong() {
        HttpAnswer answer = functionUrl("events/github/release-published-bad-signature.json");

        assertEquals(401, answer.status());
        assertEquals("The x-hub-signature-256 does not match the body: check the webhook's secret",
                answer.json().getString("error.message"));
        wireMock.verify(exactly(0), postRequestedFor(urlEqualTo(DEPLOY_UPDATE)));
    }

    @Test
    void should_answer_401_and_call_nothing_when_the_delivery_is_unsigned() {
        HttpAnswer answer = functionUrl("events/github/release-published-unsigned.json");

        assertEquals(401, answer.status());
        assertEquals("github", answer.json().getString("source"));
        wireMock.verify(exactly(0), postRequestedFor(urlEqualTo(DEPLOY_UPDATE)));
    }

    @Test
    void should_answer_200_when_github_pings() {
        HttpAnswer answer = functionUrl("events/github/ping.json");

        assertEquals(200, answer.status());
        wireMock.verify(exactly(0), postRequestedFor(urlEqualTo(DEPLOY_UPDATE)));
    }

    @Test
    void should_answer_202_ignored_when_the_release_is_a_prerelease() {
        HttpAnswer answer = functionUrl("events/github/release-prerelease.json");

        assertEquals(202, answer.status());
        assertEquals("ignored", answer.json().getString("status"));
        assertEquals("release v1.5.0-rc.1 is a prerelease; set DEPLOY_GITHUB_PRERELEASES=true to deploy prereleases",
                answer.json().getString("deployments[0].reason"));
        wireMock.verify(exactly(0), postRequestedFor(urlEqualTo(DEPLOY_UPDATE)));
    }

    @Test
    void should_answer_202_ignored_when_a_draft_is_created() {
        HttpAnswer answer = functionUrl("events/github/release-draft.json");

        assertEquals(202, answer.status());
        assertEquals("release action 'created' does not deploy; only 'published' does",
                answer.json().getString("deployments[0].reason"));
        wireMock.verify(exactly(0), postRequestedFor(urlEqualTo(DEPLOY_UPDATE)));
    }

    private static String delivery(String resource) {
        return Events.load(resource).at("/headers/x-github-delivery").textValue();
    }
}
