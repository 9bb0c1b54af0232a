package io.connectdeployer.function;

import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.connectdeployer.testing.ConnectStubs.DEPLOY_UPDATE;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;

import io.connectdeployer.deploy.DeployDefaults;
import io.connectdeployer.deploy.Filter;
import io.connectdeployer.testing.ConnectStubs;
import io.connectdeployer.testing.Events;
import io.connectdeployer.testing.MutatedEvents;
import io.connectdeployer.testing.MutatedEvents.Mutated;
import io.connectdeployer.testing.InjectWireMock;
import io.connectdeployer.testing.Lambda;
import io.connectdeployer.testing.PurePipeline;
import io.connectdeployer.testing.PurePipeline.Outcome;
import io.connectdeployer.testing.SecretScan;
import io.connectdeployer.testing.WireMockStandIns;
import io.connectdeployer.trigger.S3KeyPattern;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * A fixed sample of mutated sample events that cannot deploy (refused, unrecognised or invalid by the pure path
 * with %test's defaults), sent as raw text through the real Lambda path: each is answered with our error or an
 * HTTP refusal, and Connect gets no request at all. The property tests (HostileInputTest,
 * HostileInvocationTest) cover thousands of cases without Quarkus; this checks the wiring around them.
 */
@QuarkusTest
@QuarkusTestResource(WireMockStandIns.class)
class HostileEventsTest {

    private static final int SAMPLE = 60;
    private static final long SEED = 20261128L;
    /** %test: no project or flow, the device_state guard and a region parameter. */
    private static final DeployDefaults TEST_DEFAULTS = new DeployDefaults(null, List.of(),
            List.of(new Filter("device_state", "is", "online", null, null)), null, null, Map.of("region", "eu"), null, false);
    private static final S3KeyPattern KEYS = S3KeyPattern.compile(S3KeyPattern.DEFAULT);

    @InjectWireMock
    WireMockServer wireMock;

    @BeforeEach
    void resetConnect() {
        WireMockStandIns.resetConnect(wireMock);
    }

    @AfterAll
    static void secretsStaySecret() {
        SecretScan.assertNothingLeaked();
    }

    @Test
    void should_answer_each_invalid_mutated_event_with_our_error_and_call_connect_for_none() {
        ConnectStubs.answers(wireMock, 201, "{\"message\":\"Created\"}");
        List<Mutated> invalid = invalidSample();
        Map<String, Integer> answers = new TreeMap<>();

        for (Mutated mutated : invalid) {
            Response response = given().contentType("application/json").body(mutated.text()).when().post();
            String body = SecretScan.captured(response.asString());
            answers.merge(classify(mutated, response.statusCode(), body), 1, Integer::sum);
        }

        System.out.println("HostileEventsTest: " + invalid.size() + " invalid mutated events through the Lambda path: " + answers);
        assertEquals(SAMPLE, invalid.size());
        wireMock.verify(exactly(0), postRequestedFor(urlEqualTo(DEPLOY_UPDATE)));
    }

    @Test
    void should_answer_400_and_call_nothing_when_a_function_url_body_has_content_after_the_json() {
        ConnectStubs.answers(wireMock, 201, "{\"message\":\"Created\"}");

        Lambda.HttpAnswer answer = functionUrl(("{\"project\":\"Demo\",\"flow_id\":\"f-1\"}{\"project\":\"Other\",\"flow_id\":\"f-2\"}")
                .getBytes(StandardCharsets.UTF_8));

        assertEquals(400, answer.status(), answer.body());
        wireMock.verify(exactly(0), postRequestedFor(urlEqualTo(DEPLOY_UPDATE)));
    }

    /** RFC 8259 requires UTF-8; an overlong '/' (C0 AF) or a sequence past U+10FFFF (F4 90 80 80) is not UTF-8. */
    @ParameterizedTest
    @ValueSource(strings = { "C0AF", "E080AF", "F4908080" })
    void should_answer_400_and_call_nothing_when_a_function_url_body_is_not_valid_utf8(String hex) {
        ConnectStubs.answers(wireMock, 201, "{\"message\":\"Created\"}");
        byte[] bad = HexFormat.of().parseHex(hex);
        byte[] head = "{\"project\":\"Demo\",\"flow_id\":\"f-1\",\"app\":{\"name\":\"gateway\",\"version\":\"v1".getBytes(StandardCharsets.UTF_8);
        byte[] tail = "\"}}".getBytes(StandardCharsets.UTF_8);
        ByteBuffer body = ByteBuffer.allocate(head.length + bad.length + tail.length).put(head).put(bad).put(tail);

        Lambda.HttpAnswer answer = functionUrl(body.array());

        assertEquals(400, answer.status(), answer.body());
        wireMock.verify(exactly(0), postRequestedFor(urlEqualTo(DEPLOY_UPDATE)));
    }

    /** An IAM-authenticated Function URL request with this body, base64 encoded as Lambda sends binary bodies. */
    private static Lambda.HttpAnswer functionUrl(byte[] body) {
        ObjectNode request = (ObjectNode) Events.load("events/function-url/iam.json");
        request.put("isBase64Encoded", true);
        request.put("body", Base64.getEncoder().encodeToString(body));
        Lambda.HttpAnswer answer = Lambda.functionUrl(request);
        SecretScan.captured(answer.body());
        return answer;
    }

    /** The first {@value #SAMPLE} mutations (from a fixed seed) that the pure path says cannot deploy. */
    private static List<Mutated> invalidSample() {
        List<String> samples = MutatedEvents.samples();
        Random random = new Random(SEED);
        List<Mutated> invalid = new ArrayList<>();
        while (invalid.size() < SAMPLE) {
            Mutated mutated = MutatedEvents.mutate(samples.get(random.nextInt(samples.size())), random.nextLong());
            if (mutated.event() == null || MutatedEvents.parseOrNull(mutated.text()) == null) {
                continue;
            }
            Outcome outcome = PurePipeline.run(mutated.event(), TEST_DEFAULTS, KEYS);
            if (outcome.refusedBy() != null || (outcome.deployments() > 0 && outcome.planned() == 0)) {
                invalid.add(mutated);
            }
        }
        return invalid;
    }

    /** Our error type in Lambda's error, or a Function URL answer that is not a success; the class of answer. */
    private static String classify(Mutated mutated, int status, String body) {
        JsonNode answer = Events.parse(body);
        if (status == 500) {
            assertEquals(Lambda.FUNQY_ERROR, answer.path("errorType").asText(), mutated + ": " + body);
            String message = answer.path("errorMessage").asText();
            assertTrue(message.startsWith("io.connectdeployer."), mutated + ": " + body);
            return message.substring(0, message.indexOf(':')).replace("io.connectdeployer.", "");
        }
        assertEquals(200, status, mutated + ": " + body);
        assertTrue(answer.has("statusCode"), "only a Function URL request is answered without an error: " + mutated + ": " + body);
        int http = answer.path("statusCode").asInt();
        assertTrue(http >= 400, mutated + " answered HTTP " + http);
        return "Function URL HTTP " + http;
    }
}
