package io.connectdeployer.event;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import io.connectdeployer.deploy.Filter;
import io.connectdeployer.deploy.FilterRules;
import io.connectdeployer.deploy.Problem;

/** Reads a JSON array of device filters (from an event or from DEPLOY_FILTERS) and checks each against the rules. */
public final class FilterReader {

    private static final Set<String> KEYS = JsonFields.keys("type", "operand", "value", "app_version", "deployment_id");

    private FilterReader() {
    }

    /** The filters read; a problem recorded for each field that is wrong (a caller with problems stops there). */
    public static List<Filter> read(JsonNode array, String path, List<Problem> problems) {
        if (!array.isArray()) {
            problems.add(new Problem(path, "must be an array of filter objects, not " + JsonFields.describe(array)));
            return List.of();
        }
        List<Filter> filters = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            String at = path + "[" + i + "]";
            JsonFields.of(array.get(i), at, KEYS, problems).ifPresent(fields -> {
                Filter filter = new Filter(fields.text("type"), fields.text("operand"), fields.text("value"),
                        fields.text("app_version"), fields.text("deployment_id"));
                // A field that failed its type check reads as null: do not report it a second time as missing.
                FilterRules.check(filter, at).stream()
                        .filter(rule -> problems.stream().noneMatch(seen -> seen.path().equals(rule.path())))
                        .forEach(problems::add);
                filters.add(filter);
            });
        }
        return filters;
    }
}
