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
                .filter(missing -> problems.stream().noneMatch(p -> p.path().startsWith(missing.path())))
                .forEach(problems::add);
        if (!problems.isEmpty()) {
            throw new InvalidDeployEventException(problems);
        }
        return request;
    }
}
