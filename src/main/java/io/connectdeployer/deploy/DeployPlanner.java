package io.connectdeployer.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.connectdeployer.event.DeployEventReader;

/** A read event in, a valid {@link DeployRequest} out, or one error that lists every problem. Pure. */
public final class DeployPlanner {

    private DeployPlanner() {
    }

    /** A simplified deploy event as JSON, merged over {@code defaults}, with no placeholders to fill. */
    public static DeployRequest plan(JsonNode json, DeployDefaults defaults) {
        return plan(DeployEventReader.read(json, "$"), defaults, DefaultTemplates.none(), Map.of(), "direct");
    }

    /**
     * @param values what the triggering event provides for placeholders ({@code bucket}, {@code tag}, ...);
     *        {@code app} and {@code version} are added from the merged request
     * @param source the trigger's name, for messages about a placeholder it cannot fill
     */
    public static DeployRequest plan(DeployEventReader.Read read, DeployDefaults defaults, DefaultTemplates templates,
            Map<String, String> values, String source) {
        List<Problem> problems = new ArrayList<>(read.problems());
        DeployRequest request = DeployMerger.merge(defaults, read.event());
        if (!templates.isEmpty()) {
            DeployDefaults filled = templates.fill(defaults, read.event(), withApp(values, request.app()), source, problems);
            request = DeployMerger.merge(filled, read.event());
        }
        // A field that was present but wrong reads as absent: report it once, as wrong, not again as missing.
        DeployValidator.validate(request).stream()
                .filter(missing -> problems.stream().noneMatch(p -> within(p.path(), missing.path())))
                .forEach(problems::add);
        if (!problems.isEmpty()) {
            throw new InvalidDeployEventException(problems);
        }
        return request;
    }

    private static Map<String, String> withApp(Map<String, String> values, App app) {
        if (app == null) {
            return values;
        }
        Map<String, String> all = new LinkedHashMap<>(values);
        all.putIfAbsent("app", app.name());
        all.putIfAbsent("version", app.version());
        return all;
    }

    /** True when {@code path} is {@code parent} or lies under it ({@code $.app.version} under {@code $.app}, not {@code $.project_name} under {@code $.project}). */
    private static boolean within(String path, String parent) {
        return path.equals(parent) || path.startsWith(parent + ".") || path.startsWith(parent + "[");
    }
}
