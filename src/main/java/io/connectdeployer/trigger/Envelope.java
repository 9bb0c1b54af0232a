package io.connectdeployer.trigger;

import com.fasterxml.jackson.databind.JsonNode;

/** Lenient reads of the fields AWS and GitHub put around an event; the event inside is read strictly elsewhere. */
final class Envelope {

    private Envelope() {
    }

    /** The text at {@code path} below {@code node}, or null when any step is missing or not text. */
    static String text(JsonNode node, String... path) {
        JsonNode value = at(node, path);
        return value != null && value.isTextual() ? value.textValue() : null;
    }

    /**
     * The last part of the ARN an EventBridge event names first in {@code resources}: {@code nightly} for
     * {@code arn:aws:events:eu-west-1:123456789012:rule/nightly}, or {@code (unnamed)}.
     */
    static String resourceName(JsonNode event) {
        String arn = resource(event);
        return arn == null ? "(unnamed)" : arn.substring(arn.lastIndexOf('/') + 1);
    }

    /** The first of an EventBridge event's {@code resources} (a rule's or a schedule's ARN), or null. */
    static String resource(JsonNode event) {
        JsonNode resources = at(event, "resources");
        return resources == null || !resources.isArray() || resources.isEmpty() ? null : text(resources.get(0));
    }

    static JsonNode at(JsonNode node, String... path) {
        JsonNode current = node;
        for (String step : path) {
            if (current == null || !current.isObject()) {
                return null;
            }
            current = current.get(step);
        }
        return current == null || current.isNull() ? null : current;
    }
}
