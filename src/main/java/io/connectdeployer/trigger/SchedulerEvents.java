package io.connectdeployer.trigger;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import io.connectdeployer.deploy.Problem;
import io.connectdeployer.event.DeployEvent;
import io.connectdeployer.event.DeployEventReader;

/**
 * EventBridge Scheduler's own envelope, what a schedule without input delivers: {@code source: aws.scheduler},
 * {@code detail-type: Scheduled Event} and {@code detail} as a JSON <em>string</em>, {@code "{}"} (see
 * aws-lambda-java-libs issue 479). Like a cron rule it deploys the defaults; a detail that holds more is the deploy
 * event, read strictly.
 */
final class SchedulerEvents {

    /** Immutable, so shared; trailing tokens fail, so {@code "{} {}"} is not read as {@code {}}. */
    private static final ObjectReader JSON = new ObjectMapper().readerFor(JsonNode.class)
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private SchedulerEvents() {
    }

    static Batch from(JsonNode event) {
        String id = Envelope.text(event, "id");
        String time = Envelope.text(event, "time");
        String arn = Envelope.resource(event);
        List<Problem> unreadable = new ArrayList<>();
        JsonNode detail = detail(Envelope.at(event, "detail"), unreadable);
        KeyedRead keyed = unreadable.isEmpty() ? KeyedRead.of(detail, "$.detail")
                : new KeyedRead(new DeployEventReader.Read(DeployEvent.empty(), unreadable), null);
        DeployEvent fallback = new DeployEvent(null, null, null, null, null, null,
                "Scheduled deployment by EventBridge Scheduler schedule " + Envelope.resourceName(event) + " at " + time, null);
        Values values = new Values().put("event_id", id).put("time", time);
        // One firing of one schedule: a redelivery carries the same schedule ARN and scheduled time.
        String firing = arn == null || time == null ? DedupeKeys.eventBridge(id) : DedupeKeys.firing(arn, time);
        return Batch.of(Source.SCHEDULE, new Work.Deploy(id, keyed.read(), fallback, values.map(),
                keyed.dedupeKey(Source.SCHEDULE, firing), EventBridgeEvents.facts(event)));
    }

    /** The detail as JSON: a string is parsed (blank or absent is no input at all, as {@code "{}"} is). */
    private static JsonNode detail(JsonNode detail, List<Problem> problems) {
        if (detail == null || detail.isTextual() && detail.textValue().isBlank()) {
            return JsonNodeFactory.instance.objectNode();
        }
        if (!detail.isTextual()) {
            return detail;
        }
        try {
            return JSON.readTree(detail.textValue());
        } catch (JsonProcessingException malformed) {
            problems.add(new Problem("$.detail", "must be a JSON object, or a string holding one; this string is not valid JSON"
                    + JsonBody.location(malformed)));
            return null;
        }
    }
}
