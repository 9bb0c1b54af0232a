package io.connectdeployer.deploy;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.connectdeployer.event.DeployEventReader;

/** Event JSON in, a valid {@link DeployRequest} out, or one error that lists every problem. Pure. */
public final class DeployPlanner {

    private DeployPlanner() {
    }

    public static DeployRequest plan(JsonNode json, DeployDefaults defaults) {
        DeployEventReader.Read read = DeployEventReader.read(json, "$");
        DeployRequest request = DeployMerger.merge(defaults, read.event());
        List<Problem> problems = new ArrayList<>(read.problems());
        // A field that was present but wrong reads as absent: report it once, as wrong, not again as missing.
        DeployValidator.validate(request).stream()
                .filter(missing -> problems.stream().noneMatch(p -> within(p.path(), missing.path())))
                .forEach(problems::add);
        if (!problems.isEmpty()) {
            throw new InvalidDeployEventException(problems);
        }
        return request;
    }

    /** True when {@code path} is {@code parent} or lies under it ({@code $.app.version} under {@code $.app}, not {@code $.project_name} under {@code $.project}). */
    private static boolean within(String path, String parent) {
        return path.equals(parent) || path.startsWith(parent + ".") || path.startsWith(parent + "[");
    }
}
