package io.connectdeployer.url;

import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.connectdeployer.testing.ConnectStubs.DEPLOY_UPDATE;
import static io.connectdeployer.testing.RotatedSecretsProfile.ROTATED_BEARER_ID;
import static io.connectdeployer.testing.RotatedSecretsProfile.ROTATED_WEBHOOK_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;

import io.connectdeployer.testing.ConnectStubs;
import io.connectdeployer.testing.Events;
import io.connectdeployer.testing.GitHubDeliveries;
import io.connectdeployer.testing.InjectWireMock;
import io.connectdeployer.testing.Lambda;
import io.connectdeployer.testing.Lambda.HttpAnswer;
import io.connectdeployer.testing.RotatedSecretsProfile;
import io.connectdeployer.testing.SecretScan;
import io.connectdeployer.testing.SecretsManagerStubs;
import io.connectdeployer.testing.WireMockStandIns;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The webhook secret and the bearer token are rotated while the function holds the old values in its cache
 * (CONNECT_TOKEN_TTL, 5 minutes). A caller with the new value is accepted after one fresh read of the secret; a
 * wrong one within the next minute is refused without another read.
 */
@QuarkusTest
@TestProfile(RotatedSecretsProfile.class)
class SecretRotationTest {

    @InjectWireMock
    WireMockServer wireMock;

    @BeforeAll
    static void scanForTheOldValuesToo() {
        SecretScan.rotatedIn(RotatedSecretsProfile.WEBHOOK_SECRET_BEFORE);
        SecretScan.rotatedIn(RotatedSecretsProfile.BEARER_TOKEN_BEFORE);
    }

    @BeforeEach
    void resetConnect() {
        WireMockStandIns.resetConnect(wireMock);
        ConnectStubs.answers(wireMock, 201, "{\"message\":\"Created\"}");
    }

    @AfterAll
    static void secretsStaySecret() {
        SecretScan.assertNothingLeaked();
    }

    @Test
    void should_deploy_after_one_read_and_refuse_a_bad_signature_without_another_when_the_webhook_secret_was_rotated() {
        // given: the deliveries are signed with GitHub's example secret, now the secret's value
        rotate(ROTATED_WEBHOOK_ID, WireMockStandIns.WEBHOOK_SECRET);

        // when
        HttpAnswer signed = functionUrl(GitHubDeliveries.released("c0ffee00-0000-4000-8000-000000000001"));
        HttpAnswer badlySigned = functionUrl(Events.load("events/github/release-published-bad-signature.json"));

        // then
        assertEquals(201, signed.status());
        assertEquals(401, badlySigned.status());
        wireMock.verify(exactly(1), SecretsManagerStubs.readsOf(ROTATED_WEBHOOK_ID));
        wireMock.verify(exactly(1), postRequestedFor(urlEqualTo(DEPLOY_UPDATE)));
    }

    @Test
    void should_deploy_after_one_read_and_refuse_a_wrong_token_without_another_when_the_bearer_token_was_rotated() {
        // given: plain.json sends the token the test stand-ins use
        rotate(ROTATED_BEARER_ID, WireMockStandIns.BEARER_TOKEN);
        ObjectNode wrong = (ObjectNode) Events.load("events/function-url/plain.json");
        ((ObjectNode) wrong.get("headers")).put("authorization", "Bearer not-the-token");

        // when
        HttpAnswer current = functionUrl(Events.load("events/function-url/plain.json"));
        HttpAnswer wrongAnswer = functionUrl(wrong);

        // then
        assertEquals(201, current.status());
        assertEquals(401, wrongAnswer.status());
        assertEquals("The bearer token is not valid", wrongAnswer.json().getString("error.message"));
        wireMock.verify(exactly(1), SecretsManagerStubs.readsOf(ROTATED_BEARER_ID));
        wireMock.verify(exactly(1), postRequestedFor(urlEqualTo(DEPLOY_UPDATE)));
    }

    /** As Secrets Manager rotation would: a newer stub for the same id wins over the profile's. */
    private void rotate(String secretId, String value) {
        wireMock.stubFor(SecretsManagerStubs.getSecretValue(secretId).willReturn(SecretsManagerStubs.secretString(secretId, value)));
    }

    private static HttpAnswer functionUrl(JsonNode request) {
        HttpAnswer answer = Lambda.functionUrl(request);
        SecretScan.captured(answer.body());
        return answer;
    }
}
