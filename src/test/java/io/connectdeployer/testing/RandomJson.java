package io.connectdeployer.testing;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Random JSON for the property tests, decided by one seed alone so that a case's seed reproduces it: objects,
 * arrays, any UTF-16 unit (unpaired surrogates and controls too), long strings, extreme numbers, booleans and
 * nulls, with keys and values biased towards what our event shapes look for so that generation reaches every reader.
 */
public final class RandomJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Keys our shapes and the deploy event read: random objects use them often so generation reaches the readers. */
    static final List<String> KEYS = List.of("project", "groups", "filters", "flow_id", "app", "parameters", "comment",
            "dry_run", "idempotency_key", "name", "version", "type", "operand", "value", "app_version", "deployment_id",
            "Records", "eventSource", "eventName", "eventTime", "s3", "bucket", "object", "key", "versionId", "sequencer",
            "detail-type", "source", "detail", "id", "time", "resources", "requestContext", "http", "method", "body",
            "isBase64Encoded", "headers", "authorizer", "iam", "x-github-event", "x-github-delivery", "action", "release",
            "tag_name", "draft", "prerelease", "repository", "full_name", "flowid", "device_filter", "user_token");

    /** Values the shapes compare against, so a random event is sometimes recognised. */
    static final List<String> VALUES = List.of("aws:s3", "ObjectCreated:Put", "ObjectRemoved:Delete", "2.0", "POST",
            "GET", "aws.events", "Scheduled Event", "aws.s3", "Object Created", "release", "published", "ping", "is",
            "is_not", "tag", "device_state", "online", "deployment", "specific_device", "failed", "Demo", "f-1",
            "gateway/v1.4.2/gateway-fw.bin", "a/b", "%", "%zz", "+", "${bucket}", "", " ", "\u0000", "\uD800", "\uDFFF",
            "🚀", "null", "true", "0", "Bearer ", "sha256=00");

    private static final List<String> LONG_STRING_UNITS = List.of("x", "é", "🚀", "/");
    private static final int[] EDGE_INTS = { 0, 1, -1, Integer.MIN_VALUE, Integer.MAX_VALUE };
    private static final long[] EDGE_LONGS = { Long.MIN_VALUE, 0L, Long.MAX_VALUE };
    private static final double[] EDGE_DOUBLES = { Double.NaN, Double.POSITIVE_INFINITY, -0.0, 1e308, 4.9e-324 };

    private RandomJson() {
    }

    /** The random event of {@code seed}. */
    public static JsonNode event(long seed) {
        return event(new SplittableRandom(seed));
    }

    /** Random JSON shaped like each kind of event some of the time, so every trigger's reader gets hostile values. */
    public static JsonNode event(RandomGenerator random) {
        // Depth 3 in all: the wrappers add a level to depth-2 values, and deeper random trees only cost time.
        return switch (weighted(random, 3, 2, 1, 1, 1)) {
            case 0 -> json(random, 3);
            case 1 -> object(random, 2);
            case 2 -> s3(random);
            case 3 -> eventBridge(random);
            default -> functionUrl(random);
        };
    }

    /** Any JSON value, objects and arrays nested up to {@code depth}. */
    private static JsonNode json(RandomGenerator random, int depth) {
        if (depth <= 0) {
            return leaf(random);
        }
        return switch (weighted(random, 4, 3, 1)) {
            case 0 -> leaf(random);
            case 1 -> object(random, depth - 1);
            default -> array(random, depth - 1);
        };
    }

    private static JsonNode s3(RandomGenerator random) {
        ArrayNode records = NODES.arrayNode();
        for (int i = 1 + random.nextInt(3); i > 0; i--) {
            records.add(object(random, 2));
        }
        JsonNode source = random.nextInt(4) < 3 ? NODES.textNode("aws:s3") : json(random, 2);
        ((ObjectNode) records.get(0)).set("eventSource", source);
        ObjectNode event = NODES.objectNode();
        event.set("Records", records);
        return event;
    }

    private static JsonNode eventBridge(RandomGenerator random) {
        ObjectNode event = object(random, 2);
        event.put("source", pick(random, List.of("aws.events", "aws.s3", "com.example.ci")));
        event.put("detail-type", pick(random, List.of("Scheduled Event", "Object Created", "Release")));
        return event;
    }

    private static JsonNode functionUrl(RandomGenerator random) {
        ObjectNode event = object(random, 2);
        JsonNode body = json(random, 2);
        event.put("version", "2.0");
        event.putObject("requestContext").putObject("http").put("method", "POST");
        // A string body is sent as is (rarely JSON), a container as its JSON text, anything else as a non-string body.
        event.set("body", body.isContainerNode() ? TextNode.valueOf(body.toString()) : body);
        return event;
    }

    /** Up to six members (fewer when a key repeats), their values nested up to {@code depth}. */
    private static ObjectNode object(RandomGenerator random, int depth) {
        ObjectNode object = NODES.objectNode();
        for (int i = random.nextInt(7); i > 0; i--) {
            object.set(random.nextInt(4) < 3 ? pick(random, KEYS) : units(random, 12), json(random, depth));
        }
        return object;
    }

    private static JsonNode array(RandomGenerator random, int depth) {
        ArrayNode array = NODES.arrayNode();
        for (int i = random.nextInt(6); i > 0; i--) {
            array.add(json(random, depth));
        }
        return array;
    }

    private static JsonNode leaf(RandomGenerator random) {
        return switch (weighted(random, 5, 1, 1, 1, 1, 1, 1, 1)) {
            case 0 -> NODES.textNode(text(random));
            case 1 -> NODES.numberNode(random.nextInt(4) == 0 ? EDGE_INTS[random.nextInt(EDGE_INTS.length)] : random.nextInt());
            case 2 -> NODES.numberNode(EDGE_LONGS[random.nextInt(EDGE_LONGS.length)]);
            case 3 -> NODES.numberNode(EDGE_DOUBLES[random.nextInt(EDGE_DOUBLES.length)]);
            case 4 -> NODES.numberNode(new BigDecimal("1e-400"));
            case 5 -> NODES.numberNode(new BigInteger("9".repeat(400)));
            case 6 -> NODES.booleanNode(random.nextBoolean());
            default -> NODES.nullNode();
        };
    }

    private static String text(RandomGenerator random) {
        return switch (weighted(random, 3, 3, 1, 1)) {
            case 0 -> units(random, 20);
            case 1 -> pick(random, VALUES);
            case 2 -> pick(random, KEYS);
            default -> pick(random, LONG_STRING_UNITS).repeat(513 + random.nextInt(20_000 - 513 + 1));
        };
    }

    /** Empty one time in eight, else up to {@code max} UTF-16 units, half of them ASCII and half any unit at all. */
    private static String units(RandomGenerator random, int max) {
        int length = random.nextInt(8) == 0 ? 0 : 1 + random.nextInt(max);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) random.nextInt(random.nextBoolean() ? 128 : Character.MAX_VALUE + 1));
        }
        return text.toString();
    }

    private static String pick(RandomGenerator random, List<String> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    /** An index into {@code weights}, each index as likely as its weight. */
    private static int weighted(RandomGenerator random, int... weights) {
        int roll = random.nextInt(IntStream.of(weights).sum());
        int index = 0;
        while (roll >= weights[index]) {
            roll -= weights[index++];
        }
        return index;
    }
}
