package io.connectdeployer.testing;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Random JSON for the property tests (jqwik arbitraries, so failures shrink): objects, arrays, unicode and
 * unpaired surrogates, long strings, extreme numbers, booleans and nulls, with keys and values biased towards
 * what our event shapes look for so that generation reaches every reader.
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

    private RandomJson() {
    }

    /** Any JSON value, objects and arrays nested up to {@code depth}. */
    public static Arbitrary<JsonNode> json(int depth) {
        if (depth <= 0) {
            return leaves();
        }
        Arbitrary<JsonNode> inner = json(depth - 1);
        return Arbitraries.frequencyOf(
                Tuple.of(4, leaves()),
                Tuple.of(3, objects(inner)),
                Tuple.of(1, inner.list().ofMaxSize(5).map(RandomJson::array)));
    }

    /** Random JSON shaped like each kind of event some of the time, so every trigger's reader gets hostile values. */
    public static Arbitrary<JsonNode> events() {
        // Depth 3 in all: the wrappers below add a level, and deeper random trees only cost generation time.
        Arbitrary<JsonNode> any = json(2);
        Arbitrary<JsonNode> objects = objects(any);
        Arbitrary<JsonNode> s3Source = Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(NODES.textNode("aws:s3"))), Tuple.of(1, any));
        // combine, not flatMap: flatMap builds a new arbitrary per sample and made generation ten times slower.
        Arbitrary<JsonNode> s3 = Combinators.combine(s3Source, objects.list().ofMinSize(1).ofMaxSize(3)).as((source, records) -> {
            ArrayNode array = NODES.arrayNode();
            records.forEach(record -> array.add(record.deepCopy()));
            ((ObjectNode) array.get(0)).set("eventSource", source);
            ObjectNode event = NODES.objectNode();
            event.set("Records", array);
            return event;
        });
        Arbitrary<JsonNode> eventBridge = Combinators.combine(objects, Arbitraries.of("aws.events", "aws.s3", "com.example.ci"),
                Arbitraries.of("Scheduled Event", "Object Created", "Release")).as((base, source, type) -> {
                    ObjectNode event = ((ObjectNode) base).deepCopy();
                    event.put("source", source);
                    event.put("detail-type", type);
                    return event;
                });
        Arbitrary<JsonNode> functionUrl = Combinators.combine(objects, any).as((base, body) -> {
            ObjectNode event = ((ObjectNode) base).deepCopy();
            event.put("version", "2.0");
            event.putObject("requestContext").putObject("http").put("method", "POST");
            // A string body is sent as is (rarely JSON), a container as its JSON text, anything else as a non-string body.
            event.set("body", body.isContainerNode() ? TextNode.valueOf(body.toString()) : body);
            return event;
        });
        return Arbitraries.frequencyOf(Tuple.of(3, json(3)), Tuple.of(2, objects), Tuple.of(1, s3), Tuple.of(1, eventBridge),
                Tuple.of(1, functionUrl));
    }

    private static Arbitrary<JsonNode> objects(Arbitrary<JsonNode> values) {
        return Arbitraries.maps(keys(), values).ofMaxSize(6).map(RandomJson::object);
    }

    private static Arbitrary<String> keys() {
        return Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.of(KEYS)), Tuple.of(1, Arbitraries.strings().all().ofMaxLength(12)));
    }

    private static Arbitrary<JsonNode> leaves() {
        Arbitrary<String> text = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.strings().all().ofMaxLength(20)),
                Tuple.of(3, Arbitraries.of(VALUES)),
                Tuple.of(1, Arbitraries.of(KEYS)),
                Tuple.of(1, Arbitraries.of("x", "é", "🚀", "/").flatMap(unit -> Arbitraries.integers().between(513, 20_000).map(unit::repeat))));
        return Arbitraries.frequencyOf(
                Tuple.of(5, text.map(NODES::textNode)),
                Tuple.of(1, Arbitraries.integers().map(i -> (JsonNode) NODES.numberNode(i))),
                Tuple.of(1, Arbitraries.of(Long.MIN_VALUE, 0L, Long.MAX_VALUE).map(l -> (JsonNode) NODES.numberNode(l))),
                Tuple.of(1, Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, -0.0, 1e308, 4.9e-324).map(d -> (JsonNode) NODES.numberNode(d))),
                Tuple.of(1, Arbitraries.just((JsonNode) NODES.numberNode(new BigDecimal("1e-400")))),
                Tuple.of(1, Arbitraries.just((JsonNode) NODES.numberNode(new BigInteger("9".repeat(400))))),
                Tuple.of(1, Arbitraries.of(true, false).map(b -> (JsonNode) NODES.booleanNode(b))),
                Tuple.of(1, Arbitraries.just((JsonNode) NODES.nullNode())));
    }

    private static JsonNode object(Map<String, JsonNode> fields) {
        ObjectNode object = NODES.objectNode();
        fields.forEach((key, value) -> object.set(key, value.deepCopy()));
        return object;
    }

    private static JsonNode array(List<JsonNode> items) {
        ArrayNode array = NODES.arrayNode();
        items.forEach(item -> array.add(item.deepCopy()));
        return array;
    }
}
