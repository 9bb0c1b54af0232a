package io.connectdeployer.function;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.connectdeployer.function.ConnectFaultsTest.OUTCOME_UNKNOWN;
import static io.connectdeployer.function.ConnectFaultsTest.logLine;
import static io.connectdeployer.function.ConnectFaultsTest.loggedMillis;
import static io.connectdeployer.function.ConnectFaultsTest.millisSince;
import static io.connectdeployer.function.ConnectFaultsTest.version;
import static io.connectdeployer.testing.ConnectStubs.DEPLOY_UPDATE;
import static io.connectdeployer.testing.ConnectStubs.json;
import static io.connectdeployer.testing.FunctionTimeoutProfile.DEADLINE_MS;
import static io.connectdeployer.testing.FunctionTimeoutProfile.FUNCTION_TIMEOUT_MS;
import static io.connectdeployer.testing.FunctionTimeoutProfile.TABLE;
import static io.connectdeployer.testing.FunctionTimeoutProfile.dynamoDb;
import static io.connectdeployer.testing.FunctionTimeoutProfile.dynamoDbCalls;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;

import io.connectdeployer.testing.ConnectStubs;
import io.connectdeployer.testing.Events;
import io.connectdeployer.testing.FunctionTimeoutProfile;
import io.connectdeployer.testing.InjectWireMock;
import io.connectdeployer.testing.Lambda;
import io.connectdeployer.testing.Lambda.HttpAnswer;
import io.connectdeployer.testing.SecretScan;
import io.connectdeployer.testing.SecretsManagerStubs;
import io.connectdeployer.testing.WireMockStandIns;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;

/**
 * One deadline per invocation through the real Lambda path, set by FUNCTION_TIMEOUT alone (5 s, so 3 s; see
 * {@link FunctionTimeoutProfile}): whichever party never answers (Connect, Secrets Manager, DynamoDB), the
 * invocation ends with our own error, its log line and its claim released before the function's timeout. Each
 * event is keyed, so each deployment is claimed. Elapsed times are checked against the timeout, with slack for
 * a loaded machine.
 */
@QuarkusTest
@TestProfile(FunctionTimeoutProfile.class)
class FunctionTimeoutTest {

    private static final String OUT_OF_TIME = "io.connectdeployer.deadline.DeadlineExceededException";
    /** Longer than the function may run: the party never answers as far as the function can tell. */
    private static final int NEVER_MS = 10_000;
    private static final String INVOCATION = "of the invocation's 3s (FUNCTION_TIMEOUT 5s less a 2s safety margin)";

    @InjectWireMock
    WireMockServer wireMock;

    private StubMapping hang;

    @BeforeEach
    void resetConnect() {
        WireMockStandIns.resetConnect(wireMock);
    }

    @AfterEach
    void answerAgain() {
        if (hang != null) {
            wireMock.removeStub(hang);
        }
    }

    @AfterAll
    static void secretsStaySecret() {
        SecretScan.assertNothingLeaked();
    }

    @Test
    void should_fail_as_outcome_unknown_after_one_attempt_and_keep_the_claim_marked_uncertain_when_connect_never_answers() {
        wireMock.stubFor(post(DEPLOY_UPDATE).willReturn(json(201, "{}").withFixedDelay(NEVER_MS)));
        String version = version();

        long started = System.nanoTime();
        invoke(version).statusCode(500)
                .body("errorMessage", startsWith(OUTCOME_UNKNOWN + ": Outcome unknown: Connect may have started this deployment: "
                        + "the request was sent, then no answer from "));
        long elapsed = millisSince(started);

        wireMock.verify(exactly(1), postRequestedFor(urlEqualTo(DEPLOY_UPDATE)));
        // Claimed, then marked uncertain (a second PutItem, of state uncertain); never released.
        wireMock.verify(exactly(2), dynamoDbCalls("PutItem"));
        wireMock.verify(exactly(1), dynamoDbCalls("PutItem").withRequestBody(containing("\"uncertain\"")));
        wireMock.verify(exactly(0), dynamoDbCalls("DeleteItem"));
        String line = logLine(version, "deploy uncertain:");
        assertTrue(line.contains(" attempts=1 "), line);
        assertEndedInTime(line, 1000, elapsed);
    }

