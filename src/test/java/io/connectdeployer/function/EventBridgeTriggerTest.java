package io.connectdeployer.function;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.connectdeployer.testing.ConnectStubs.DEPLOY_UPDATE;
import static io.connectdeployer.testing.Lambda.invoke;
import static io.connectdeployer.testing.Lambda.invokeFailing;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;

import io.connectdeployer.testing.ConnectStubs;
import io.connectdeployer.testing.Events;
import io.connectdeployer.testing.InjectWireMock;
import io.connectdeployer.testing.Markers;
import io.connectdeployer.testing.NotTriggers;
import io.connectdeployer.testing.TriggerProfile;
import io.connectdeployer.testing.WireMockStandIns;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * EventBridge envelopes: a scheduled rule, Scheduler's own envelope, S3 through EventBridge, a custom event whose detail
 * is a deploy event; and the events of services that are no trigger, answered with one short error.
 */
@QuarkusTest
@TestProfile(TriggerProfile.class)
@QuarkusTestResource(WireMockStandIns.class)
class EventBridgeTriggerTest {

    private static final String UNRECOGNIZED = "io.connectdeployer.trigger.UnrecognizedEventException: ";

    @InjectWireMock
    WireMockServer wireMock;

    @BeforeEach
    void resetConnect() {
        WireMockStandIns.resetConnect(wireMock);
        ConnectStubs.answers(wireMock, 201, "{\"message\":\"Created\"}");
    }

    @Test
    void should_deploy_the_defaults_with_the_rule_and_time_as_comment_when_a_schedule_fires() {
        invoke("events/eventbridge/scheduled.json")
                .statusCode(200)
                .body("status", equalTo("created"))
                .body("source", equalTo("schedule"))
                .body("event_id", equalTo("53dc4d37-cffa-4f76-80c9-8b7d4a4d2eaa"))
                .body("deployments[0].flow_id", equalTo(TriggerProfile.FLOW_ID));

        wireMock.verify(exactly(1), postRequestedFor(urlEqualTo(DEPLOY_UPDATE))
                .withRequestBody(matchingJsonPath("$.deployment_configuration.comment",
                        WireMock.equalTo(Markers.marked("Scheduled deployment by EventBridge rule nightly-rollout at 2026-11-28T02:00:00Z",
                                "schedule:nightly-rollout@2026-11-28T02:00:00Z")))));
    }

    @Test
    void should_map_the_key_like_an_s3_notification_when_s3_sends_object_created_through_eventbridge() {
        invoke("events/eventbridge/s3-object-created.json")
                .statusCode(200)
                .body("source", equalTo("eventbridge"))
                .body("deployments[0].app.name", equalTo("gateway"))
                .body("deployments[0].app.version", equalTo("v1.4.3"));

        wireMock.verify(exactly(1), postRequestedFor(urlEqualTo(DEPLOY_UPDATE))
                .withRequestBody(matchingJsonPath("$.deployment_configuration.app.version", WireMock.equalTo("v1.4.3"))));
    }

    @Test
    void should_deploy_the_detail_when_a_ci_system_puts_a_custom_event() {
        invoke("events/eventbridge/custom-release.json")
                .statusCode(200)
                .body("source", equalTo("eventbridge"))
                .body("event_id", equalTo("6a7e8feb-b491-4cf7-a9f1-bf3703467718"))
                .body("deployments[0].event_id", equalTo("6a7e8feb-b491-4cf7-a9f1-bf3703467718"));

        wireMock.verify(exactly(1), postRequestedFor(urlEqualTo(DEPLOY_UPDATE))
                .withRequestBody(matchingJsonPath("$.device_filter.groups[0].name", WireMock.equalTo("beta")))
                .withRequestBody(matchingJsonPath("$.deployment_configuration.comment", WireMock.equalTo(Markers.marked("CI build 812", "eventbridge:6a7e8feb-b491-4cf7-a9f1-bf3703467718"))))
                .withRequestBody(matchingJsonPath("$.deployment_configuration.app.version", WireMock.equalTo("v1.4.2"))));
    }

    @Test
    void should_locate_each_problem_under_detail_and_call_nothing_when_the_custom_detail_is_invalid() {
        invoke(customReleaseWith("flowid", "f-1"))
                .statusCode(500)
                .body("errorMessage", equalTo("io.connectdeployer.deploy.InvalidDeployEventException: Invalid deploy event, "
                        + "nothing was deployed (1 problem): $.detail.flowid: unknown key 'flowid'; did you mean 'flow_id'?"));

        wireMock.verify(exactly(0), postRequestedFor(urlEqualTo(DEPLOY_UPDATE)));
    }

    @Test
    void should_name_the_top_level_keys_and_call_nothing_when_the_shape_is_unknown() {
        invoke(Events.parse("{\"Type\":\"Notification\",\"MessageId\":\"m-1\",\"Message\":\"hello\"}"))
                .statusCode(500)
                .body("errorMessage", equalTo("io.connectdeployer.trigger.UnrecognizedEventException: Unrecognised event, "
                        + "nothing was deployed: top-level keys [Type, MessageId, Message]. Expected a deploy event, an S3 "
                        + "event notification, an EventBridge event or a Lambda Function URL request (payload format 2.0)"));

        wireMock.verify(exactly(0), postRequestedFor(urlEqualTo(DEPLOY_UPDATE)));
    }

