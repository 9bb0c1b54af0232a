package io.connectdeployer.route;

import io.connectdeployer.deploy.InvalidDeployEventException;
import io.connectdeployer.trigger.Facts;
import io.connectdeployer.trigger.Source;
import io.connectdeployer.trigger.Work;

/**
 * What becomes of a deployment no route takes and the global defaults cannot complete. An S3 object (by
 * notification or EventBridge) or a GitHub release is {@code ignored}: a bucket holds more than builds, an
 * organisation more than firmware, and a dead-letter queue full of them would hide the real failures. Everything
 * else (a direct call, a Function URL request, a schedule, a custom event) asked for a deployment on purpose, so it
 * stays an invalid event, as without routes.
 */
public final class Unrouted {

    private Unrouted() {
    }

    /** True when, with routes configured, this incomplete deployment is ignored rather than failed. */
    public static boolean ignorable(boolean routesConfigured, Source source, Work.Deploy work) {
        if (!routesConfigured || !work.event().problems().isEmpty()) {
            // A malformed event stays an error: it is the event's fault, not the routing table's.
            return false;
        }
        return source == Source.S3 || source == Source.GITHUB
                || source == Source.EVENTBRIDGE && work.facts().containsKey(Facts.BUCKET);
    }

    public static String reason(RouteTable table, InvalidDeployEventException incomplete) {
        return "no route matched (of " + table.size() + "), and the global defaults cannot complete it: "
                + String.join("; ", incomplete.problems().stream().map(Object::toString).toList());
    }
}
