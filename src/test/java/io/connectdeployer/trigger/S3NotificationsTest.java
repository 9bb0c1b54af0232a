package io.connectdeployer.trigger;

import io.connectdeployer.testing.GitHubTime;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.connectdeployer.deploy.App;
import io.connectdeployer.deploy.Problem;
import io.connectdeployer.event.DeployEvent;
import io.connectdeployer.event.DeployEventReader;

/** S3 event notifications through {@link Triggers#batch}: one item per record, keys URL-decoded. */
class S3NotificationsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final S3KeyPattern DEFAULT = S3KeyPattern.compile(S3KeyPattern.DEFAULT);
    private static final String BUCKET = "firmware-releases";
    private static final String TIME = "2024-05-01T10:15:30.000Z";

    /** One record as S3 sends it; {@code versionId} and {@code sequencer} are left out when null. */
    private static ObjectNode record(String eventName, String key, String versionId, String sequencer) {
        ObjectNode record = JSON.createObjectNode()
                .put("eventVersion", "2.1")
                .put("eventSource", "aws:s3")
                .put("awsRegion", "eu-west-1")
                .put("eventTime", TIME)
                .put("eventName", eventName);
        ObjectNode s3 = record.putObject("s3");
        s3.put("s3SchemaVersion", "1.0");
        s3.putObject("bucket").put("name", BUCKET).put("arn", "arn:aws:s3:::" + BUCKET);
        ObjectNode object = s3.putObject("object").put("key", key).put("size", 1024);
        if (versionId != null) {
            object.put("versionId", versionId);
        }
        if (sequencer != null) {
            object.put("sequencer", sequencer);
        }
        return record;
    }

    private static JsonNode notification(ObjectNode... records) {
        ObjectNode event = JSON.createObjectNode();
        ArrayNode array = event.putArray("Records");
        for (ObjectNode record : records) {
            array.add(record);
        }
        return event;
    }

    private static Batch batch(JsonNode event) {
        return Triggers.batch(EventShape.S3_NOTIFICATION, event, DEFAULT, GitHubTime.DEFAULT_POLICY);
    }

    private static Work.Deploy deploy(String eventId, String name, String version, String key) {
        return new Work.Deploy(eventId,
                new DeployEventReader.Read(new DeployEvent(null, null, null, null, new App(name, version), null, null, null), List.of()),
                new DeployEvent(null, null, null, null, null, null, "New object s3://" + BUCKET + "/" + key, null),
                Map.of("bucket", BUCKET, "key", key, "event_id", eventId, "time", TIME),
                "s3:" + BUCKET + "/" + key + "@" + eventId, Map.of("bucket", BUCKET, "key", key));
    }

    @Test
    void should_deploy_the_app_and_version_in_the_key_with_the_version_id_as_event_id_when_an_object_is_put() {
        // given
        JsonNode event = notification(record("ObjectCreated:Put", "a/b/gateway/v1/fw.bin", "3HL4kqtJlcpXroDTDmJ", "0055AED6DCD90281E5"));

        // when
        Batch batch = batch(event);

        // then
        assertEquals(new Batch(Source.S3, null, List.of(deploy("3HL4kqtJlcpXroDTDmJ", "gateway", "v1", "a/b/gateway/v1/fw.bin")),
                List.of("s3://" + BUCKET + "/a/b/gateway/v1/fw.bin")), batch);
    }

    @Test
    void should_use_the_sequencer_as_event_id_when_the_bucket_is_not_versioned() {
        // given
        JsonNode event = notification(record("ObjectCreated:CompleteMultipartUpload", "gateway/v1/fw.bin", null, "0055AED6DCD90281E5"));

        // when
        Batch batch = batch(event);

        // then
        assertEquals(List.of(deploy("0055AED6DCD90281E5", "gateway", "v1", "gateway/v1/fw.bin")), batch.work());
    }

    @Test
    void should_decode_plus_as_space_and_percent_escapes_when_the_key_is_url_encoded() {
        // given
        JsonNode event = notification(record("ObjectCreated:Put", "camera+hub/v2.0+beta/fw%28final%29.bin", null, "0055AED6DCD90281E6"));

        // when
        Batch batch = batch(event);

        // then
        assertEquals(List.of(deploy("0055AED6DCD90281E6", "camera hub", "v2.0 beta", "camera hub/v2.0 beta/fw(final).bin")),
                batch.work());
    }

    @Test
    void should_report_the_key_of_that_record_and_deploy_nothing_for_it_when_a_percent_escape_is_malformed() {
        // given
        JsonNode event = notification(record("ObjectCreated:Put", "gateway/v1/fw%zz.bin", null, "0055AED6DCD90281E5"));

        // when
        Batch batch = batch(event);

        // then
        assertEquals(List.of(new Work.Deploy("0055AED6DCD90281E5", new DeployEventReader.Read(DeployEvent.empty(),
                List.of(new Problem("$.Records[0].s3.object.key", "missing, or not a valid URL-encoded key"))), null, Map.of(), null)),
                batch.work());
    }

    @Test
    void should_locate_the_problem_at_the_record_index_when_a_later_record_is_malformed() {
        // given
        JsonNode event = notification(
                record("ObjectCreated:Put", "gateway/v1/fw.bin", null, "01"),
                record("ObjectCreated:Put", "gateway/v2/fw%2.bin", null, "02"));

        // when
        Batch batch = batch(event);

        // then
        assertEquals(List.of(
                deploy("01", "gateway", "v1", "gateway/v1/fw.bin"),
                new Work.Deploy("02", new DeployEventReader.Read(DeployEvent.empty(),
                        List.of(new Problem("$.Records[1].s3.object.key", "missing, or not a valid URL-encoded key"))), null, Map.of(), null)),
                batch.work());
    }

    @Test
    void should_skip_naming_the_event_when_an_object_is_removed() {
        // given
        JsonNode event = notification(record("ObjectRemoved:Delete", "gateway/v1/fw.bin", null, "0055AED6DCD90281E5"));

        // when
        Batch batch = batch(event);

        // then
        assertEquals(new Batch(Source.S3, null, List.of(
                new Work.Skip("0055AED6DCD90281E5", "S3 event ObjectRemoved:Delete is not an object creation")),
                List.of("s3://" + BUCKET + "/gateway/v1/fw.bin")), batch);
    }

    @Test
    void should_skip_a_key_outside_the_pattern_when_the_object_is_top_level() {
        // given
        JsonNode event = notification(record("ObjectCreated:Put", "fw.bin", "v-1", null));

        // when
        Batch batch = batch(event);

        // then
        assertEquals(List.of(new Work.Skip("v-1", "key 'fw.bin' does not match DEPLOY_S3_KEY_PATTERN " + S3KeyPattern.DEFAULT)),
                batch.work());
    }

    @Test
    void should_key_on_the_sequencer_so_a_reupload_deploys_again_when_the_version_id_is_null() {
        // given: versioning suspended, S3 reports the version id "null" for every upload of the key
        JsonNode first = notification(record("ObjectCreated:Put", "gateway/v1/fw.bin", "null", "0055AED6DCD90281E5"));
        JsonNode again = notification(record("ObjectCreated:Put", "gateway/v1/fw.bin", "null", "0055AED6DCD9FFFFFF"));

        // when
        List<Work> work = List.of(batch(first).work().get(0), batch(again).work().get(0));

        // then
        assertEquals(List.of(deploy("0055AED6DCD90281E5", "gateway", "v1", "gateway/v1/fw.bin"),
                deploy("0055AED6DCD9FFFFFF", "gateway", "v1", "gateway/v1/fw.bin")), work);
    }

    @Test
    void should_key_each_record_on_its_object_alone_when_an_event_has_several() {
        // given: the record's index is no identity; its sequencer is
        JsonNode event = notification(
                record("ObjectCreated:Put", "gateway/v1/fw.bin", null, "01"),
                record("ObjectCreated:Put", "camera/v3/cam.img", null, "02"));

        // when
        List<String> keys = batch(event).work().stream().map(work -> ((Work.Deploy) work).dedupeKey()).toList();

        // then
        assertEquals(List.of("s3:" + BUCKET + "/gateway/v1/fw.bin@01", "s3:" + BUCKET + "/camera/v3/cam.img@02"), keys);
    }

    @Test
    void should_give_one_item_per_record_in_order_when_records_are_mixed() {
        // given
        JsonNode event = notification(
                record("ObjectCreated:Put", "gateway/v1/fw.bin", null, "01"),
                record("ObjectRemoved:Delete", "gateway/v0/fw.bin", null, "02"),
                record("ObjectCreated:Copy", "camera/v3/cam.img", null, "03"));

        // when
        Batch batch = batch(event);

        // then
        assertEquals(List.of(
                deploy("01", "gateway", "v1", "gateway/v1/fw.bin"),
                new Work.Skip("02", "S3 event ObjectRemoved:Delete is not an object creation"),
                deploy("03", "camera", "v3", "camera/v3/cam.img")), batch.work());
    }

    @Test
    void should_give_no_items_when_there_are_no_records() {
        // when
        Batch batch = batch(notification());

        // then
        assertEquals(new Batch(Source.S3, null, List.of()), batch);
    }

    @Test
    void should_name_each_record_by_its_bucket_and_decoded_key_when_an_event_has_several() {
        // given
        JsonNode event = notification(
                record("ObjectCreated:Put", "gateway/v1/fw+%281%29.bin", null, "01"),
                record("ObjectRemoved:Delete", "gateway/v0/fw.bin", "v-0", "02"),
                record("ObjectCreated:Put", "gateway/v2/fw%ZZ.bin", null, "03"));

        // when
        Batch batch = batch(event);

        // then
        assertEquals(List.of("s3://" + BUCKET + "/gateway/v1/fw (1).bin", "s3://" + BUCKET + "/gateway/v0/fw.bin",
                "s3://" + BUCKET + "/gateway/v2/fw%ZZ.bin"), batch.names());
    }
}
