package io.connectdeployer.trigger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.connectdeployer.testing.Events;
import io.connectdeployer.testing.NotTriggers;

class EventShapeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException invalid) {
            throw new IllegalArgumentException(invalid);
        }
    }

    private static String unrecognised(String what) {
        return NotTriggers.message(what);
    }

    private static String messageFor(JsonNode event) {
        return assertThrows(UnrecognizedEventException.class, () -> EventShape.of(event)).getMessage();
    }

    @Test
    void should_be_an_s3_notification_when_the_first_record_comes_from_aws_s3() {
        // given
        JsonNode event = json("""
                {"Records": [{"eventSource": "aws:s3", "eventName": "ObjectCreated:Put"}]}
                """);

        // when
        EventShape shape = EventShape.of(event);

        // then
        assertEquals(EventShape.S3_NOTIFICATION, shape);
    }

    @Test
    void should_be_a_function_url_request_when_version_is_2_0_and_there_is_a_request_context_http() {
        // given
        JsonNode event = json("""
                {"version": "2.0", "rawPath": "/", "headers": {},
                 "requestContext": {"http": {"method": "POST", "path": "/"}}, "body": "{}", "isBase64Encoded": false}
                """);

        // when
        EventShape shape = EventShape.of(event);

        // then
        assertEquals(EventShape.FUNCTION_URL, shape);
    }

    @Test
    void should_be_an_eventbridge_event_when_it_has_detail_type_and_source() {
        // given
        JsonNode event = json("""
                {"version": "0", "id": "53dc4d37", "detail-type": "Scheduled Event", "source": "aws.events",
                 "time": "2024-05-01T02:00:00Z", "resources": ["arn:aws:events:eu-west-1:123456789012:rule/nightly"], "detail": {}}
                """);

        // when
        EventShape shape = EventShape.of(event);

        // then
        assertEquals(EventShape.EVENTBRIDGE, shape);
    }

    @Test
    void should_be_a_deploy_event_when_it_has_deploy_event_keys() {
        // given
        JsonNode event = json("""
                {"project": "Demo", "flow_id": "f-dd0c-73b9", "app": {"name": "gateway", "version": "v1.4.2"}}
                """);

        // when
        EventShape shape = EventShape.of(event);

        // then
        assertEquals(EventShape.DEPLOY_EVENT, shape);
    }

    @Test
    void should_be_a_deploy_event_when_the_event_is_an_empty_object() {
        // when
        EventShape shape = EventShape.of(json("{}"));

        // then
        assertEquals(EventShape.DEPLOY_EVENT, shape);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "{\"flowid\": \"f-1\"}", "{\"flowId\": \"f-1\"}", "{\"projct\": \"Demo\"}",
            "{\"device_filter\": {}}", "{\"dry-run\": true}" })
    void should_be_a_deploy_event_so_that_its_typos_are_reported_when_a_key_resembles_a_deploy_key(String event) {
        // when
        EventShape shape = EventShape.of(json(event));

        // then
        assertEquals(EventShape.DEPLOY_EVENT, shape);
    }

    @Test
    void should_not_be_a_function_url_request_when_the_version_is_not_2_0() {
        // given
        JsonNode event = json("""
                {"version": "1.0", "requestContext": {"http": {"method": "POST"}}}
                """);

        // when
        UnrecognizedEventException error = assertThrows(UnrecognizedEventException.class, () -> EventShape.of(event));

        // then
        assertEquals(unrecognised("top-level keys [version, requestContext]"), error.getMessage());
    }

    @Test
    void should_list_the_top_level_keys_in_order_when_no_key_resembles_a_deploy_key() {
        // given
        JsonNode event = json("""
                {"orderId": "42", "customer": "acme", "total": 12.5}
                """);

        // when
        UnrecognizedEventException error = assertThrows(UnrecognizedEventException.class, () -> EventShape.of(event));

        // then
        assertEquals(unrecognised("top-level keys [orderId, customer, total]"), error.getMessage());
        assertEquals(400, error.httpStatus());
    }

    @Test
    void should_name_the_source_when_records_come_from_sqs() {
        // given
        JsonNode event = json("""
                {"Records": [{"messageId": "059f3", "eventSource": "aws:sqs", "body": "{}"}]}
                """);

        // when
        UnrecognizedEventException error = assertThrows(UnrecognizedEventException.class, () -> EventShape.of(event));

        // then
        assertEquals(unrecognised("SQS messages ('Records' from aws:sqs); this function takes S3 and EventBridge events "
                + "directly, not through a queue or topic"), error.getMessage());
    }

    @Test
    void should_say_no_known_source_when_records_is_empty() {
        // when
        UnrecognizedEventException error = assertThrows(UnrecognizedEventException.class,
                () -> EventShape.of(json("{\"Records\": []}")));

        // then
        assertEquals(unrecognised("'Records' from no known source"), error.getMessage());
    }

    @Test
    void should_say_the_event_is_an_array_when_the_event_is_a_json_array() {
        // when
        UnrecognizedEventException error = assertThrows(UnrecognizedEventException.class,
                () -> EventShape.of(json("[{\"project\": \"Demo\"}]")));

        // then
        assertEquals(unrecognised("the event is a JSON array, not an object"), error.getMessage());
    }

    @Test
    void should_say_the_event_is_a_string_when_the_event_is_a_json_string() {
        // when
        UnrecognizedEventException error = assertThrows(UnrecognizedEventException.class,
                () -> EventShape.of(json("\"{\\\"project\\\": \\\"Demo\\\"}\"")));

        // then
        assertEquals(unrecognised("the event is a JSON string, not an object"), error.getMessage());
    }

    @Test
    void should_say_the_event_is_empty_when_there_is_no_event() {
        // when
        UnrecognizedEventException error = assertThrows(UnrecognizedEventException.class, () -> EventShape.of(null));

        // then
        assertEquals(unrecognised("the event is empty, not an object"), error.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.connectdeployer.testing.NotTriggers#described")
    void should_name_what_the_event_is_when_an_aws_service_that_is_no_trigger_sent_it(String fixture, String what) {
        // when
        String message = messageFor(Events.load(fixture));

        // then
        assertEquals(unrecognised(what), message);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({ "aws.events, EventBridge Scheduled Rule State Change", "aws.scheduler, Schedule Group Deleted" })
    void should_name_source_and_detail_type_when_a_scheduling_service_sends_an_event_that_is_no_schedule(String source, String detailType) {
        // given
        JsonNode event = json("""
                {"id": "1", "detail-type": "%s", "source": "%s", "time": "2026-11-28T02:00:00Z", "detail": {"state": "ENABLED"}}
                """.formatted(detailType, source));

        // when
        String message = messageFor(event);

        // then
        assertEquals(unrecognised("an EventBridge event from " + source + ", detail-type '" + detailType
                + "'; of AWS's own events only S3's and schedules trigger deployments"), message);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "com.example.ci", "awsome.ci", "aws-ci" })
    void should_be_an_eventbridge_event_whose_detail_is_read_strictly_when_the_source_is_custom(String source) {
        // given
        JsonNode event = json("""
                {"id": "1", "detail-type": "ECR Image Action", "source": "%s", "detail": {"result": "SUCCESS"}}
                """.formatted(source));

        // when
        EventShape shape = EventShape.of(event);

        // then
        assertEquals(EventShape.EVENTBRIDGE, shape);
    }

    @Test
    void should_list_as_many_keys_as_fit_and_count_the_rest_when_an_unknown_event_has_many_keys() {
        // given
        ObjectNode event = JSON.createObjectNode();
        for (int index = 1; index <= 20; index++) {
            event.put("field_%02d".formatted(index), index);
        }

        // when
        String message = messageFor(event);

        // then
        assertEquals(unrecognised("top-level keys [field_01, field_02, field_03, field_04, field_05, field_06, field_07, "
                + "field_08, field_09, field_10, ... 10 more]"), message);
    }

    @Test
    void should_cut_a_long_key_short_when_an_unknown_event_has_one() {
        // given
        ObjectNode event = JSON.createObjectNode().put("k".repeat(100), 1);

        // when
        String message = messageFor(event);

        // then
        assertEquals(unrecognised("top-level keys [" + "k".repeat(37) + "...]"), message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyShape")
    void should_keep_lambdas_whole_error_message_within_400_characters_when_the_event_is_not_a_trigger(String name, JsonNode event) {
        // when
        String message = messageFor(event);
        String reported = UnrecognizedEventException.class.getName() + ": " + message;

        // then
        assertTrue(reported.length() <= 400, reported.length() + " characters: " + reported);
        assertTrue(message.startsWith(NotTriggers.PREFIX), message);
        assertTrue(message.endsWith(NotTriggers.SUFFIX), message);
    }

    /** Every shape that ends in the message, from fixtures and with texts far longer than any AWS sends. */
    static Stream<Arguments> everyShape() {
        String huge = "x".repeat(10_000);
        ObjectNode manyKeys = JSON.createObjectNode();
        for (int index = 0; index < 500; index++) {
            manyKeys.put(index + huge.substring(0, 200), index);
        }
        Stream<Arguments> fixtures = NotTriggers.described().map(pair -> Arguments.of(pair.get()[0], Events.load((String) pair.get()[0])));
        return Stream.concat(fixtures, Stream.of(
                Arguments.of("not an object", json("[1, 2, 3]")),
                Arguments.of("empty Records", json("{\"Records\": []}")),
                Arguments.of("Records from a long source", json("{\"Records\": [{\"eventSource\": \"aws:" + huge + "\"}]}")),
                Arguments.of("SNS-style Records from a long source", json("{\"Records\": [{\"EventSource\": \"" + huge + "\"}]}")),
                Arguments.of("EventBridge from a long AWS source", json("{\"source\": \"aws." + huge + "\", \"detail-type\": \"" + huge + "\"}")),
                Arguments.of("Lambda destination of a long ARN",
                        json("{\"requestContext\": {\"functionArn\": \"" + huge + "\"}, \"responsePayload\": {}}")),
                Arguments.of("CloudFormation with a long request type", json("{\"RequestType\": \"" + huge + "\", \"ResponseURL\": \"u\"}")),
                Arguments.of("500 long keys", manyKeys),
                Arguments.of("one huge key", json("{\"" + huge + "\": 1}"))));
    }
}
