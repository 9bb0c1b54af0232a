package io.connectdeployer.trigger;

import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

import io.connectdeployer.event.DeployEventReader;

/** The shapes of event this function is invoked with, recognised by structure alone. */
public enum EventShape {
    FUNCTION_URL, S3_NOTIFICATION, EVENTBRIDGE, SCHEDULER, GITHUB_HANDOFF, DEPLOY_EVENT;

    /** @throws UnrecognizedEventException saying what the event looks like, when it is none of the shapes */
    public static EventShape of(JsonNode event) {
        if (event == null || !event.isObject()) {
            throw new UnrecognizedEventException("the event is " + (event == null ? "empty" : "a JSON " + event.getNodeType().name().toLowerCase(Locale.ROOT)) + ", not an object");
        }
        JsonNode records = event.get("Records");
        if (records != null && records.isArray()) {
            if (!records.isEmpty() && "aws:s3".equals(Envelope.text(records.get(0), "eventSource"))) {
                return S3_NOTIFICATION;
            }
            throw new UnrecognizedEventException(ForeignEvents.records(records));
        }
        if ("2.0".equals(Envelope.text(event, "version")) && Envelope.at(event, "requestContext", "http") != null) {
            return FUNCTION_URL;
        }
        if (event.has("detail-type") && event.has("source")) {
            return eventBridge(Envelope.text(event, "source"), Envelope.text(event, "detail-type"));
        }
        if (GitHubHandOffs.resembles(event)) {
            return GITHUB_HANDOFF;
        }
        // Named before the deploy event: one key of an AWS event that happens to resemble a deploy key must not
        // turn it into a deploy event with a page of unknown keys.
        ForeignEvents.named(event).ifPresent(what -> {
            throw new UnrecognizedEventException(what);
        });
        if (DeployEventReader.resembles(event)) {
            return DEPLOY_EVENT;
        }
        throw new UnrecognizedEventException(ForeignEvents.keys(event));
    }

    /**
     * Custom sources (PutEvents cannot use an {@code aws.} source) carry a deploy event; of AWS's own events only
     * S3's, a rule's schedule and Scheduler's envelope are triggers. Any other would fail its detail key by key.
     */
    private static EventShape eventBridge(String source, String detailType) {
        boolean scheduled = "Scheduled Event".equals(detailType);
        if (source == null || !source.startsWith("aws.") || "aws.s3".equals(source) || "aws.events".equals(source) && scheduled) {
            return EVENTBRIDGE;
        }
        if ("aws.scheduler".equals(source) && scheduled) {
            return SCHEDULER;
        }
        throw new UnrecognizedEventException(ForeignEvents.eventBridge(source, detailType));
    }
}
