package io.connectdeployer.trigger;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.connectdeployer.event.DeployEvent;
import io.connectdeployer.event.DeployEventReader;

/**
 * EventBridge envelopes: a scheduled rule without input deploys the defaults, an S3 {@code Object Created} event
 * maps like an S3 notification (other S3 events are skipped, as S3 notifications are), and a custom event carries a
 * simplified deploy event as its {@code detail}. Other AWS services never get here: {@link EventShape} refuses them.
 */
final class EventBridgeEvents {

    private EventBridgeEvents() {
    }

    static Batch from(JsonNode event, S3KeyPattern keys) {
        String id = Envelope.text(event, "id");
        String time = Envelope.text(event, "time");
        String source = Envelope.text(event, "source");
        String detailType = Envelope.text(event, "detail-type");
        if ("aws.events".equals(source) && "Scheduled Event".equals(detailType)) {
            return Batch.of(Source.SCHEDULE, scheduled(event, id, time));
        }
        if ("aws.s3".equals(source) && !"Object Created".equals(detailType)) {
            return Batch.of(Source.EVENTBRIDGE, S3Notifications.notCreated(id, detailType));
        }
        if ("aws.s3".equals(source)) {
            // Keyed on the object, as its S3 notification is: a bucket that sends both deploys an upload once.
            String identity = DedupeKeys.s3Identity(Envelope.text(event, "detail", "object", "version-id"),
                    Envelope.text(event, "detail", "object", "sequencer"));
            return Batch.of(Source.EVENTBRIDGE, keys.work(Envelope.text(event, "detail", "bucket", "name"),
                    Envelope.text(event, "detail", "object", "key"), identity, id, time, "$.detail"));
        }
        Values values = new Values().put("event_id", id).put("time", time);
        // The sender's idempotency_key, when given, stands for the event: a re-sent PutEvents gets a new id.
        KeyedRead detail = KeyedRead.of(event.get("detail"), "$.detail");
        return Batch.of(Source.EVENTBRIDGE, new Work.Deploy(id, detail.read(), null, values.map(),
                detail.dedupeKey(Source.EVENTBRIDGE, DedupeKeys.eventBridge(id)), facts(event)));
    }

    /** What routes match an EventBridge or Scheduler event on: its source, detail-type and rule or schedule name. */
    static Map<String, String> facts(JsonNode event) {
        return new Values().put(Facts.EVENTBRIDGE_SOURCE, Envelope.text(event, "source"))
                .put(Facts.DETAIL_TYPE, Envelope.text(event, "detail-type"))
                .put(Facts.SCHEDULE, Envelope.resource(event) == null ? null : Envelope.resourceName(event)).map();
    }

    /** The defaults, with the rule's name and the scheduled time as the comment unless DEPLOY_COMMENT says otherwise. */
    private static Work scheduled(JsonNode event, String id, String time) {
        String rule = Envelope.resourceName(event);
        DeployEvent fallback = new DeployEvent(null, null, null, null, null, null,
                "Scheduled deployment by EventBridge rule " + rule + " at " + time, null);
        Values values = new Values().put("event_id", id).put("time", time);
        // One firing of one rule: a redelivery carries the same rule and scheduled time.
        return new Work.Deploy(id, new DeployEventReader.Read(DeployEvent.empty(), List.of()), fallback, values.map(),
                time == null ? DedupeKeys.eventBridge(id) : DedupeKeys.firing(rule, time), facts(event));
    }
}
