package io.connectdeployer.event;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import io.connectdeployer.deploy.Problem;

/**
 * Reads typed fields of one JSON object and records every problem with its JSON path instead of stopping at the
 * first, so a user sees all that is wrong with an event at once. Absent and null fields read as null.
 */
public final class JsonFields {

    private final JsonNode node;
    private final String path;
    private final List<Problem> problems;

    private JsonFields(JsonNode node, String path, List<Problem> problems) {
        this.node = node;
        this.path = path;
        this.problems = problems;
    }

    /** Empty (with a problem recorded) unless {@code node} is an object holding only {@code known} keys. */
    public static Optional<JsonFields> of(JsonNode node, String path, Set<String> known, List<Problem> problems) {
        if (node == null || !node.isObject()) {
            problems.add(new Problem(path, "must be a JSON object, not " + describe(node)));
            return Optional.empty();
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!known.contains(name)) {
                problems.add(new Problem(path + "." + name, KeySuggestions.unknownKeyMessage(name, known)));
            }
        }
        return Optional.of(new JsonFields(node, path, problems));
    }

    /** Known keys in the order messages list them (Set.of would change it from one cold start to the next). */
    public static Set<String> keys(String... keys) {
        return Collections.unmodifiableSet(new LinkedHashSet<>(List.of(keys)));
    }

    public String path(String key) {
        return path + "." + key;
    }

    public JsonNode raw(String key) {
        JsonNode value = node.get(key);
        return value == null || value.isNull() ? null : value;
    }

    public String text(String key) {
        return text(raw(key), path(key));
    }

    public Boolean bool(String key) {
        JsonNode value = raw(key);
        if (value == null) {
            return null;
        }
        if (!value.isBoolean()) {
            problems.add(new Problem(path(key), "must be true or false, not " + describe(value)));
            return null;
        }
        return value.booleanValue();
    }

    public List<String> texts(String key) {
        JsonNode value = raw(key);
        if (value == null) {
            return null;
        }
        if (!value.isArray()) {
            problems.add(new Problem(path(key), "must be an array of strings, not " + describe(value)));
            return null;
        }
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            String text = text(value.get(i), path(key) + "[" + i + "]");
            if (text != null) {
                texts.add(text);
            }
        }
        return texts;
    }

    /** A JSON object whose values are all strings, in the order given. */
    public Map<String, String> textMap(String key) {
        JsonNode value = raw(key);
        if (value == null) {
            return null;
        }
        return textMap(value, path(key), problems);
    }

    public static Map<String, String> textMap(JsonNode value, String path, List<Problem> problems) {
        if (!value.isObject()) {
            problems.add(new Problem(path, "must be a JSON object of strings, not " + describe(value)));
            return null;
        }
        Map<String, String> map = new LinkedHashMap<>();
        value.fields().forEachRemaining(entry -> {
            String text = new JsonFields(value, path, problems).text(entry.getValue(), path + "." + entry.getKey());
            if (text != null) {
                map.put(entry.getKey(), text);
            }
        });
        return map;
    }

    /** Connect takes every value as a string ("All values must be of type String"), and an empty one means nothing. */
    private String text(JsonNode value, String at) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            problems.add(new Problem(at, "must be a string, not " + describe(value)
                    + (value.isValueNode() ? " (quote it: \"" + value.asText() + "\")" : "")));
            return null;
        }
        if (value.textValue().isBlank()) {
            problems.add(new Problem(at, "must not be empty"));
            return null;
        }
        return value.textValue();
    }

    static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        return switch (node.getNodeType()) {
            case OBJECT -> "an object";
            case ARRAY -> "an array";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> node.getNodeType().name().toLowerCase();
        };
    }
}
