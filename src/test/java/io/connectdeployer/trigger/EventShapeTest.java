package io.connectdeployer.trigger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class EventShapeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EXPECTED = ". Expected a deploy event, an S3 event notification, an EventBridge event "
            + "or a Lambda Function URL request (payload format 2.0)";

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException invalid) {
            throw new IllegalArgumentException(invalid);
        }
    }

    private static String unrecognised(String what) {
        return "Unrecognised event, nothing was deployed: " + what + EXPECTED;
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
        assertEquals(unrecognised("'Records' from aws:sqs"), error.getMessage());
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
}
