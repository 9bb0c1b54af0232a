package io.connectdeployer.trigger;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.connectdeployer.deploy.App;
import io.connectdeployer.deploy.Problem;
import io.connectdeployer.event.DeployEvent;
import io.connectdeployer.event.DeployEventReader;
import io.connectdeployer.testing.Events;
import io.connectdeployer.testing.GitHubTime;

/** EventBridge Scheduler's own envelope (a schedule without input) through {@link EventShape#of} and {@link Triggers#batch}. */
class SchedulerEventsTest {

    private static final S3KeyPattern DEFAULT = S3KeyPattern.compile(S3KeyPattern.DEFAULT);
    private static final String ID = "c5f1e6a2-0b7d-4e39-9a51-2f8d3b6c7e10";
    private static final String TIME = "2026-11-28T03:00:00Z";
    private static final String ARN = "arn:aws:scheduler:eu-west-1:123456789012:schedule/default/nightly-gateway";
    /** What routes match a schedule on. */
    private static final Map<String, String> FACTS = Map.of("eventbridge_source", "aws.scheduler", "detail_type", "Scheduled Event",
            "schedule", "nightly-gateway");
    private static final DeployEvent COMMENT = new DeployEvent(null, null, null, null, null, null,
            "Scheduled deployment by EventBridge Scheduler schedule nightly-gateway at " + TIME, null);

    private static Batch batch(JsonNode event) {
        return Triggers.batch(EventShape.of(event), event, DEFAULT, GitHubTime.DEFAULT_POLICY);
    }

    /** The no-input envelope with another {@code detail}: a string, or an object where a string is sent. */
    private static JsonNode withDetail(String detail) {
        ObjectNode event = (ObjectNode) Events.load("events/scheduler/no-input.json");
        event.put("detail", detail);
        return event;
    }

    private static List<Problem> problems(Batch batch) {
        return ((Work.Deploy) batch.work().get(0)).event().problems();
    }

    @Test
    void should_deploy_the_defaults_keyed_on_the_schedule_arn_and_time_when_a_schedule_without_input_fires() {
        // given
        JsonNode event = Events.load("events/scheduler/no-input.json");

        // when
        Batch batch = batch(event);

        // then
        assertEquals(Batch.of(Source.SCHEDULE, new Work.Deploy(ID, new DeployEventReader.Read(DeployEvent.empty(), List.of()),
                COMMENT, Map.of("event_id", ID, "time", TIME), "schedule:" + ARN + "@" + TIME, FACTS)), batch);
    }

    @ParameterizedTest(name = "detail {0}")
    @ValueSource(strings = { "", " ", "{ }" })
    void should_deploy_the_defaults_when_the_string_detail_is_blank_or_an_empty_object(String detail) {
        // when
        Batch batch = batch(withDetail(detail));

        // then
        assertEquals(List.of(new Work.Deploy(ID, new DeployEventReader.Read(DeployEvent.empty(), List.of()), COMMENT,
                Map.of("event_id", ID, "time", TIME), "schedule:" + ARN + "@" + TIME, FACTS)), batch.work());
    }

    @Test
    void should_read_the_detail_as_the_deploy_event_and_key_on_its_idempotency_key_when_the_string_holds_one() {
        // given
        JsonNode event = Events.load("events/scheduler/deploy-event-detail.json");

        // when
        Batch batch = batch(event);

        // then
        String id = "0e9d8c7b-6a5f-4e3d-8c2b-1a0f9e8d7c6b";
        String time = "2026-11-30T06:00:00Z";
        assertEquals(Batch.of(Source.SCHEDULE, new Work.Deploy(id,
                new DeployEventReader.Read(new DeployEvent(null, null, null, null, new App("sensor", "v3.1.0"), null,
                        "weekly sensor rollout", null), List.of()),
                new DeployEvent(null, null, null, null, null, null,
                        "Scheduled deployment by EventBridge Scheduler schedule weekly-sensor at " + time, null),
                Map.of("event_id", id, "time", time), "schedule:weekly-sensor-2026-48",
                Map.of("eventbridge_source", "aws.scheduler", "detail_type", "Scheduled Event", "schedule", "weekly-sensor"))), batch);
    }

    @Test
    void should_key_on_the_schedule_arn_and_time_when_the_string_detail_has_no_idempotency_key() {
        // when
        Batch batch = batch(withDetail("{\"app\": {\"name\": \"gateway\", \"version\": \"v1.4.2\"}}"));

        // then
        assertEquals("schedule:" + ARN + "@" + TIME, ((Work.Deploy) batch.work().get(0)).dedupeKey());
    }

    @Test
    void should_say_detail_is_not_valid_json_when_the_string_detail_does_not_parse() {
        // when
        Batch batch = batch(Events.load("events/scheduler/invalid-detail.json"));

        // then
        assertEquals(List.of(new Problem("$.detail",
                "must be a JSON object, or a string holding one; this string is not valid JSON (line 1, column 2)")), problems(batch));
    }

    @Test
    void should_say_detail_is_not_valid_json_when_the_string_has_more_after_the_object() {
        // when
        Batch batch = batch(withDetail("{} {}"));

        // then
        assertEquals(List.of(new Problem("$.detail",
                "must be a JSON object, or a string holding one; this string is not valid JSON (line 1, column 4)")), problems(batch));
    }

    @Test
    void should_locate_each_problem_under_detail_when_the_string_detail_has_mistakes() {
        // when
        Batch batch = batch(withDetail("{\"flowid\": \"f-1\", \"dry_run\": \"yes\", \"idempotency_key\": \"\"}"));

        // then
        assertEquals(List.of(
                new Problem("$.detail.flowid", "unknown key 'flowid'; did you mean 'flow_id'?"),
                new Problem("$.detail.dry_run", "must be true or false, not a string"),
                new Problem("$.detail.idempotency_key", "must be a non-empty string of at most 512 characters")), problems(batch));
    }

    @Test
    void should_say_detail_must_be_an_object_when_the_string_holds_an_array() {
        // when
        Batch batch = batch(withDetail("[\"gateway\"]"));

        // then
        assertEquals(List.of(new Problem("$.detail", "must be a JSON object, not an array")), problems(batch));
    }

    @Test
    void should_read_an_object_detail_like_a_string_one_when_the_envelope_carries_it_parsed() {
        // given
        ObjectNode event = (ObjectNode) Events.load("events/scheduler/no-input.json");
        event.putObject("detail").put("comment", "by hand");

        // when
        Batch batch = batch(event);

        // then
        assertEquals(new DeployEventReader.Read(new DeployEvent(null, null, null, null, null, null, "by hand", null), List.of()),
                ((Work.Deploy) batch.work().get(0)).event());
    }

    @Test
    void should_key_on_the_event_id_and_call_the_schedule_unnamed_when_the_envelope_has_no_resources() {
        // given
        ObjectNode event = (ObjectNode) Events.load("events/scheduler/no-input.json");
        event.remove("resources");

        // when
        Work.Deploy deploy = (Work.Deploy) batch(event).work().get(0);

        // then
        assertEquals("eventbridge:" + ID, deploy.dedupeKey());
        assertEquals("Scheduled deployment by EventBridge Scheduler schedule (unnamed) at " + TIME, deploy.fallback().comment());
    }
}
