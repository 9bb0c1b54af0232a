package io.connectdeployer.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.connectdeployer.testing.EmfSpec;
import io.connectdeployer.testing.Events;
import io.connectdeployer.testing.GitHubDeliveries;
import io.connectdeployer.testing.Markers;
import io.connectdeployer.testing.Resources;
import io.quarkus.amazon.lambda.runtime.MockEventServer;
import io.restassured.response.ValidatableResponse;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The packaged artifact end to end: {@code target/function.zip} run by the Lambda Java runtime interface client
 * against Quarkus's mock Runtime API, reading its token from Secrets Manager in {@code moto_server}, deploying to
 * a WireMock Connect. Skipped where moto_server is not installed ({@code .ci/run} says so).
 */
class PackagedFunctionIT {

    private static final String SECRET_ID = "connect-deployer/e2e-token";
    private static final String TOKEN = "tok-e2e-0123456789abcdef";
    private static final String WEBHOOK_SECRET_ID = "connect-deployer/e2e-webhook";
    private static final String DEDUPE_TABLE = "connect-deployer-e2e-dedupe";
    /** What Lambda sets in AWS_LAMBDA_FUNCTION_NAME: every dedupe key starts with it. */
    private static final String FUNCTION_NAME = "connect-deployer-e2e";
    private static final String HANDOFF_TARGET = "connect-deployer-e2e:live";
    private static final String LAMBDA_INVOKE = "/2015-03-31/functions/connect-deployer-e2e%3Alive/invocations";

    /** The function's environment, for a second function that goes without one variable. */
    private static final Map<String, String> ENVIRONMENT = new HashMap<>();
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Path ZIP = Path.of(System.getProperty("function.zip", "target/function.zip"));

    private static MotoServer moto;
    private static WireMockServer connect;
    private static RuntimeApiServer runtimeApi;
    private static LambdaJavaRuntime function;

    @BeforeAll
    static void startEverything() throws Exception {
        Assumptions.assumeTrue(MotoServer.installed(), "moto_server is not installed: end-to-end check skipped");
        assertTrue(Files.exists(ZIP), ZIP + " is missing: run ./mvnw verify (it packages before this check)");

        moto = MotoServer.start();
        createSecret(moto.endpoint(), SECRET_ID, "{\"user_token\":\"" + TOKEN + "\"}");
        // GitHub's documented example secret: the signed fixtures under events/github were made with it.
        createSecret(moto.endpoint(), WEBHOOK_SECRET_ID, "It's a Secret to Everybody");
        DedupeTable.create(moto.endpoint(), DEDUPE_TABLE);
        connect = new WireMockServer(options().dynamicPort());
        connect.start();
        runtimeApi = new RuntimeApiServer();
        runtimeApi.start(0);

        Map<String, String> environment = new HashMap<>();
        environment.put("AWS_REGION", "eu-west-1");
        environment.put("AWS_ACCESS_KEY_ID", "testing");
        environment.put("AWS_SECRET_ACCESS_KEY", "testing");
        environment.put("AWS_ENDPOINT_URL_SECRETS_MANAGER", moto.endpoint());
        environment.put("AWS_ENDPOINT_URL_DYNAMODB", moto.endpoint());
        environment.put("DEDUPE_TABLE", DEDUPE_TABLE);
        environment.put("AWS_LAMBDA_FUNCTION_NAME", FUNCTION_NAME);
        environment.put("CONNECT_API_URL", connect.baseUrl());
        environment.put("CONNECT_TOKEN_SECRET_ID", SECRET_ID);
        environment.put("CONNECT_RETRY_BASE_DELAY", "5ms");
        environment.put("DEPLOY_FILTERS", "[{\"type\":\"device_state\",\"operand\":\"is\",\"value\":\"online\"}]");
        environment.put("DEPLOY_PARAMETERS", "{\"region\":\"eu\"}");
        environment.put("DEPLOY_PROJECT", "Demo");
        environment.put("DEPLOY_FLOW_ID", "f-e2e-0001");
        // Placeholders exactly as a user sets them in Lambda's environment; events with their own comment keep it.
        environment.put("DEPLOY_COMMENT", "${app} ${version}");
        environment.put("GITHUB_WEBHOOK_SECRET_ID", WEBHOOK_SECRET_ID);
        environment.put("GITHUB_HANDOFF_TARGET", HANDOFF_TARGET);
        // Lambda's Invoke API, played by the WireMock that plays Connect (moto runs Invoke only in Docker).
        environment.put("AWS_ENDPOINT_URL_LAMBDA", connect.baseUrl());
        ENVIRONMENT.putAll(environment);
        function = LambdaJavaRuntime.start(ZIP, "127.0.0.1:" + runtimeApi.getPort() + MockEventServer.BASE_PATH, environment);
    }

