package io.connectdeployer.trigger;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * S3 event notifications ({@code Records[]} with {@code eventSource: aws:s3}): one deployment per created object.
 * Other event names (deletes, restores) are skipped, not failed, so a bucket may send them too.
 */
final class S3Notifications {

    private S3Notifications() {
    }

    static Batch from(JsonNode event, S3KeyPattern keys) {
        List<Work> work = new ArrayList<>();
        List<String> names = new ArrayList<>();
        JsonNode records = event.get("Records");
        for (int index = 0; index < records.size(); index++) {
            JsonNode record = records.get(index);
            String eventName = Envelope.text(record, "eventName");
            String eventId = eventId(record);
            String bucket = Envelope.text(record, "s3", "bucket", "name");
            String rawKey = Envelope.text(record, "s3", "object", "key");
            String key = decode(rawKey);
            names.add(bucket == null || rawKey == null ? eventId : "s3://" + bucket + "/" + (key == null ? rawKey : key));
            if (eventName == null || !eventName.startsWith("ObjectCreated:")) {
                work.add(notCreated(eventId, eventName));
                continue;
            }
            // The record's index is no part of its key: the version id or sequencer already tells records apart.
            work.add(keys.work(bucket, key, eventId, eventId, Envelope.text(record, "eventTime"), "$.Records[" + index + "].s3"));
        }
        return new Batch(Source.S3, null, work, names);
    }

    /** A delete, restore, tagging...: nothing to deploy, and nothing wrong; the same words whichever way S3 sent it. */
    static Work.Skip notCreated(String eventId, String eventName) {
        return new Work.Skip(eventId, "S3 event " + eventName + " is not an object creation");
    }

    /** The object version when the bucket is versioned (not {@code "null"}), else the sequencer S3 gives the event. */
    private static String eventId(JsonNode record) {
        return DedupeKeys.s3Identity(Envelope.text(record, "s3", "object", "versionId"),
                Envelope.text(record, "s3", "object", "sequencer"));
    }

    /** S3 notifications URL-encode keys with {@code +} for a space (EventBridge events do not); null if malformed. */
    private static String decode(String key) {
        try {
            return key == null ? null : URLDecoder.decode(key, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }
}
