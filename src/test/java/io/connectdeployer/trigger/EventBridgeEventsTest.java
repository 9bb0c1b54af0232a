package io.connectdeployer.trigger;

import io.connectdeployer.testing.GitHubTime;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.connectdeployer.deploy.App;
import io.connectdeployer.deploy.Problem;
import io.connectdeployer.event.DeployEvent;
import io.connectdeployer.event.DeployEventReader;
import io.connectdeployer.testing.Events;

/** EventBridge envelopes through {@link Triggers#batch}: schedules, S3 events, and custom events. */
class EventBridgeEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final S3KeyPattern DEFAULT = S3KeyPattern.compile(S3KeyPattern.DEFAULT);
    private static final String ID = "53dc4d37-cffa-4f76-80c9-8b7d4a4d2eaa";
    /** What routes match the custom events below on. */
    private static final Map<String, String> CUSTOM_FACTS = Map.of("eventbridge_source", "com.example.ci", "detail_type", "Release approved");
    private static final String TIME = "2024-05-01T02:00:00Z";

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException invalid) {
            throw new IllegalArgumentException(invalid);
        }
    }

    private static Batch batch(String event) {
        return Triggers.batch(EventShape.EVENTBRIDGE, json(event), DEFAULT, GitHubTime.DEFAULT_POLICY);
    }

    private static DeployEvent comment(String comment) {
        return new DeployEvent(null, null, null, null, null, null, comment, null);
    }

    @Test
    void should_deploy_the_defaults_with_the_rule_and_time_as_fallback_comment_when_a_schedule_fires() {
        // when
        Batch batch = batch("""
                {"version": "0", "id": "%s", "detail-type": "Scheduled Event", "source": "aws.events",
                 "account": "123456789012", "time": "%s", "region": "eu-west-1",
                 "resources": ["arn:aws:events:eu-west-1:123456789012:rule/nightly-gateway"], "detail": {}}
                """.formatted(ID, TIME));

        // then
        assertEquals(new Batch(Source.SCHEDULE, ID, List.of(new Work.Deploy(ID,
                new DeployEventReader.Read(DeployEvent.empty(), List.of()),
                comment("Scheduled deployment by EventBridge rule nightly-gateway at " + TIME),
                Map.of("event_id", ID, "time", TIME), "schedule:nightly-gateway@" + TIME,
                Map.of("eventbridge_source", "aws.events", "detail_type", "Scheduled Event", "schedule", "nightly-gateway")))), batch);
    }

    @Test
    void should_call_the_rule_unnamed_when_a_scheduled_event_has_no_resources() {
        // when
        Batch batch = batch("""
                {"id": "%s", "detail-type": "Scheduled Event", "source": "aws.events", "time": "%s", "detail": {}}
                """.formatted(ID, TIME));

        // then
        assertEquals(comment("Scheduled deployment by EventBridge rule (unnamed) at " + TIME),
                ((Work.Deploy) batch.work().get(0)).fallback());
    }

    @Test
    void should_deploy_the_key_as_is_with_the_event_id_when_s3_sends_object_created() {
        // when
        Batch batch = batch("""
                {"version": "0", "id": "%s", "detail-type": "Object Created", "source": "aws.s3", "time": "%s",
                 "detail": {"bucket": {"name": "firmware-releases"},
                            "object": {"key": "camera hub/v2.0+beta/fw.bin", "size": 1024, "sequencer": "0055AED6DCD90281E5"},
                            "reason": "PutObject"}}
                """.formatted(ID, TIME));

        // then
        assertEquals(new Batch(Source.EVENTBRIDGE, ID, List.of(new Work.Deploy(ID,
                new DeployEventReader.Read(new DeployEvent(null, null, null, null, new App("camera hub", "v2.0+beta"), null, null, null),
                        List.of()),
                comment("New object s3://firmware-releases/camera hub/v2.0+beta/fw.bin"),
                Map.of("bucket", "firmware-releases", "key", "camera hub/v2.0+beta/fw.bin", "event_id", ID, "time", TIME),
                "s3:firmware-releases/camera hub/v2.0+beta/fw.bin@0055AED6DCD90281E5",
                Map.of("bucket", "firmware-releases", "key", "camera hub/v2.0+beta/fw.bin")))),
                batch);
    }

    @Test
    void should_report_the_key_under_detail_when_an_s3_object_created_event_has_no_key() {
        // when
        Batch batch = batch("""
                {"id": "%s", "detail-type": "Object Created", "source": "aws.s3", "time": "%s",
                 "detail": {"bucket": {"name": "firmware-releases"}, "object": {}}}
                """.formatted(ID, TIME));

        // then
        assertEquals(List.of(new Work.Deploy(ID, new DeployEventReader.Read(DeployEvent.empty(),
                List.of(new Problem("$.detail.object.key", "missing, or not a valid URL-encoded key"))), null, Map.of(), null)),
                batch.work());
    }

    @Test
    void should_key_an_s3_upload_as_its_s3_notification_does_when_s3_sends_it_both_ways() {
        // given: one upload, as an S3 notification and as the EventBridge event S3 sends for it too
        JsonNode notification = Events.load("events/s3/put.json");
        JsonNode viaEventBridge = Events.load("events/eventbridge/s3-object-created-put.json");

        // when
        String notificationKey = ((Work.Deploy) Triggers.batch(EventShape.of(notification), notification, DEFAULT,
                GitHubTime.DEFAULT_POLICY).work().get(0)).dedupeKey();
        String eventBridgeKey = ((Work.Deploy) Triggers.batch(EventShape.of(viaEventBridge), viaEventBridge, DEFAULT,
                GitHubTime.DEFAULT_POLICY).work().get(0)).dedupeKey();

        // then
        assertEquals("s3:firmware-releases/gateway/v1.4.2/gateway-fw.bin@096fKKXTRTtl3on89fVO.nfljtsv6qko", notificationKey);
        assertEquals(notificationKey, eventBridgeKey);
    }

    @Test
    void should_key_an_s3_upload_on_its_sequencer_when_its_version_id_is_null() {
        // when
        Batch batch = batch("""
                {"id": "%s", "detail-type": "Object Created", "source": "aws.s3", "time": "%s",
                 "detail": {"bucket": {"name": "firmware-releases"},
                            "object": {"key": "gateway/v1/fw.bin", "version-id": "null", "sequencer": "0055AED6DCD90281E5"}}}
                """.formatted(ID, TIME));

        // then
        assertEquals("s3:firmware-releases/gateway/v1/fw.bin@0055AED6DCD90281E5", ((Work.Deploy) batch.work().get(0)).dedupeKey());
    }

    @Test
    void should_read_the_detail_as_a_deploy_event_when_the_event_is_custom() {
        // when
        Batch batch = batch("""
                {"id": "%s", "detail-type": "Release approved", "source": "com.example.ci", "time": "%s",
                 "detail": {"project": "Demo", "app": {"name": "gateway", "version": "v1.4.2"}, "comment": "approved"}}
                """.formatted(ID, TIME));

        // then
        assertEquals(new Batch(Source.EVENTBRIDGE, ID, List.of(new Work.Deploy(ID,
                new DeployEventReader.Read(new DeployEvent("Demo", null, null, null, new App("gateway", "v1.4.2"), null, "approved", null),
                        List.of()),
                null, Map.of("event_id", ID, "time", TIME), "eventbridge:" + ID, CUSTOM_FACTS))), batch);
    }

    @Test
    void should_locate_problems_under_detail_when_a_custom_event_has_typos() {
        // when
        Batch batch = batch("""
                {"id": "%s", "detail-type": "Release approved", "source": "com.example.ci", "time": "%s",
                 "detail": {"project": "Demo", "flowid": "f-1", "dry_run": "yes"}}
                """.formatted(ID, TIME));

        // then
        assertEquals(List.of(
                new Problem("$.detail.flowid", "unknown key 'flowid'; did you mean 'flow_id'?"),
                new Problem("$.detail.dry_run", "must be true or false, not a string")),
                ((Work.Deploy) batch.work().get(0)).event().problems());
    }

    @Test
    void should_report_that_detail_must_be_an_object_when_a_custom_event_has_no_detail() {
        // when
        Batch batch = batch("""
                {"id": "%s", "detail-type": "Release approved", "source": "com.example.ci", "time": "%s"}
                """.formatted(ID, TIME));

        // then
        assertEquals(List.of(new Work.Deploy(ID, new DeployEventReader.Read(DeployEvent.empty(),
                List.of(new Problem("$.detail", "must be a JSON object, not nothing"))), null, Map.of("event_id", ID, "time", TIME), "eventbridge:" + ID,
                CUSTOM_FACTS)),
                batch.work());
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource({
            "s3-object-deleted, Object Deleted, 8b1c2d3e-4f5a-6b7c-8d9e-0f1a2b3c4d5e",
            "s3-object-restore-completed, Object Restore Completed, 6d5c4b3a-2f1e-4d0c-9b8a-7f6e5d4c3b2a",
            "s3-object-restore-expired, Object Restore Expired, 1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d",
            "s3-object-tags-added, Object Tags Added, 9e8d7c6b-5a4f-4e3d-a2c1-b0a9f8e7d6c5" })
    void should_skip_with_the_reason_s3_notifications_give_when_s3_sends_an_event_other_than_object_created(
            String fixture, String detailType, String id) {
        // given
        JsonNode event = Events.load("events/eventbridge/" + fixture + ".json");

        // when
        Batch batch = Triggers.batch(EventShape.of(event), event, DEFAULT, GitHubTime.DEFAULT_POLICY);

        // then
        assertEquals(Batch.of(Source.EVENTBRIDGE, new Work.Skip(id, "S3 event " + detailType + " is not an object creation")), batch);
    }

    @Test
    void should_key_on_the_idempotency_key_instead_of_the_event_id_when_a_custom_detail_carries_one() {
        // given
        ObjectNode event = (ObjectNode) Events.load("events/eventbridge/custom-release.json");
        ((ObjectNode) event.get("detail")).put("idempotency_key", "ci-run-812");

        // when
        Batch batch = Triggers.batch(EventShape.of(event), event, DEFAULT, GitHubTime.DEFAULT_POLICY);

        // then
        Work.Deploy deploy = (Work.Deploy) batch.work().get(0);
        assertEquals(List.of(), deploy.event().problems());
        assertEquals("eventbridge:ci-run-812", deploy.dedupeKey());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = { "\"\"", "\"  \"", "42", "[\"ci-run-812\"]", "513 characters" })
    void should_report_the_idempotency_key_under_detail_and_key_on_the_event_id_when_it_is_not_a_short_non_empty_string(String key) {
        // given
        ObjectNode event = (ObjectNode) Events.load("events/eventbridge/custom-release.json");
        ((ObjectNode) event.get("detail")).set("idempotency_key",
                key.equals("513 characters") ? JSON.getNodeFactory().textNode("k".repeat(513)) : json(key));

        // when
        Work.Deploy deploy = (Work.Deploy) Triggers.batch(EventShape.of(event), event, DEFAULT, GitHubTime.DEFAULT_POLICY).work().get(0);

        // then
        assertEquals(List.of(new Problem("$.detail.idempotency_key", "must be a non-empty string of at most 512 characters")),
                deploy.event().problems());
        assertEquals("eventbridge:6a7e8feb-b491-4cf7-a9f1-bf3703467718", deploy.dedupeKey());
    }

    @Test
    void should_accept_an_idempotency_key_of_exactly_512_characters_when_a_custom_detail_carries_one() {
        // given
        ObjectNode event = (ObjectNode) Events.load("events/eventbridge/custom-release.json");
        ((ObjectNode) event.get("detail")).put("idempotency_key", "k".repeat(512));

        // when
        Work.Deploy deploy = (Work.Deploy) Triggers.batch(EventShape.of(event), event, DEFAULT, GitHubTime.DEFAULT_POLICY).work().get(0);

        // then
        assertEquals(List.of(), deploy.event().problems());
        assertEquals("eventbridge:" + "k".repeat(512), deploy.dedupeKey());
    }
}
