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
