package io.connectdeployer.deploy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One deployment to start: the event merged over the defaults. Validated by {@link DeployValidator} before
 * anything leaves the function; {@code app} and {@code comment} may be null.
 */
public record DeployRequest(
        String project,
        List<String> groups,
        List<Filter> filters,
        String flowId,
        App app,
        Map<String, String> parameters,
        String comment,
        boolean dryRun) {

    public DeployRequest {
        groups = List.copyOf(groups);
        filters = List.copyOf(filters);
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }
}
