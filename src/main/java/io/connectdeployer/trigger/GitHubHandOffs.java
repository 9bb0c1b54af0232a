package io.connectdeployer.trigger;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.connectdeployer.deploy.Problem;
import io.connectdeployer.event.DeployEvent;
import io.connectdeployer.event.DeployEventReader;

/**
 * The event a verified GitHub release is handed to an asynchronous invocation with: the delivery's id and time,
 * and only the release fields a deployment reads (an asynchronous payload is capped at 1 MB; release notes and
 * assets are not needed). The asynchronous side decides with the same {@link GitHubReleases} rules.
 */
public final class GitHubHandOffs {

    static final String KEY = "github_release_handoff";
    private static final List<String> RELEASE_FIELDS = List.of("id", "tag_name", "name", "html_url", "published_at",
            "draft", "prerelease");

    private GitHubHandOffs() {
    }

    public static ObjectNode event(String event, String delivery, JsonNode payload, Instant receivedAt) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ObjectNode handOff = root.putObject(KEY)
                .put("event", event)
                .put("delivery", delivery)
                .put("received_at", receivedAt.toString());
        ObjectNode reduced = handOff.putObject("payload").put("action", Envelope.text(payload, "action"));
        ObjectNode repository = reduced.putObject("repository");
        repository.put("name", Envelope.text(payload, "repository", "name"));
        repository.put("full_name", Envelope.text(payload, "repository", "full_name"));
        ObjectNode release = reduced.putObject("release");
        JsonNode original = Envelope.at(payload, "release");
        for (String field : RELEASE_FIELDS) {
            JsonNode value = Envelope.at(original, field);
            if (value != null) {
                release.set(field, value);
            }
        }
        return root;
    }

    /** Our own hand-off: an object whose only key is {@value #KEY}. */
    static boolean resembles(JsonNode event) {
        return event.size() == 1 && event.path(KEY).isObject();
    }

    static Batch from(JsonNode event, ReleasePolicy policy) {
        JsonNode handOff = event.get(KEY);
        String delivery = Envelope.text(handOff, "delivery");
        String received = Envelope.text(handOff, "received_at");
        try {
            return GitHubReleases.from(Envelope.text(handOff, "event"), delivery, Envelope.at(handOff, "payload"), policy,
                    Instant.parse(received == null ? "" : received));
        } catch (DateTimeParseException unreadable) {
            Problem problem = new Problem("$." + KEY + ".received_at", "must be the ISO-8601 time the delivery was received");
            return Batch.of(Source.GITHUB, new Work.Deploy(delivery,
                    new DeployEventReader.Read(DeployEvent.empty(), List.of(problem)), null, new Values().map(), null));
        }
    }
}
