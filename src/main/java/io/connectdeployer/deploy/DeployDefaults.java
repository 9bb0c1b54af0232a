package io.connectdeployer.deploy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.connectdeployer.event.DeployEvent;

/** What the function's configuration (DEPLOY_*) supplies when an event leaves a field out. */
public record DeployDefaults(
        String project,
        List<String> groups,
        List<Filter> filters,
        String flowId,
        App app,
        Map<String, String> parameters,
        String comment,
        boolean dryRun) {

    public DeployDefaults {
        groups = List.copyOf(groups);
        filters = List.copyOf(filters);
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /**
     * These defaults with the gaps filled from what a trigger suggests ({@code fallback}): a GitHub release's
     * repository name as the app name when DEPLOY_APP_NAME is unset, a schedule's rule and time as the comment.
     */
    public DeployDefaults withFallback(DeployEvent fallback) {
        if (fallback == null) {
            return this;
        }
        return new DeployDefaults(
                project != null ? project : fallback.project(),
                groups, filters,
                flowId != null ? flowId : fallback.flowId(),
                app != null ? app.orElse(fallback.app()) : fallback.app(),
                parameters,
                comment != null ? comment : fallback.comment(),
                dryRun);
    }

    public static DeployDefaults none() {
        return new DeployDefaults(null, List.of(), List.of(), null, null, Map.of(), null, false);
    }
}
