package io.connectdeployer.testing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Checks a line against CloudWatch's Embedded Metric Format specification: a JSON object whose {@code _aws} holds a
 * numeric {@code Timestamp} and a non-empty {@code CloudWatchMetrics} array of directives; each directive has a
 * {@code Namespace}, {@code Dimensions} (arrays of at most 30 names, each a string member of the root) and
 * {@code Metrics} (at most 100, each a {@code Name} whose root member is a number or an array of at most 100
 * numbers, and a {@code Unit} from CloudWatch's list). Answers what the line says, for exact assertions.
 */
public final class EmfSpec {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> UNITS = Set.of("Seconds", "Microseconds", "Milliseconds", "Bytes", "Kilobytes",
            "Megabytes", "Gigabytes", "Terabytes", "Bits", "Kilobits", "Megabits", "Gigabits", "Terabits", "Percent",
            "Count", "Bytes/Second", "Kilobytes/Second", "Megabytes/Second", "Gigabytes/Second", "Terabytes/Second",
            "Bits/Second", "Kilobits/Second", "Megabits/Second", "Gigabits/Second", "Terabits/Second", "Count/Second",
            "None");

    /** One directive as read: its namespace, dimension sets, and metric name to unit. */
    public record Directive(String namespace, List<List<String>> dimensions, Map<String, String> metrics) {
    }

    private EmfSpec() {
    }

    public static boolean isEmf(String line) {
        return line.startsWith("{") && line.contains("\"_aws\"");
    }

    /** Parses and checks the line; fails the test on anything the specification forbids. */
    public static JsonNode check(String line) {
        JsonNode root;
        try {
            root = MAPPER.readTree(line);
        } catch (Exception notJson) {
            throw new AssertionError("not one JSON object: " + line, notJson);
        }
        assertTrue(root.isObject(), line);
        JsonNode aws = root.path("_aws");
        assertTrue(aws.isObject(), "_aws must be an object: " + line);
        assertTrue(aws.path("Timestamp").isIntegralNumber(), "_aws.Timestamp must be a number of epoch ms: " + line);
        JsonNode directives = aws.path("CloudWatchMetrics");
        assertTrue(directives.isArray() && !directives.isEmpty(), "_aws.CloudWatchMetrics must be a non-empty array: " + line);
        for (JsonNode directive : directives) {
            assertTrue(directive.path("Namespace").isTextual() && !directive.path("Namespace").asText().isEmpty(), line);
            assertTrue(directive.path("Dimensions").isArray(), "Dimensions must be an array: " + line);
            for (JsonNode set : directive.path("Dimensions")) {
                assertTrue(set.isArray() && set.size() <= 30, "a dimension set is an array of at most 30: " + line);
                for (JsonNode dimension : set) {
                    assertTrue(root.path(dimension.asText()).isTextual(),
                            "dimension " + dimension + " must be a string member of the root: " + line);
                }
            }
            JsonNode metrics = directive.path("Metrics");
            assertTrue(metrics.isArray() && metrics.size() <= 100, "Metrics must be an array of at most 100: " + line);
            for (JsonNode metric : metrics) {
                String name = metric.path("Name").asText();
                assertFalse(name.isEmpty(), "a metric needs a Name: " + line);
                assertTrue(UNITS.contains(metric.path("Unit").asText()), "unit of " + name + ": " + line);
                JsonNode value = root.path(name);
                boolean number = value.isNumber();
                boolean numbers = value.isArray() && !value.isEmpty() && value.size() <= 100;
                value.forEach(element -> assertTrue(element.isNumber(), name + " values must be numbers: " + line));
                assertTrue(number || numbers, "metric " + name + " must be a number or 1-100 numbers at the root: " + line);
            }
        }
        return root;
    }

    public static List<Directive> directives(JsonNode line) {
        List<Directive> read = new ArrayList<>();
        for (JsonNode directive : line.path("_aws").path("CloudWatchMetrics")) {
            List<List<String>> dimensions = new ArrayList<>();
            directive.path("Dimensions").forEach(set -> {
                List<String> names = new ArrayList<>();
                set.forEach(name -> names.add(name.asText()));
                dimensions.add(names);
            });
            Map<String, String> metrics = new TreeMap<>();
            directive.path("Metrics").forEach(metric -> metrics.put(metric.path("Name").asText(), metric.path("Unit").asText()));
            read.add(new Directive(directive.path("Namespace").asText(), dimensions, metrics));
        }
        return read;
    }
}
