package io.connectdeployer.route;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.fasterxml.jackson.databind.JsonNode;

import io.connectdeployer.deploy.Problem;
import io.connectdeployer.event.JsonFields;
import io.connectdeployer.trigger.Source;

/** A route's {@code match} object in, its {@link RouteMatch} out, each problem named by its path ({@code $.match.*}). Pure. */
final class RouteMatchReader {

    static final Set<String> KEYS = JsonFields.keys("source", "app", "bucket", "key_prefix", "key_pattern", "repository",
            "eventbridge_source", "detail_type", "schedule");

    private RouteMatchReader() {
    }

    /** Null when {@code json} is not an object (the problem is in {@code found}). */
    static RouteMatch read(JsonNode json, List<Problem> found) {
        return JsonFields.of(json, "$.match", KEYS, found).map(fields -> new RouteMatch(
                sources(fields.raw("source"), found),
                glob(fields, "app", found),
                glob(fields, "bucket", found),
                text(fields, "key_prefix", found),
                keyPattern(fields, found),
                glob(fields, "repository", found),
                glob(fields, "eventbridge_source", found),
                glob(fields, "detail_type", found),
                glob(fields, "schedule", found))).orElse(null);
    }

    private static Set<Source> sources(JsonNode json, List<Problem> found) {
        if (json == null) {
            return null;
        }
        List<JsonNode> names = new ArrayList<>();
        if (json.isArray()) {
            json.forEach(names::add);
        } else {
            names.add(json);
        }
        Set<Source> sources = new LinkedHashSet<>();
        List<String> known = Arrays.stream(Source.values()).map(Source::json).toList();
        for (JsonNode name : names) {
            String text = name.isTextual() ? name.textValue().toLowerCase(Locale.ROOT) : null;
            if (text == null || !known.contains(text)) {
                found.add(new Problem("$.match.source", name + " is not one of " + String.join(", ", known)));
            } else {
                sources.add(Source.valueOf(text.toUpperCase(Locale.ROOT)));
            }
        }
        if (sources.isEmpty() && found.stream().noneMatch(p -> p.path().equals("$.match.source"))) {
            found.add(new Problem("$.match.source", "an empty list matches nothing: name a source, or leave the condition out"));
        }
        return sources;
    }

    private static String text(JsonFields fields, String key, List<Problem> found) {
        JsonNode value = fields.raw(key);
        if (value == null) {
            return null;
        }
        if (!value.isTextual() || value.textValue().isEmpty()) {
            found.add(new Problem(fields.path(key), "must be a non-empty string, not " + value));
            return null;
        }
        return value.textValue();
    }

    private static Glob glob(JsonFields fields, String key, List<Problem> found) {
        String text = text(fields, key, found);
        return text == null ? null : Glob.of(text);
    }

    private static Pattern keyPattern(JsonFields fields, List<Problem> found) {
        String regex = text(fields, "key_pattern", found);
        if (regex == null) {
            return null;
        }
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException invalid) {
            found.add(new Problem(fields.path("key_pattern"), "not a valid regular expression (" + invalid.getDescription()
                    + " near index " + invalid.getIndex() + ")"));
            return null;
        }
    }
}
