package io.connectdeployer.trigger;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.connectdeployer.deploy.Problem;
import io.connectdeployer.event.DeployEventReader;

/** The simplified deploy event itself: a direct invocation, a Scheduler target's input, a rule's constant input, an HTTP body. */
public final class DirectEvents {

    /** Long enough for a UUID, a schedule ARN and its time, or a CI run URL. */
    static final int MAX_KEY_LENGTH = 512;

    private DirectEvents() {
    }

    /** Its optional {@code idempotency_key} is what makes a second delivery of the same event a duplicate. */
    public static Batch from(JsonNode event, Source source) {
        DeployEventReader.Read read = DeployEventReader.read(event, "$");
        JsonNode key = event == null ? null : event.get("idempotency_key");
        String dedupeKey = null;
        if (key != null && !key.isNull()) {
            if (key.isTextual() && !key.textValue().isBlank() && key.textValue().length() <= MAX_KEY_LENGTH) {
                dedupeKey = source.json() + ":" + key.textValue();
            } else {
                List<Problem> problems = new ArrayList<>(read.problems());
                problems.add(new Problem("$.idempotency_key", "must be a non-empty string of at most " + MAX_KEY_LENGTH + " characters"));
                read = new DeployEventReader.Read(read.event(), problems);
            }
        }
        return Batch.of(source, new Work.Deploy(null, read, null, Map.of(), dedupeKey));
    }
}