    @Test
    void should_fail_out_of_time_without_calling_connect_and_release_the_claim_when_secrets_manager_never_answers() {
        ConnectStubs.answers(wireMock, 201, "{}");
        hangs(SecretsManagerStubs.getSecretValue(WireMockStandIns.SECRET_ID));
        String version = version();

        long started = System.nanoTime();
        String message = invoke(version).statusCode(500)
                .body("errorMessage", startsWith(OUT_OF_TIME + ": Out of time while reading secret '" + WireMockStandIns.SECRET_ID + "': "))
                .extract().path("errorMessage");
        long elapsed = millisSince(started);

        assertTrue(message.contains(INVOCATION), message);
        wireMock.verify(exactly(0), postRequestedFor(urlEqualTo(DEPLOY_UPDATE)));
        assertClaimedAndReleased(1);
        String line = logLine(version, "deploy failed:");
        assertTrue(line.contains(" error=Out of time while reading secret"), line);
        assertEndedInTime(line, DEADLINE_MS - 100, elapsed);
    }

    @Test
    void should_answer_504_without_calling_connect_when_dynamodb_never_answers_the_claim_of_a_function_url_request() {
        ConnectStubs.answers(wireMock, 201, "{}");
        hangs(dynamoDb("PutItem").atPriority(1));
        String version = version();
        ObjectNode request = (ObjectNode) Events.load("events/function-url/iam.json");
        request.put("body", event(version));

        long started = System.nanoTime();
        HttpAnswer answer = Lambda.functionUrl(request);
        long elapsed = millisSince(started);
        SecretScan.captured(answer.body());

        assertEquals(504, answer.status());
        assertEquals("DeadlineExceededException", answer.json().getString("deployments[0].error.type"));
        assertTrue(answer.json().getString("deployments[0].error.message").startsWith("Out of time while claiming 'connect-deployer/http:"
                + key(version) + "' in DynamoDB table '" + TABLE + "': "), answer.body());
        wireMock.verify(exactly(0), postRequestedFor(urlEqualTo(DEPLOY_UPDATE)));
        // The SDK retried within the call's timeout (each try waits out the 1 s read timeout); whether DynamoDB took
        // the claim is unknown, so it is left to expire, not deleted.
        assertTrue(wireMock.findAll(dynamoDbCalls("PutItem")).size() >= 1);
        wireMock.verify(exactly(0), dynamoDbCalls("DeleteItem"));
        String line = logLine(version, "deploy failed:");
        assertTrue(line.contains(" error=Out of time while claiming"), line);
        assertEndedInTime(line, DEADLINE_MS - 100, elapsed);
    }

    /**
     * The function's own time (its log line's, which starts where the deadline does) within {@code [least, most]}
     * ms, before the function's timeout; around the request, the test's client and the mock event server add time
     * Lambda would not count, so that is only checked against the timeout with slack.
     */
    /**
     * The function waited (at least {@code least}) and ended with its own error before Lambda's timeout: that is the
     * guarantee. How close to the deadline it ended is timing, which a loaded build machine stretches; bench/ has it.
     */
    private static void assertEndedInTime(String line, long least, long elapsed) {
        long took = loggedMillis(line);
        assertTrue(took >= least && took < FUNCTION_TIMEOUT_MS, "the function took " + took + " ms");
        assertTrue(elapsed < FUNCTION_TIMEOUT_MS + 3000, "the request took " + elapsed + " ms");
    }

    private void hangs(MappingBuilder call) {
        hang = wireMock.stubFor(call.willReturn(SecretsManagerStubs.awsError(500, "InternalFailure", "late").withFixedDelay(NEVER_MS)));
    }

    private void assertClaimedAndReleased(int times) {
        wireMock.verify(exactly(times), dynamoDbCalls("PutItem"));
        wireMock.verify(exactly(times), dynamoDbCalls("DeleteItem"));
    }

    private static String key(String version) {
        return "deadline-" + version;
    }

    /** ConnectFaultsTest's event (its log line names {@code app=faults@<version>}), keyed so it is claimed. */
    private static String event(String version) {
        ObjectNode event = (ObjectNode) Events.parse(ConnectFaultsTest.event(version));
        return event.put("idempotency_key", key(version)).toString();
    }

    private static ValidatableResponse invoke(String version) {
        Response response = given().contentType("application/json").body(event(version)).when().post();
        SecretScan.captured(response.asString());
        return response.then();
    }
}
