package io.connectdeployer.function;

import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.connectdeployer.testing.ConnectStubs.DEPLOY_UPDATE;
import static io.connectdeployer.testing.Lambda.FUNQY_ERROR;
import static io.connectdeployer.testing.MissingSecretProfile.MISSING_BEARER_SECRET_ID;
import static io.connectdeployer.testing.MissingSecretProfile.MISSING_SECRET_ID;
import static io.connectdeployer.testing.MissingSecretProfile.MISSING_WEBHOOK_SECRET_ID;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;

import io.connectdeployer.testing.ConnectStubs;
import io.connectdeployer.testing.Events;
import io.connectdeployer.testing.InjectWireMock;
import io.connectdeployer.testing.Lambda;
import io.connectdeployer.testing.Lambda.HttpAnswer;
import io.connectdeployer.testing.MissingSecretProfile;
import io.connectdeployer.testing.Resources;
import io.connectdeployer.testing.SecretScan;
import io.connectdeployer.testing.SecretsManagerStubs;
import io.connectdeployer.testing.WireMockStandIns;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;

/**
 * The Connect token's secret cannot be read: missing (from init on), access denied, throttled. The function
 * answers TokenUnavailableException naming the secret, and Connect gets nothing; once the secret exists the next
 * invocation deploys, with no restart. CONNECT_TOKEN_TTL is 0 here, so each invocation reads the secret once.
 * The Function URL's secrets are missing too: a caller not yet authenticated gets 503 and nothing of the reason.
 */
@QuarkusTest
@TestProfile(MissingSecretProfile.class)
class SecretsFaultsTest {

    private static final String TOKEN_UNAVAILABLE = "io.connectdeployer.secrets.TokenUnavailableException";
    private static final String SEED = "events/direct/seed-example.json";
    /** What a Function URL caller is told while the secret that would authenticate it cannot be read. */
    /** Source, then the event id member (a GitHub delivery's id, or nothing). */
    private static final String NOT_AUTHENTICATED_YET = "{\"status\":\"failed\",\"source\":\"%s\",%s\"deployments\":[],"
            + "\"error\":{\"type\":\"RequestRejectedException\",\"message\":\"The request could not be authenticated right "
            + "now; try again later\"}}";

    @InjectWireMock
    WireMockServer wireMock;

    private StubMapping secretNow;

    @BeforeEach
    void resetConnect() {
        WireMockStandIns.resetConnect(wireMock);
        ConnectStubs.answers(wireMock, 201, "{\"message\":\"Created\"}");
    }

    @AfterEach
    void restoreTheMissingSecret() {
        if (secretNow != null) {
            wireMock.removeStub(secretNow);
        }
    }

    @AfterAll
    static void secretsStaySecret() {
        SecretScan.assertNothingLeaked();
    }

    @Test
    void should_fail_with_token_unavailable_naming_the_secret_and_call_nothing_when_the_secret_does_not_exist() {
        invoke(SEED).statusCode(500)
                .body("errorType", equalTo(FUNQY_ERROR))
                .body("errorMessage", equalTo(TOKEN_UNAVAILABLE + ": Secret '" + MISSING_SECRET_ID + "' was not found, or has no "
                        + "current value: create it and put its value in it with aws secretsmanager put-secret-value"));

        wireMock.verify(exactly(0), postRequestedFor(urlEqualTo(DEPLOY_UPDATE)));
        wireMock.verify(exactly(1), SecretsManagerStubs.readsOf(MISSING_SECRET_ID));
        assertTrue(Resources.testLog().contains("Connect token not read at startup: Secret '" + MISSING_SECRET_ID + "' was not found"),
                "the failed read at init is logged");
    }

    @Test
    void should_answer_500_with_token_unavailable_when_a_function_url_request_finds_no_secret() {
        ObjectNode request = (ObjectNode) Events.load("events/function-url/iam.json");
        request.put("body", Resources.text(SEED));

        HttpAnswer answer = Lambda.functionUrl(request);
        SecretScan.captured(answer.body());

        assertEquals(500, answer.status());
        assertEquals("TokenUnavailableException", answer.json().getString("deployments[0].error.type"));
        wireMock.verify(exactly(0), postRequestedFor(urlEqualTo(DEPLOY_UPDATE)));
    }

    @Test
    void should_fail_with_token_unavailable_without_a_retry_and_call_nothing_when_access_is_denied() {
        secretAnswers(SecretsManagerStubs.accessDenied(MISSING_SECRET_ID));

        invoke(SEED).statusCode(500)
                .body("errorMessage", equalTo(TOKEN_UNAVAILABLE + ": Secret '" + MISSING_SECRET_ID + "' could not be read "
                        + "(AccessDeniedException): grant the function secretsmanager:GetSecretValue on it"));

        wireMock.verify(exactly(0), postRequestedFor(urlEqualTo(DEPLOY_UPDATE)));
        wireMock.verify(exactly(1), SecretsManagerStubs.readsOf(MISSING_SECRET_ID));
    }

