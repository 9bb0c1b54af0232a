package io.connectdeployer.deploy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One deployment to start: the event merged over the defaults. Validated by {@link DeployValidator} before
 * anything leaves the function; {@code app} and {@code comment} may be null, and so may {@code marker} (a
 * deployment without a dedupe key, or not yet given one by the runner), and so may {@code route} (the name of the
 * route that decided it; null when no route did).
 */
public record DeployRequest(
        String project,
        List<String> groups,
        List<Filter> filters,
        String flowId,
        App app,
        Map<String, String> parameters,
        String comment,
        boolean dryRun,
        DeploymentMarker marker,
        String route) {

    public DeployRequest {
        groups = List.copyOf(groups);
        filters = List.copyOf(filters);
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    public DeployRequest(String project, List<String> groups, List<Filter> filters, String flowId, App app,
            Map<String, String> parameters, String comment, boolean dryRun) {
        this(project, groups, filters, flowId, app, parameters, comment, dryRun, null, null);
    }

    public DeployRequest marked(DeploymentMarker marker) {
        return new DeployRequest(project, groups, filters, flowId, app, parameters, comment, dryRun, marker, route);
    }

    /** This request as decided by the route of that name (null: by the global defaults alone). */
    public DeployRequest routed(String route) {
        return new DeployRequest(project, groups, filters, flowId, app, parameters, comment, dryRun, marker, route);
    }

    /** The comment as Connect gets it: with the marker at its end when there is one. */
    public String markedComment() {
        return marker == null ? comment : marker.appendTo(comment);
    }
}
