package io.connectdeployer.event;

import java.util.List;
import java.util.Map;

import io.connectdeployer.deploy.App;
import io.connectdeployer.deploy.Filter;

/**
 * The simplified deploy event, the public contract every trigger is turned into. Every field is optional:
 * null means "not in the event", so the configured default applies.
 */
public record DeployEvent(
        String project,
        List<String> groups,
        List<Filter> filters,
        String flowId,
        App app,
        Map<String, String> parameters,
        String comment,
        Boolean dryRun) {

    public static DeployEvent empty() {
        return new DeployEvent(null, null, null, null, null, null, null, null);
    }
}