    @AfterAll
    static void stopEverything() throws Exception {
        for (AutoCloseable running : new AutoCloseable[] { function, runtimeApi, connect == null ? null : connect::stop, moto }) {
            if (running != null) {
                running.close();
            }
        }
    }

    @BeforeEach
    void resetConnect() {
        connect.resetAll();
    }

    @Test
    void should_deploy_with_the_token_from_secrets_manager_when_run_by_the_lambda_java_runtime() throws Exception {
        connect.stubFor(post("/v2/deploy_update").willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"message\":\"Created\"}")));

        invoke("events/direct/seed-example.json")
                .statusCode(200)
                .body("status", equalTo("created"))
                .body("deployments[0].http_status", equalTo(201))
                .body("deployments[0].attempts", equalTo(1));

        connect.verify(exactly(1), postRequestedFor(urlEqualTo("/v2/deploy_update"))
                .withRequestBody(equalToJson(Resources.text("connect/deploy_update-seed-example.json").replace("${token}", TOKEN))));
        assertTrue(function.isAlive(), "the function process died: see target/lambda-function.log");
        assertFalse(function.log().contains(TOKEN), "the token appears in the function's log");
    }

    @Test
    void should_report_the_problems_and_call_nothing_when_the_event_is_invalid() {
        invoke("events/direct/several-mistakes.json")
                .statusCode(500)
                .body("errorMessage", startsWith("io.connectdeployer.deploy.InvalidDeployEventException: Invalid deploy event"))
                .body("errorMessage", containsString("$.flowid: unknown key 'flowid'; did you mean 'flow_id'?"))
                .body(not(containsString("\tat ")));

        connect.verify(exactly(0), postRequestedFor(urlEqualTo("/v2/deploy_update")));
    }

    @Test
    void should_deploy_the_key_and_fill_the_comment_template_when_an_s3_object_is_put() {
        connect.stubFor(post("/v2/deploy_update").willReturn(aResponse().withStatus(201).withBody("{}")));

        invoke("events/s3/put.json")
                .statusCode(200)
                .body("source", equalTo("s3"))
                .body("deployments[0].status", equalTo("created"));

        connect.verify(exactly(1), postRequestedFor(urlEqualTo("/v2/deploy_update"))
                .withRequestBody(matchingJsonPath("$.deployment_configuration.comment", WireMock.equalTo(Markers.marked(FUNCTION_NAME, "gateway v1.4.2",
                        "s3:firmware-releases/gateway/v1.4.2/gateway-fw.bin@096fKKXTRTtl3on89fVO.nfljtsv6qko"))))
                .withRequestBody(matchingJsonPath("$.deployment_configuration.flow_id", WireMock.equalTo("f-e2e-0001"))));
    }

    @Test
    void should_verify_the_delivery_hand_it_off_and_deploy_the_release_once_however_often_it_arrives() {
        connect.stubFor(post("/v2/deploy_update").willReturn(aResponse().withStatus(201).withBody("{}")));
        connect.stubFor(post(LAMBDA_INVOKE).willReturn(aResponse().withStatus(202)));
        // A delivery id of its own, so no other test's delivery of the same fixture is what this one duplicates.
        Instant published = Instant.now().minusSeconds(60);

        invoke(GitHubDeliveries.release("released", published, "e2e-handoff-released").toString())
                .statusCode(200)
                .body("statusCode", equalTo(202))
                .body("body", containsString("\"status\":\"accepted\""));
        invoke(GitHubDeliveries.release("published", published, "e2e-handoff-published").toString())
                .statusCode(200)
                .body("statusCode", equalTo(202))
                .body("body", containsString("\"status\":\"ignored\""));
        invoke("events/github/release-published-bad-signature.json")
                .statusCode(200)
                .body("statusCode", equalTo(401));
        List<LoggedRequest> handedOff = connect.findAll(postRequestedFor(urlEqualTo(LAMBDA_INVOKE))
                .withHeader("X-Amz-Invocation-Type", WireMock.equalTo("Event")));
        connect.verify(exactly(0), postRequestedFor(urlEqualTo("/v2/deploy_update")));
        assertEquals(1, handedOff.size());

        // Lambda runs the handed-off event; its async retry (or a redelivery) runs it again.
        invoke(handedOff.get(0).getBodyAsString()).statusCode(200).body("status", equalTo("created"));
        invoke(handedOff.get(0).getBodyAsString()).statusCode(200).body("status", equalTo("duplicate"));

        connect.verify(exactly(1), postRequestedFor(urlEqualTo("/v2/deploy_update"))
                .withRequestBody(matchingJsonPath("$.deployment_configuration.app.name", WireMock.equalTo("gateway-firmware")))
                .withRequestBody(matchingJsonPath("$.deployment_configuration.comment", WireMock.equalTo(Markers.marked(FUNCTION_NAME, "gateway-firmware v1.4.2",
                        "github:octo-org/gateway-firmware/releases/187654321")))));
    }

    @Test
    void should_call_connect_once_when_the_same_s3_event_arrives_three_times() throws Exception {
        connect.stubFor(post("/v2/deploy_update").willReturn(aResponse().withStatus(201).withBody("{\"message\":\"Created\"}")));
        // An id of its own, so the other tests' deliveries of the same fixture are not what this one duplicates.
        ObjectNode s3 = (ObjectNode) Events.load("events/s3/put.json");
        ((ObjectNode) s3.at("/Records/0/s3/object")).put("versionId", "dedupe-e2e-version-1");

        invoke(s3.toString()).statusCode(200).body("status", equalTo("created"));
        invoke(s3.toString()).statusCode(200).body("status", equalTo("duplicate"));
        invoke(s3.toString()).statusCode(200).body("status", equalTo("duplicate"))
                .body("deployments[0].http_status", equalTo(201));

        connect.verify(exactly(1), postRequestedFor(urlEqualTo("/v2/deploy_update"))
                .withRequestBody(matchingJsonPath("$.deployment_configuration.app.name", WireMock.equalTo("gateway"))));
        List<JsonNode> metrics = metricsLines(function.log(), "dedupe-e2e-version-1");
        assertEquals(List.of("created", "duplicate", "duplicate"), metrics.stream().map(line -> line.path("Outcome").asText()).toList());
        for (JsonNode line : metrics) {
            assertEquals(FUNCTION_NAME, line.path("Service").asText());
            assertEquals("s3", line.path("Source").asText());
            assertEquals("ConnectDeployer", EmfSpec.directives(line).get(0).namespace());
        }
        assertEquals(1, metrics.get(0).path("ConnectAttempts").asInt());
        assertEquals(1, metrics.get(0).path("ConnectLatency").size(), "one call timed: " + metrics.get(0));
        assertEquals(0, metrics.get(0).path("SecretReads").asInt(), "the token was read at init: " + metrics.get(0));
        assertFalse(metrics.get(1).has("ConnectAttempts"), "a duplicate calls nothing: " + metrics.get(1));
        try (DynamoDbClient dynamoDb = DedupeTable.client(moto.endpoint())) {
            Map<String, AttributeValue> item = dynamoDb.getItem(get -> get.tableName(DEDUPE_TABLE).key(Map.of("id", AttributeValue.fromS(
                    FUNCTION_NAME + "/s3:firmware-releases/gateway/v1.4.2/gateway-fw.bin@dedupe-e2e-version-1")))).item();
            assertEquals(AttributeValue.fromS("completed"), item.get("state"), "the item under the namespaced key: " + item);
            assertEquals(36, item.get("owner").s().length(), "a UUID of the invocation that deployed");
        }
    }

    @Test
    void should_deploy_the_defaults_once_when_scheduler_delivers_its_own_envelope_with_detail_as_the_string_of_an_empty_object()
            throws Exception {
        connect.stubFor(post("/v2/deploy_update").willReturn(aResponse().withStatus(201).withBody("{\"message\":\"Created\"}")));
        // The DEPLOY_COMMENT above names ${app} and ${version}, which a schedule without input cannot fill (its firing
        // would fail, naming them): a function of its own goes without it and gets the schedule's comment.
        Map<String, String> environment = new HashMap<>(ENVIRONMENT);
        environment.remove("DEPLOY_COMMENT");
        try (RuntimeApiServer schedulerApi = new RuntimeApiServer()) {
            schedulerApi.start(0);
            try (LambdaJavaRuntime scheduled = LambdaJavaRuntime.start(ZIP, "127.0.0.1:" + schedulerApi.getPort() + MockEventServer.BASE_PATH,
                    environment, "lambda-function-scheduled.log")) {

                invoke(schedulerApi, "events/scheduler/no-input.json").statusCode(200)
                        .body("status", equalTo("created")).body("source", equalTo("schedule"));
                invoke(schedulerApi, "events/scheduler/no-input.json").statusCode(200)
                        .body("status", equalTo("duplicate"));
            }
        }

        connect.verify(exactly(1), postRequestedFor(urlEqualTo("/v2/deploy_update")));
        connect.verify(exactly(1), postRequestedFor(urlEqualTo("/v2/deploy_update")).withRequestBody(equalToJson("""
                {"user_token": "%s",
                 "device_filter": {"project": {"name": "Demo"}, "groups": [],
                                   "filters": [{"type": "device_state", "operand": "is", "value": "online"}]},
                 "deployment_configuration": {"flow_id": "f-e2e-0001",
                                              "comment": "%s",
                                              "parameters_mapping": {"region": "eu"}}}
                """.formatted(TOKEN, Markers.marked(FUNCTION_NAME,
                "Scheduled deployment by EventBridge Scheduler schedule nightly-gateway at 2026-11-28T03:00:00Z",
                "schedule:arn:aws:scheduler:eu-west-1:123456789012:schedule/default/nightly-gateway@2026-11-28T03:00:00Z")))));
    }

    @Test
    void should_call_connect_once_when_two_custom_eventbridge_events_carry_one_idempotency_key() {
        connect.stubFor(post("/v2/deploy_update").willReturn(aResponse().withStatus(201).withBody("{}")));
        ObjectNode event = (ObjectNode) Events.load("events/eventbridge/custom-release.json");
        ((ObjectNode) event.get("detail")).put("idempotency_key", "e2e-ci-run-812");

        invoke(event.toString()).statusCode(200).body("status", equalTo("created"));
        invoke(event.put("id", "e2e-second-put-events").toString()).statusCode(200).body("status", equalTo("duplicate"));

        connect.verify(exactly(1), postRequestedFor(urlEqualTo("/v2/deploy_update"))
                .withRequestBody(matchingJsonPath("$.deployment_configuration.comment", WireMock.equalTo(Markers.marked(FUNCTION_NAME, "CI build 812", "eventbridge:e2e-ci-run-812")))));
    }

    /**
     * Issue 11's cases in real time, with the module's settings: FUNCTION_TIMEOUT=30s, CONNECT_TIME_BUDGET=25s, connect
     * 3 s and read 10 s per attempt, 5 attempts, and a Connect that takes the request and never answers. Before, the
     * request was sent three times (attempts at about 0, 10.5 and 21 s) and the invocation ran past Lambda's timeout;
     * then twice, and its claim was released, so Lambda's retry sent it again. Now it is sent once: after the 10 s read
     * timeout the invocation ends with ConnectOutcomeUnknownException and its log line, well before the timeout, and the
     * claim stays in DynamoDB marked uncertain, so a retry of the same event ends the same way without calling Connect.
     */
    @Test
    void should_send_once_mark_the_claim_uncertain_and_end_every_retry_the_same_way_when_connect_never_answers() throws Exception {
        Map<String, String> environment = new HashMap<>(ENVIRONMENT);
        environment.remove("CONNECT_RETRY_BASE_DELAY");
        environment.put("FUNCTION_TIMEOUT", "30s");
        environment.put("CONNECT_TIME_BUDGET", "25s");
        environment.put("CONNECT_CONNECT_TIMEOUT", "3s");
        environment.put("CONNECT_READ_TIMEOUT", "10s");
        ObjectNode s3 = (ObjectNode) Events.load("events/s3/put.json");
        ((ObjectNode) s3.at("/Records/0/s3/object")).put("versionId", "deadline-e2e-version-1");
        String key = FUNCTION_NAME + "/s3:firmware-releases/gateway/v1.4.2/gateway-fw.bin@deadline-e2e-version-1";
        String unknown = "io.connectdeployer.connect.ConnectOutcomeUnknownException: Outcome unknown: ";
        try (SilentServer silentConnect = SilentServer.start(); RuntimeApiServer api = new RuntimeApiServer()) {
            environment.put("CONNECT_API_URL", silentConnect.url());
            api.start(0);
            try (LambdaJavaRuntime slow = LambdaJavaRuntime.start(ZIP, "127.0.0.1:" + api.getPort() + MockEventServer.BASE_PATH,
                    environment, "lambda-function-deadline.log")) {
                // Once started (the first event waits for init), so the time taken is the invocation's alone.
                invoke(api, "events/direct/seed-example-dry-run.json").statusCode(200).body("status", equalTo("dry_run"));

                long started = System.nanoTime();
                invoke(api, s3.toString()).statusCode(500)
                        .body("errorMessage", startsWith(unknown + "Connect may have started this deployment: the request was"
                                + " sent, then no answer from " + silentConnect.url()))
                        .body("errorMessage", containsString("and the deploy_update API has no list of deployments to look it up in."));
                long elapsed = Duration.ofNanos(System.nanoTime() - started).toMillis();
                invoke(api, s3.toString()).statusCode(500)
                        .body("errorMessage", startsWith(unknown + "an earlier delivery of this event (dedupe key '" + key + "')"));

                String log = slow.log();
                String failure = log.lines().filter(line -> line.contains("deploy uncertain: source=s3")).findFirst().orElse(log);
                System.out.println("Connect never answers, module settings: the invocation took " + elapsed + " ms ("
                        + failure.replaceAll(".* (attempts=\\d+ duration=\\d+ms).*", "$1") + "); FUNCTION_TIMEOUT is 30000 ms");
                assertTrue(elapsed >= 10_000 && elapsed < 30_000, "one read timeout of 10 s, then our error: took " + elapsed + " ms");
                assertEquals(1, silentConnect.connections(), "sent once, by the first delivery only");
                assertTrue(log.contains("Deadline per invocation: 25s (CONNECT_TIME_BUDGET, within FUNCTION_TIMEOUT 30s)"), log);
                assertTrue(failure.contains(" attempts=1 "), "the log line: " + failure);
                List<JsonNode> metrics = metricsLines(log, "deadline-e2e-version-1");
                assertEquals(List.of("uncertain", "uncertain"), metrics.stream().map(line -> line.path("Outcome").asText()).toList());
                assertEquals("ConnectOutcomeUnknownException", metrics.get(0).path("ErrorType").asText());
                assertEquals(1, metrics.get(0).path("ConnectAttempts").asInt(), "sent once: " + metrics.get(0));
                assertEquals(1, metrics.get(0).path("ConnectLatency").size(), "the unanswered call is timed: " + metrics.get(0));
                assertFalse(metrics.get(1).has("ConnectAttempts"), "the retry calls nothing: " + metrics.get(1));
            }
        }
        try (DynamoDbClient table = DedupeTable.client(moto.endpoint())) {
            Map<String, AttributeValue> item = table.getItem(get -> get.tableName(DEDUPE_TABLE)
                    .key(Map.of("id", AttributeValue.fromS(key)))).item();
            assertEquals(AttributeValue.fromS("uncertain"), item.get("state"), "kept, not released: " + item);
            assertTrue(item.get("result").s().contains("[cd:"), "what happened, with the marker to look for: " + item);
        }
    }

    /**
     * The metrics lines of the deployments of one event, in order, each checked against the EMF specification and
     * against the log line just before it (same event, same outcome: the line an operator reads and the metrics it
     * counts in never disagree).
     */
    private static List<JsonNode> metricsLines(String log, String eventId) {
        List<JsonNode> found = new ArrayList<>();
        JsonNode logLine = null;
        for (String text : log.lines().toList()) {
            if (!text.startsWith("{")) {
                continue;
            }
            if (EmfSpec.isEmf(text)) {
                JsonNode metrics = EmfSpec.check(text);
                if (eventId.equals(metrics.path("event_id").asText())) {
                    assertTrue(logLine != null && eventId.equals(logLine.path("mdc").path("event_id").asText()),
                            "the log line before " + text + ": " + logLine);
                    assertEquals(logLine.path("mdc").path("outcome").asText(), metrics.path("Outcome").asText());
                    found.add(metrics);
                }
            } else {
                try {
                    logLine = MAPPER.readTree(text);
                } catch (Exception notJson) {
                    logLine = null;
                }
            }
        }
        return found;
    }

    private static ValidatableResponse invoke(String eventOrResource) {
        return invoke(runtimeApi, eventOrResource);
    }

    private static ValidatableResponse invoke(RuntimeApiServer api, String eventOrResource) {
        String body = eventOrResource.startsWith("{") ? eventOrResource : Resources.text(eventOrResource);
        return given().baseUri("http://127.0.0.1:" + api.getPort()).basePath(MockEventServer.BASE_PATH)
                .contentType("application/json").body(body)
                .when().post().then();
    }

    private static void createSecret(String endpoint, String secretId, String value) {
        try (SecretsManagerClient client = SecretsManagerClient.builder()
                .endpointOverride(URI.create(endpoint))
                .region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
                .httpClient(UrlConnectionHttpClient.create())
                .build()) {
            client.createSecret(request -> request.name(secretId).secretString(value));
        }
    }
}
