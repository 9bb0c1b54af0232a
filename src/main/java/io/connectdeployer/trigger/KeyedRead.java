package io.connectdeployer.trigger;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.connectdeployer.deploy.Problem;
import io.connectdeployer.event.DeployEventReader;

/**
 * A deploy event read strictly, with its optional {@code idempotency_key}: what makes a second delivery of the
 * same event a duplicate, wherever the event travels (a direct invocation, an HTTP body, an EventBridge detail).
 */
record KeyedRead(DeployEventReader.Read read, String idempotencyKey) {

    /** Long enough for a UUID, a schedule ARN and its time, or a CI run URL. */
    static final int MAX_KEY_LENGTH = 512;

    /** The event at {@code path}; a key that is not a non-empty string of at most 512 characters is one more problem. */
    static KeyedRead of(JsonNode event, String path) {
        DeployEventReader.Read read = DeployEventReader.read(event, path);
        JsonNode key = Envelope.at(event, "idempotency_key");
        if (key == null) {
            return new KeyedRead(read, null);
        }
        if (key.isTextual() && !key.textValue().isBlank() && key.textValue().length() <= MAX_KEY_LENGTH) {
            return new KeyedRead(read, key.textValue());
        }
        List<Problem> problems = new ArrayList<>(read.problems());
        problems.add(new Problem(path + ".idempotency_key", "must be a non-empty string of at most " + MAX_KEY_LENGTH + " characters"));
        return new KeyedRead(new DeployEventReader.Read(read.event(), problems), null);
    }

    /** {@code <source>:<idempotency_key>}, or {@code otherwise} when the event has no (valid) key. */
    String dedupeKey(Source source, String otherwise) {
        return idempotencyKey == null ? otherwise : DedupeKeys.idempotency(source, idempotencyKey);
    }
}
