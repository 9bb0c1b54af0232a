package io.connectdeployer.trigger;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import io.connectdeployer.event.DeployEvent;
import io.connectdeployer.event.DeployEventReader;

/** One thing a trigger event asks for: a deployment to plan, or a record deliberately skipped. */
public sealed interface Work {

    /** The id results and log lines report (S3 version id or sequencer, EventBridge id, GitHub delivery). */
    String eventId();

    /**
     * A deployment: the simplified event as read from the trigger, what the trigger suggests where neither the
     * event nor the configuration says ({@code fallback}), the values its placeholders may use, and the key that
     * makes a second delivery of the same event a duplicate ({@link DedupeKeys}; null when the event carries nothing
     * to key on), and what routes match on ({@code facts}: {@link Facts}).
     */
    record Deploy(String eventId, DeployEventReader.Read event, DeployEvent fallback, Map<String, String> values,
            String dedupeKey, Map<String, String> facts) implements Work {

        public Deploy {
            values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
            facts = Collections.unmodifiableMap(new LinkedHashMap<>(facts));
        }

        /** A deployment nothing but its source and app can route (a direct event). */
        public Deploy(String eventId, DeployEventReader.Read event, DeployEvent fallback, Map<String, String> values,
                String dedupeKey) {
            this(eventId, event, fallback, values, dedupeKey, Map.of());
        }
    }

    /** Not a deployment, and not an error: an S3 key outside the pattern, a draft release, a delete event. */
    record Skip(String eventId, String reason) implements Work {
    }
}