    @Test
    void should_name_the_source_and_call_nothing_when_records_come_from_sqs() {
        invokeFailing("events/sqs/message.json", "io.connectdeployer.trigger.UnrecognizedEventException")
                .body("errorMessage", containsString("'Records' from aws:sqs"));

        wireMock.verify(exactly(0), postRequestedFor(urlEqualTo(DEPLOY_UPDATE)));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource({
            "s3-object-deleted, Object Deleted",
            "s3-object-restore-completed, Object Restore Completed",
            "s3-object-restore-expired, Object Restore Expired",
            "s3-object-tags-added, Object Tags Added" })
    void should_answer_ignored_with_a_reason_and_call_nothing_when_s3_sends_an_event_other_than_object_created(
            String fixture, String detailType) {
        invoke("events/eventbridge/" + fixture + ".json")
                .statusCode(200)
                .body("status", equalTo("ignored"))
                .body("source", equalTo("eventbridge"))
                .body("deployments[0].status", equalTo("ignored"))
                .body("deployments[0].reason", equalTo("S3 event " + detailType + " is not an object creation"));

        wireMock.verify(exactly(0), postRequestedFor(urlEqualTo(DEPLOY_UPDATE)));
    }

    @Test
    void should_refuse_the_idempotency_key_and_call_nothing_when_a_custom_detail_carries_an_empty_one() {
        invoke(customReleaseWith("idempotency_key", ""))
                .statusCode(500)
                .body("errorMessage", equalTo("io.connectdeployer.deploy.InvalidDeployEventException: Invalid deploy event, "
                        + "nothing was deployed (1 problem): $.detail.idempotency_key: must be a non-empty string of at most 512 characters"));

        wireMock.verify(exactly(0), postRequestedFor(urlEqualTo(DEPLOY_UPDATE)));
    }

    @Test
    void should_deploy_the_defaults_with_the_schedule_and_time_as_comment_when_a_schedule_without_input_fires() {
        invoke("events/scheduler/no-input.json")
                .statusCode(200)
                .body("status", equalTo("created"))
                .body("source", equalTo("schedule"))
                .body("event_id", equalTo("c5f1e6a2-0b7d-4e39-9a51-2f8d3b6c7e10"))
                .body("deployments[0].flow_id", equalTo(TriggerProfile.FLOW_ID));

        wireMock.verify(exactly(1), postRequestedFor(urlEqualTo(DEPLOY_UPDATE)).withRequestBody(equalToJson("""
                {"user_token": "%s",
                 "device_filter": {"project": {"name": "Demo"}, "groups": [],
                                   "filters": [{"type": "device_state", "operand": "is", "value": "online"}]},
                 "deployment_configuration": {"flow_id": "%s",
                                              "comment": "%s",
                                              "parameters_mapping": {"region": "eu"}}}
                """.formatted(WireMockStandIns.currentToken(), TriggerProfile.FLOW_ID,
                Markers.marked("Scheduled deployment by EventBridge Scheduler schedule nightly-gateway at 2026-11-28T03:00:00Z",
                        "schedule:arn:aws:scheduler:eu-west-1:123456789012:schedule/default/nightly-gateway@2026-11-28T03:00:00Z")))));
    }

    @Test
    void should_deploy_the_detail_when_the_schedule_envelope_carries_a_deploy_event_as_a_string() {
        invoke("events/scheduler/deploy-event-detail.json")
                .statusCode(200)
                .body("status", equalTo("created"))
                .body("source", equalTo("schedule"))
                .body("deployments[0].app.name", equalTo("sensor"))
                .body("deployments[0].app.version", equalTo("v3.1.0"));

        wireMock.verify(exactly(1), postRequestedFor(urlEqualTo(DEPLOY_UPDATE))
                .withRequestBody(matchingJsonPath("$.deployment_configuration.comment", WireMock.equalTo(Markers.marked("weekly sensor rollout", "schedule:weekly-sensor-2026-48")))));
    }

    @Test
    void should_say_the_detail_is_not_valid_json_and_call_nothing_when_the_string_detail_does_not_parse() {
        invoke("events/scheduler/invalid-detail.json")
                .statusCode(500)
                .body("errorMessage", equalTo("io.connectdeployer.deploy.InvalidDeployEventException: Invalid deploy event, "
                        + "nothing was deployed (1 problem): $.detail: must be a JSON object, or a string holding one; "
                        + "this string is not valid JSON (line 1, column 2)"));

        wireMock.verify(exactly(0), postRequestedFor(urlEqualTo(DEPLOY_UPDATE)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.connectdeployer.testing.NotTriggers#described")
    void should_say_what_the_event_is_in_at_most_400_characters_and_call_nothing_when_a_service_that_is_no_trigger_sends_it(
            String fixture, String what) {
        String message = invoke(fixture)
                .statusCode(500)
                .body("errorMessage", equalTo(UNRECOGNIZED + NotTriggers.message(what)))
                .extract().path("errorMessage");

        assertTrue(message.length() - UNRECOGNIZED.length() <= 400, message);
        wireMock.verify(exactly(0), postRequestedFor(urlEqualTo(DEPLOY_UPDATE)));
    }

    /** The custom release event with one more field in its detail. */
    private static ObjectNode customReleaseWith(String key, String value) {
        ObjectNode event = (ObjectNode) Events.load("events/eventbridge/custom-release.json");
        ((ObjectNode) event.get("detail")).put(key, value);
        return event;
    }
}
