package io.connectdeployer.trigger;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

import io.connectdeployer.event.DeployEventReader;

/** The shapes of event this function is invoked with, recognised by structure alone. */
public enum EventShape {
    FUNCTION_URL, S3_NOTIFICATION, EVENTBRIDGE, SCHEDULER, DEPLOY_EVENT;

    /** @throws UnrecognizedEventException naming the event's top-level keys */
    public static EventShape of(JsonNode event) {
        if (event == null || !event.isObject()) {
            throw new UnrecognizedEventException("the event is " + (event == null ? "empty" : "a JSON " + event.getNodeType().name().toLowerCase(Locale.ROOT)) + ", not an object");
        }
        JsonNode records = event.get("Records");
        if (records != null && records.isArray()) {
            String eventSource = records.isEmpty() ? null : Envelope.text(records.get(0), "eventSource");
            if ("aws:s3".equals(eventSource)) {
                return S3_NOTIFICATION;
            }
            throw new UnrecognizedEventException("'Records' from " + (eventSource == null ? "no known source" : eventSource));
        }
        if ("2.0".equals(Envelope.text(event, "version")) && Envelope.at(event, "requestContext", "http") != null) {
            return FUNCTION_URL;
        }
        if (event.has("detail-type") && event.has("source")) {
            // Scheduler's own envelope, from a schedule without input; any other EventBridge event is read as before.
            return "aws.scheduler".equals(Envelope.text(event, "source")) && "Scheduled Event".equals(Envelope.text(event, "detail-type"))
                    ? SCHEDULER : EVENTBRIDGE;
        }
        if (DeployEventReader.resembles(event)) {
            return DEPLOY_EVENT;
        }
        throw new UnrecognizedEventException("top-level keys " + keys(event));
    }

    private static List<String> keys(JsonNode event) {
        List<String> keys = new ArrayList<>();
        for (Iterator<String> names = event.fieldNames(); names.hasNext();) {
            keys.add(names.next());
        }
        return keys;
    }
}
