package io.connectdeployer.route;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.connectdeployer.deploy.DefaultTemplates;
import io.connectdeployer.deploy.DeployDefaults;
import io.connectdeployer.deploy.DeployMerger;
import io.connectdeployer.deploy.DeployRequest;
import io.connectdeployer.deploy.Problem;
import io.connectdeployer.event.DeployEvent;
import io.connectdeployer.event.DeployEventReader;
import io.connectdeployer.event.JsonFields;

/**
 * The parameters under DEPLOY_ROUTES_PATH in, a {@link RouteTable} out, or one {@link InvalidRoutesException}
 * naming every route and field that is wrong: the table loads as a whole or not at all, so a bad route can never
 * let the deployments it should take fall to another route or to the defaults. Pure.
 */
public final class RouteParser {

    /** A route's value: its priority, its conditions, and the deploy event fields it sets. */
    static final Set<String> DEPLOY_KEYS = JsonFields.keys("project", "flow_id", "app", "groups", "filters", "parameters",
            "comment", "dry_run");
    static final Set<String> KEYS = union(JsonFields.keys("priority", "match"), DEPLOY_KEYS);
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]+");

    private final String path;
    private final DeployDefaults global;
    private final ObjectMapper mapper;
    private final List<String> problems = new ArrayList<>();

    private RouteParser(String path, DeployDefaults global, ObjectMapper mapper) {
        this.path = path.endsWith("/") ? path : path + "/";
        this.global = global;
        this.mapper = mapper;
    }

    /**
     * @param parameters each parameter's full name to its value, as {@link RouteReader} returns them
     * @param global the DEPLOY_* defaults every route is merged over
     */
    public static RouteTable parse(String path, Map<String, String> parameters, DeployDefaults global, ObjectMapper mapper) {
        return new RouteParser(path, global, mapper).parse(parameters);
    }

    private RouteTable parse(Map<String, String> parameters) {
        if (parameters.isEmpty()) {
            problems.add("no parameter under " + path + ": put one per route there (the Terraform module's routes input does),"
                    + " or unset DEPLOY_ROUTES_PATH");
        }
        List<Route> routes = new ArrayList<>();
        Map<Integer, String> priorities = new HashMap<>();
        // Sorted by name, so the problems come in the same order at every start.
        new TreeMap<>(parameters).forEach((parameter, value) -> {
            Route route = route(parameter, value);
            if (route == null) {
                return;
            }
            String other = priorities.putIfAbsent(route.priority(), route.name());
            if (other != null) {
                problems.add("route '" + route.name() + "': priority " + route.priority() + " is also route '" + other
                        + "''s: give every route its own priority, so which one decides is never a guess");
            }
            routes.add(route);
        });
        if (!problems.isEmpty()) {
            throw new InvalidRoutesException(path, problems);
        }
        return new RouteTable(routes);
    }

    private Route route(String parameter, String value) {
        String name = parameter.startsWith(path) ? parameter.substring(path.length()) : parameter;
        List<Problem> found = new ArrayList<>();
        Route route = null;
        if (!NAME.matcher(name).matches()) {
            found.add(new Problem("$", "the route's name (after " + path + ") may hold only letters, digits, '.', '_' and '-'"));
        }
        JsonNode json = readJson(value, found);
        if (json != null) {
            route = JsonFields.of(json, "$", KEYS, found).map(fields -> route(name, json, fields, found)).orElse(null);
        }
        found.forEach(problem -> problems.add("route '" + name + "' (" + parameter + "): "
                + (problem.path().equals("$") ? "" : problem.path().substring(2) + ": ") + problem.message()));
        return found.isEmpty() ? route : null;
    }

    private Route route(String name, JsonNode json, JsonFields fields, List<Problem> found) {
        Integer priority = priority(fields.raw("priority"), found);
        RouteMatch match = fields.raw("match") == null ? new RouteMatch(null, null, null, null, null, null, null, null, null)
                : RouteMatchReader.read(fields.raw("match"), found);
        ObjectNode deployFields = mapper.createObjectNode();
        json.fields().forEachRemaining(field -> {
            if (DEPLOY_KEYS.contains(field.getKey())) {
                deployFields.set(field.getKey(), field.getValue());
            }
        });
        DeployEventReader.Read read = DeployEventReader.read(deployFields, "$");
        found.addAll(read.problems());
        DeployEvent own = read.event();
        templateProblems(own, found);
        DeployRequest merged = DeployMerger.merge(global, own);
        if (merged.project() == null) {
            found.add(new Problem("$.project", "missing after merging over the global defaults: set project in the route or DEPLOY_PROJECT"));
        }
        if (merged.flowId() == null) {
            found.add(new Problem("$.flow_id", "missing after merging over the global defaults: set flow_id in the route or DEPLOY_FLOW_ID"));
        }
        DeployDefaults defaults = new DeployDefaults(merged.project(), merged.groups(), merged.filters(), merged.flowId(),
                merged.app(), merged.parameters(), merged.comment(), merged.dryRun());
        // The global values' placeholders were checked at startup (SettingsParser), the route's just above.
        DefaultTemplates templates = DefaultTemplates.compile(defaults, new ArrayList<>());
        return priority == null || match == null ? null : new Route(name, priority, match, defaults, templates);
    }

    /** The route's own templated values, checked where the route names them ({@code parameters.url}, {@code comment}). */
    private static void templateProblems(DeployEvent own, List<Problem> found) {
        List<Problem> templates = new ArrayList<>();
        DefaultTemplates.compile(new DeployDefaults(null, List.of(), List.of(), null, null,
                own.parameters() == null ? Map.of() : own.parameters(), own.comment(), false), templates);
        templates.forEach(problem -> found.add(new Problem(problem.path()
                .replace("DEPLOY_PARAMETERS.", "$.parameters.").replace("DEPLOY_COMMENT", "$.comment"), problem.message())));
    }

    private static Integer priority(JsonNode priority, List<Problem> found) {
        if (priority == null) {
            found.add(new Problem("$.priority", "required: a whole number; the matching route with the lowest one decides"));
            return null;
        }
        if (!priority.isIntegralNumber() || !priority.canConvertToInt()) {
            found.add(new Problem("$.priority", "must be a whole number, not " + priority));
            return null;
        }
        return priority.intValue();
    }

    private JsonNode readJson(String value, List<Problem> found) {
        try {
            return mapper.readTree(value);
        } catch (JsonProcessingException malformed) {
            // Only where: a parameter may be a SecureString.
            found.add(new Problem("$", "not valid JSON" + (malformed.getLocation() == null ? ""
                    : " (line " + malformed.getLocation().getLineNr() + ", column " + malformed.getLocation().getColumnNr() + ")")));
            return null;
        }
    }

    private static Set<String> union(Set<String> first, Set<String> second) {
        Set<String> all = new LinkedHashSet<>(first);
        all.addAll(second);
        return java.util.Collections.unmodifiableSet(all);
    }
}
