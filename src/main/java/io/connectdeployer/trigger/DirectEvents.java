package io.connectdeployer.trigger;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** The simplified deploy event itself: a direct invocation, a Scheduler target's input, a rule's constant input, an HTTP body. */
public final class DirectEvents {

    private DirectEvents() {
    }

    /** Its optional {@code idempotency_key} is what makes a second delivery of the same event a duplicate. */
    public static Batch from(JsonNode event, Source source) {
        KeyedRead keyed = KeyedRead.of(event, "$");
        return Batch.of(source, new Work.Deploy(null, keyed.read(), null, Map.of(), keyed.dedupeKey(source, null)));
    }
}
