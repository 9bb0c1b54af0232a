package io.connectdeployer.trigger;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.connectdeployer.event.DeployEventReader;

/** The simplified deploy event itself: a direct invocation, a Scheduler target's input, a rule's constant input, an HTTP body. */
public final class DirectEvents {

    private DirectEvents() {
    }

    public static Batch from(JsonNode event, Source source) {
        return Batch.of(source, new Work.Deploy(null, DeployEventReader.read(event, "$"), null, Map.of()));
    }
}
