package io.connectdeployer.url;

import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.connectdeployer.testing.ConnectStubs.DEPLOY_UPDATE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;

import io.connectdeployer.testing.Events;
import io.connectdeployer.testing.InjectWireMock;
import io.connectdeployer.testing.Lambda;
import io.connectdeployer.testing.Lambda.HttpAnswer;
import io.connectdeployer.testing.Resources;
import io.connectdeployer.testing.SecretScan;
import io.connectdeployer.testing.WireMockStandIns;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A Function URL with neither GITHUB_WEBHOOK_SECRET_ID nor HTTP_BEARER_SECRET_ID set (the default test
 * configuration): callers get the same 401s as callers with a wrong credential, so they learn nothing of the
 * configuration; the log names the variable to set.
 */
@QuarkusTest
@QuarkusTestResource(WireMockStandIns.class)
class UnguardedFunctionUrlTest {

    /** Source, then the event id member (a GitHub delivery's id, or nothing), then the message. */
    private static final String BODY = "{\"status\":\"failed\",\"source\":\"%s\",%s\"deployments\":[],"
            + "\"error\":{\"type\":\"RequestRejectedException\",\"message\":\"%s\"}}";

    @InjectWireMock
    WireMockServer wireMock;

    @BeforeEach
    void resetConnect() {
        WireMockStandIns.resetConnect(wireMock);
    }

    @Test
    void should_answer_401_and_name_the_variable_only_in_the_log_when_a_github_delivery_arrives_without_a_webhook_secret() {
        // when
        HttpAnswer answer = Lambda.functionUrl("events/github/release-published.json");

        // then
        SecretScan.assertNothingForOperators(answer.body());
        assertEquals(401, answer.status());
        assertEquals(BODY.formatted("github", "\"event_id\":\"3f9c2a10-cc3b-11f1-8e4a-1d2b3c4d5e6f\",", "The x-hub-signature-256 does not match the body: check the webhook's secret"),
                answer.body());
        assertTrue(Resources.testLog().contains("error=The x-hub-signature-256 does not match the body: check the webhook's "
                + "secret (GITHUB_WEBHOOK_SECRET_ID is not set, so no delivery is accepted)"), "the log names the variable");
        wireMock.verify(exactly(0), postRequestedFor(urlEqualTo("/")));
        wireMock.verify(exactly(0), postRequestedFor(urlEqualTo(DEPLOY_UPDATE)));
    }

    @Test
    void should_answer_401_and_name_the_variable_only_in_the_log_when_a_caller_sends_a_token_without_a_bearer_secret() {
        // when
        HttpAnswer withToken = Lambda.functionUrl("events/function-url/plain.json");
        ObjectNode request = (ObjectNode) Events.load("events/function-url/plain.json");
        ((ObjectNode) request.get("headers")).remove("authorization");
        HttpAnswer withoutToken = Lambda.functionUrl(request);

        // then
        SecretScan.assertNothingForOperators(withToken.body());
        SecretScan.assertNothingForOperators(withoutToken.body());
        assertEquals(401, withToken.status());
        assertEquals("Bearer", withToken.headers().get("www-authenticate"));
        assertEquals(BODY.formatted("http", "", "The bearer token is not valid"), withToken.body());
        assertEquals(BODY.formatted("http", "", "Missing Authorization: Bearer <token>"), withoutToken.body());
        assertTrue(Resources.testLog().contains("error=The bearer token is not valid (HTTP_BEARER_SECRET_ID is not set, so "
                + "only requests to an AWS_IAM Function URL pass)"), "the log names the variable");
        wireMock.verify(exactly(0), postRequestedFor(urlEqualTo("/")));
        wireMock.verify(exactly(0), postRequestedFor(urlEqualTo(DEPLOY_UPDATE)));
    }
}