    /**
     * The SDK retries throttling itself (4 attempts in all with its default "legacy" retry mode, as
     * SecretsManagerSecretReaderTest measures); the function's answer is the final outcome.
     */
    @Test
    void should_fail_with_token_unavailable_after_the_sdks_attempts_and_call_nothing_when_secrets_manager_throttles() {
        secretAnswers(SecretsManagerStubs.throttled());

        invoke(SEED).statusCode(500)
                .body("errorMessage", org.hamcrest.Matchers.startsWith(TOKEN_UNAVAILABLE + ": Secret '" + MISSING_SECRET_ID
                        + "' could not be read: Secrets Manager answered ThrottlingException (HTTP 400) after the SDK's retries"));

        wireMock.verify(exactly(0), postRequestedFor(urlEqualTo(DEPLOY_UPDATE)));
        wireMock.verify(exactly(4), SecretsManagerStubs.readsOf(MISSING_SECRET_ID));
    }

    @Test
    void should_deploy_with_the_token_on_the_next_invocation_once_the_secret_exists() {
        String token = SecretScan.rotatedIn("tok-created-later-" + System.nanoTime());
        secretAnswers(SecretsManagerStubs.secretString(MISSING_SECRET_ID, "{\"user_token\":\"" + token + "\"}"));

        invoke(SEED).statusCode(200).body("status", equalTo("created")).body("deployments[0].attempts", equalTo(1));

        wireMock.verify(exactly(1), postRequestedFor(urlEqualTo(DEPLOY_UPDATE))
                .withRequestBody(matchingJsonPath("$.user_token", com.github.tomakehurst.wiremock.client.WireMock.equalTo(token))));
    }

    @Test
    void should_still_answer_a_dry_run_without_reading_the_secret_when_it_does_not_exist() {
        invoke("events/direct/seed-example-dry-run.json").statusCode(200)
                .body("status", equalTo("dry_run"))
                .body("deployments[0].payload.user_token", equalTo("***"));

        wireMock.verify(exactly(0), postRequestedFor(urlEqualTo(DEPLOY_UPDATE)));
        wireMock.verify(exactly(0), SecretsManagerStubs.readsOf(MISSING_SECRET_ID));
    }

    @Test
    void should_answer_503_with_retry_after_and_keep_the_secret_to_the_log_when_the_webhook_secret_does_not_exist() {
        HttpAnswer answer = Lambda.functionUrl("events/github/release-published.json");

        assertAskedToComeBack(answer, "github", MISSING_WEBHOOK_SECRET_ID, "Secret '" + MISSING_WEBHOOK_SECRET_ID
                + "' was not found, or has no current value: create it and put its value in it with aws secretsmanager put-secret-value");
    }

    @Test
    void should_answer_503_with_retry_after_and_keep_the_iam_hint_to_the_log_when_the_bearer_secret_is_denied() {
        secretNow = wireMock.stubFor(SecretsManagerStubs.getSecretValue(MISSING_BEARER_SECRET_ID)
                .willReturn(SecretsManagerStubs.accessDenied(MISSING_BEARER_SECRET_ID)));

        HttpAnswer answer = Lambda.functionUrl("events/function-url/plain.json");

        assertAskedToComeBack(answer, "http", MISSING_BEARER_SECRET_ID, "Secret '" + MISSING_BEARER_SECRET_ID
                + "' could not be read (AccessDeniedException): grant the function secretsmanager:GetSecretValue on it");
    }

    /**
     * A caller not yet authenticated, whose secret could not be read: 503, retry-after, the one body for callers;
     * the secret read once, Connect not called, and the reason ({@code logged}) only in the log line.
     */
    private void assertAskedToComeBack(HttpAnswer answer, String source, String secretId, String logged) {
        SecretScan.captured(answer.body());
        SecretScan.assertNothingForOperators(answer.body(), secretId);
        assertEquals(503, answer.status());
        assertEquals("30", answer.headers().get("retry-after"));
        assertEquals(NOT_AUTHENTICATED_YET.formatted(source, "github".equals(source)
                ? "\"event_id\":\"3f9c2a10-cc3b-11f1-8e4a-1d2b3c4d5e6f\"," : ""), answer.body());
        wireMock.verify(exactly(1), SecretsManagerStubs.readsOf(secretId));
        wireMock.verify(exactly(0), postRequestedFor(urlEqualTo(DEPLOY_UPDATE)));
        assertTrue(Resources.testLog().contains("error=The request could not be authenticated right now; try again later ("
                + logged + ")"), "the log holds the reason: " + logged);
    }

    /** Same priority as the not-found stub, and newer, so WireMock prefers it until it is removed. */
    private void secretAnswers(ResponseDefinitionBuilder answer) {
        secretNow = wireMock.stubFor(SecretsManagerStubs.getSecretValue(MISSING_SECRET_ID).willReturn(answer));
    }

    private static ValidatableResponse invoke(String resource) {
        Response response = given().contentType("application/json").body(Resources.text(resource)).when().post();
        SecretScan.captured(response.asString());
        return response.then();
    }
}
