package io.connectdeployer.url;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.connectdeployer.testing.ConnectStubs.DEPLOY_UPDATE;
import static io.connectdeployer.testing.Lambda.functionUrl;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;

import io.connectdeployer.testing.ConnectStubs;
import io.connectdeployer.testing.Events;
import io.connectdeployer.testing.GitHubDeliveries;
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
    void should_deploy_the_tag_as_the_repository_app_when_a_release_is_released() {
        HttpAnswer answer = functionUrl(GitHubDeliveries.released("a1b2c3d4-0000-4000-8000-000000000001"));

        assertEquals(201, answer.status());
        assertEquals("github", answer.json().getString("source"));
        assertEquals("a1b2c3d4-0000-4000-8000-000000000001", answer.json().getString("event_id"));
        wireMock.verify(exactly(1), postRequestedFor(urlEqualTo(DEPLOY_UPDATE))
                .withRequestBody(equalToJson(GitHubDeliveries.deployUpdate(WireMockStandIns.currentToken(), TriggerProfile.FLOW_ID))));
    }

    @Test
    void should_deploy_once_when_github_sends_published_then_released_for_one_release() {
        HttpAnswer published = functionUrl(GitHubDeliveries.release("published", Instant.now().minusSeconds(60),
                "a1b2c3d4-0000-4000-8000-000000000002"));
        HttpAnswer released = functionUrl(GitHubDeliveries.release("released", Instant.now().minusSeconds(60),
                "a1b2c3d4-0000-4000-8000-000000000003"));

        assertEquals(202, published.status());
        assertEquals("release action 'published' does not deploy; only 'released' does",
                published.json().getString("deployments[0].reason"));
        assertEquals(201, released.status());
        wireMock.verify(exactly(1), postRequestedFor(urlEqualTo(DEPLOY_UPDATE)));
    }

    @Test
    void should_answer_202_and_call_nothing_when_the_release_is_older_than_the_replay_window() {
        Instant published = Instant.now().minus(Duration.ofHours(73)).truncatedTo(ChronoUnit.SECONDS);

        HttpAnswer answer = functionUrl(GitHubDeliveries.release("released", published, "a1b2c3d4-0000-4000-8000-000000000004"));

        assertEquals(202, answer.status());
        assertEquals("release v1.4.2 was published at " + published + ", longer ago than DEPLOY_GITHUB_MAX_AGE (PT72H): "
                + "refused as a possible replay of an old delivery", answer.json().getString("deployments[0].reason"));
        wireMock.verify(exactly(0), postRequestedFor(urlEqualTo(DEPLOY_UPDATE)));
    }

    @Test
    void should_answer_400_naming_the_content_type_when_the_webhook_sends_form_data() {
        ObjectNode delivery = GitHubDeliveries.released("a1b2c3d4-0000-4000-8000-000000000005");
        String form = "payload=" + URLEncoder.encode(Events.parse(delivery.get("body").textValue()).toString(), StandardCharsets.UTF_8);
        ((ObjectNode) delivery.get("headers")).put("content-type", "application/x-www-form-urlencoded");

        HttpAnswer answer = functionUrl(GitHubDeliveries.withBody(delivery, form, WireMockStandIns.WEBHOOK_SECRET));

        assertEquals(400, answer.status());
        assertEquals("The webhook's content type must be application/json, not application/x-www-form-urlencoded: "
                + "change it in the webhook's settings on GitHub", answer.json().getString("error.message"));
        assertEquals("a1b2c3d4-0000-4000-8000-000000000005", answer.json().getString("event_id"));
        wireMock.verify(exactly(0), postRequestedFor(urlEqualTo(DEPLOY_UPDATE)));
    }

    @Test
    void should_deploy_a_signed_delivery_larger_than_the_256_KiB_of_other_callers() {
        ObjectNode delivery = GitHubDeliveries.released("a1b2c3d4-0000-4000-8000-000000000006");
        ObjectNode payload = (ObjectNode) Events.parse(delivery.get("body").textValue());
        ((ObjectNode) payload.get("release")).put("body", "x".repeat(1024 * 1024));

        HttpAnswer answer = functionUrl(GitHubDeliveries.withBody(delivery, payload.toString(), WireMockStandIns.WEBHOOK_SECRET));

        assertEquals(201, answer.status());
        wireMock.verify(exactly(1), postRequestedFor(urlEqualTo(DEPLOY_UPDATE)));
    }

    @Test
    void should_answer_413_when_a_delivery_is_larger_than_6_MiB() {
        ObjectNode delivery = GitHubDeliveries.released("a1b2c3d4-0000-4000-8000-000000000007");

        HttpAnswer answer = functionUrl(GitHubDeliveries.withBody(delivery, "{\"pad\":\"" + "x".repeat(6 * 1024 * 1024) + "\"}",
                WireMockStandIns.WEBHOOK_SECRET));

        assertEquals(413, answer.status());
        assertEquals("The request body is larger than 6 MiB", answer.json().getString("error.message"));
        wireMock.verify(exactly(0), postRequestedFor(urlEqualTo(DEPLOY_UPDATE)));
    }

    @Test
    void should_answer_401_naming_the_delivery_and_call_nothing_when_the_signature_is_wrong() {
        HttpAnswer answer = functionUrl("events/github/release-published-bad-signature.json");

        assertEquals(401, answer.status());
        assertEquals(delivery("events/github/release-published-bad-signature.json"), answer.json().getString("event_id"));
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
        assertEquals("release v1.6.0 is a draft",
                answer.json().getString("deployments[0].reason"));
        wireMock.verify(exactly(0), postRequestedFor(urlEqualTo(DEPLOY_UPDATE)));
    }

    private static String delivery(String resource) {
        return Events.load(resource).at("/headers/x-github-delivery").textValue();
    }
}
