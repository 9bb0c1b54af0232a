package io.connectdeployer.deploy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    public static DeployDefaults none() {
        return new DeployDefaults(null, List.of(), List.of(), null, null, Map.of(), null, false);
    }
}
