package io.connectdeployer.event;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import io.connectdeployer.deploy.App;
import io.connectdeployer.deploy.Problem;

/** Reads the simplified deploy event from JSON, strictly: unknown keys and wrong types are problems, not silence. */
public final class DeployEventReader {

    static final Set<String> KEYS = JsonFields.keys("project", "groups", "filters", "flow_id", "app", "parameters", "comment", "dry_run",
            "idempotency_key");
    private static final Set<String> APP_KEYS = JsonFields.keys("name", "version");

    private DeployEventReader() {
    }

    /** The event and every problem found in it, located under {@code path} (usually {@code $}). */
    public static Read read(JsonNode json, String path) {
        List<Problem> problems = new ArrayList<>();
        DeployEvent event = JsonFields.of(json, path, KEYS, problems)
                .map(fields -> new DeployEvent(
                        fields.text("project"),
                        fields.texts("groups"),
                        fields.raw("filters") == null ? null : FilterReader.read(fields.raw("filters"), fields.path("filters"), problems),
                        fields.text("flow_id"),
                        fields.raw("app") == null ? null : readApp(fields.raw("app"), fields.path("app"), problems),
                        fields.textMap("parameters"),
                        fields.text("comment"),
                        fields.bool("dry_run")))
                .orElse(DeployEvent.empty());
        return new Read(event, List.copyOf(problems));
    }

    /**
     * True for an object that is empty or has a key that is, or resembles, a deploy event key: such an object is
     * read as a deploy event (and its typos reported); anything else is not a deploy event at all.
     */
    public static boolean resembles(JsonNode json) {
        if (json == null || !json.isObject()) {
            return false;
        }
        if (json.isEmpty()) {
            return true;
        }
        for (Iterator<String> names = json.fieldNames(); names.hasNext();) {
            if (KeySuggestions.resembles(names.next(), KEYS)) {
                return true;
            }
        }
        return false;
    }

    private static App readApp(JsonNode json, String path, List<Problem> problems) {
        return JsonFields.of(json, path, APP_KEYS, problems)
                .map(fields -> new App(fields.text("name"), fields.text("version")))
                .orElse(null);
    }

    /** An event as far as it could be read, and what was wrong with it. */
    public record Read(DeployEvent event, List<Problem> problems) {
    }
}
