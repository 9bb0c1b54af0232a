package io.connectdeployer.testing;

import static io.connectdeployer.testing.RandomJson.KEYS;
import static io.connectdeployer.testing.RandomJson.VALUES;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * The sample events under {@code events/} mutated: a field dropped, renamed or retyped, a key duplicated in the
 * raw text, huge strings, 1,000 levels of nesting, the deploy event inside a Function URL body changed, invalid
 * UTF-8 in a base64 body. Driven by a {@link Random}, so a failing case is reproduced from its sample and seed.
 */
public final class MutatedEvents {

    /** Nesting a hostile caller can send; Jackson's default read limit is 1,000 levels, so the text form may be refused. */
    public static final int DEEP = 1_000;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private MutatedEvents() {
    }

    /** Every fixture under {@code src/test/resources/events/}, as a classpath path. */
    public static List<String> samples() {
        URL root = MutatedEvents.class.getClassLoader().getResource("events");
        try (Stream<Path> files = Files.walk(Path.of(root.toURI()))) {
            Path base = Path.of(root.toURI()).getParent();
            return files.filter(p -> p.toString().endsWith(".json")).map(p -> base.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("cannot list the event fixtures", e);
        }
    }

    /** The sample a generated case's seed picks from {@code samples}; {@link #mutate} then draws from that seed too. */
    public static String pick(List<String> samples, long seed) {
        return samples.get(new SplittableRandom(seed).nextInt(samples.size()));
    }

    /** The kinds of mutation; one to three are stacked on a sample. */
    public enum Kind {
        DROP, RENAME, RETYPE, HUGE_STRING, DEEP_NESTING, DUPLICATE_KEY, BODY, INVALID_UTF8_BODY
    }

    /**
     * A mutated sample: the event the function would be invoked with, or null when its raw text is not JSON a
     * Lambda runtime would deliver (a duplicated key over 1,000 levels, say); {@code text} is that raw text.
     */
    public record Mutated(String sample, long seed, List<String> mutations, JsonNode event, String text) {

        @Override
        public String toString() {
            return sample + " seed " + seed + " " + mutations;
        }
    }

    /** The sample with one to three random mutations, decided by {@code seed} alone. */
    public static Mutated mutate(String sample, long seed) {
        return mutate(sample, seed, null);
    }

    /** As {@link #mutate(String, long)}, the first mutation of the kind given (unless null). */
    public static Mutated mutate(String sample, long seed, Kind first) {
        Random random = new Random(seed);
        JsonNode event = Events.load(sample);
        List<String> applied = new ArrayList<>();
        String text = null;
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            Kind kind = i == 0 && first != null ? first : Kind.values()[random.nextInt(Kind.values().length)];
            if (kind == Kind.DUPLICATE_KEY) {
                text = duplicateKey(event, random, applied);
                event = parseOrNull(text);
                if (event == null) {
                    break;
                }
                continue;
            }
            event = apply(kind, event, random, applied);
            text = null;
        }
        return new Mutated(sample, seed, List.copyOf(applied), event, text == null ? write(event) : text);
    }

    private static JsonNode apply(Kind kind, JsonNode event, Random random, List<String> applied) {
        if (kind == Kind.BODY || kind == Kind.INVALID_UTF8_BODY) {
            if (!event.isObject() || !event.path("body").isTextual()) {
                kind = Kind.RETYPE;
            } else {
                return kind == Kind.BODY ? mutateBody((ObjectNode) event, random, applied) : invalidUtf8Body((ObjectNode) event, random, applied);
            }
        }
        List<Slot> slots = new ArrayList<>();
        slots(event, "$", slots);
        if (slots.isEmpty()) {
            applied.add(kind + " at $ (root replaced)");
            return replacement(kind, random);
        }
        Slot slot = pick(slots, random);
        applied.add(kind + " at " + slot.path());
        switch (kind) {
            case DROP -> slot.drop();
            case RENAME -> slot.rename(nearMiss(slot.field() == null ? "item" : slot.field(), random));
            default -> slot.replace(replacement(kind, random));
        }
        return event;
    }

    /** Half the time a slot near the top or named like something we read; else any slot. */
    private static Slot pick(List<Slot> slots, Random random) {
        if (random.nextBoolean()) {
            List<Slot> interesting = slots.stream()
                    .filter(s -> s.depth() <= 3 || (s.field() != null && KEYS.contains(s.field()))).toList();
            if (!interesting.isEmpty()) {
                return interesting.get(random.nextInt(interesting.size()));
            }
        }
        return slots.get(random.nextInt(slots.size()));
    }

    private static JsonNode replacement(Kind kind, Random random) {
        return switch (kind) {
            case HUGE_STRING -> NODES.textNode(huge(random));
            case DEEP_NESTING -> deep(random, DEEP);
            default -> retyped(random);
        };
    }

    /** A value of some other type than most fields expect. */
    static JsonNode retyped(Random random) {
        return switch (random.nextInt(12)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(random.nextBoolean());
            case 2 -> NODES.numberNode(random.nextInt());
            case 3 -> NODES.numberNode(new BigInteger("9".repeat(1 + random.nextInt(500))));
            case 4 -> NODES.numberNode(new BigDecimal("-1.5e-" + random.nextInt(1000)));
            case 5 -> NODES.arrayNode();
            case 6 -> NODES.objectNode();
            case 7 -> NODES.arrayNode().add(VALUES.get(random.nextInt(VALUES.size()))).add(random.nextLong());
            case 8 -> NODES.objectNode().put(KEYS.get(random.nextInt(KEYS.size())), VALUES.get(random.nextInt(VALUES.size())));
            case 9 -> NODES.textNode("");
            case 10 -> NODES.textNode(randomText(random, 1 + random.nextInt(40)));
            default -> NODES.textNode(VALUES.get(random.nextInt(VALUES.size())));
        };
    }

    /** 64k to 400k characters, sometimes outside the Basic Multilingual Plane. */
    static String huge(Random random) {
        String unit = List.of("x", "é", "🚀", "/", "%41", "\"\\").get(random.nextInt(6));
        return unit.repeat((65_536 + random.nextInt(335_000)) / unit.length());
    }

    /** {@code levels} nested arrays and objects (keys we read, so readers descend) around a string. */
    public static JsonNode deep(Random random, int levels) {
        JsonNode node = NODES.textNode("bottom");
        for (int i = 0; i < levels; i++) {
            if (random.nextBoolean()) {
                node = NODES.arrayNode().add(node);
            } else {
                ObjectNode wrapper = NODES.objectNode();
                wrapper.set(KEYS.get(random.nextInt(KEYS.size())), node);
                node = wrapper;
            }
        }
        return node;
    }

    /** A typo, a case change, a different separator, another known key, or noise. */
    static String nearMiss(String key, Random random) {
        return switch (random.nextInt(8)) {
            case 0 -> key.length() > 1 ? key.substring(0, key.length() - 1) : key + key;
            case 1 -> key.length() > 1 ? key.charAt(1) + "" + key.charAt(0) + key.substring(2) : "_" + key;
            case 2 -> key.toUpperCase(Locale.ROOT);
            case 3 -> key.replace('_', '-').replace("-", "_") + "s";
            case 4 -> key.replace("_", "");
            case 5 -> KEYS.get(random.nextInt(KEYS.size()));
            case 6 -> huge(random);
            default -> randomText(random, 1 + random.nextInt(12));
        };
    }

    private static String randomText(Random random, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append((char) random.nextInt(Character.MAX_VALUE + 1));
        }
        return text.toString();
    }

    /** Mutates the deploy event inside a Function URL body, keeping its encoding. */
    private static JsonNode mutateBody(ObjectNode event, Random random, List<String> applied) {
        boolean base64 = event.path("isBase64Encoded").asBoolean(false);
        String body = event.get("body").textValue();
        String json = base64 ? new String(decodeOr(body), StandardCharsets.UTF_8) : body;
        JsonNode inner = parseOrNull(json);
        if (inner == null) {
            inner = NODES.objectNode();
        }
        List<String> inside = new ArrayList<>();
        Kind kind = List.of(Kind.DROP, Kind.RENAME, Kind.RETYPE, Kind.HUGE_STRING, Kind.DEEP_NESTING).get(random.nextInt(5));
        inner = apply(kind, inner, random, inside);
        String text = write(inner);
        event.put("body", base64 ? Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)) : text);
        applied.add("BODY " + inside);
        return event;
    }

    /** Invalid UTF-8 sequences spliced into the body's bytes (or bytes that are nothing at all), base64 encoded. */
    private static JsonNode invalidUtf8Body(ObjectNode event, Random random, List<String> applied) {
        byte[][] invalid = {
                { (byte) 0xC3, 0x28 }, // a lead byte without its continuation
                { (byte) 0xA0, (byte) 0xA1 }, // continuation bytes without a lead
                { (byte) 0xC0, (byte) 0xAF }, // overlong '/'
                { (byte) 0xED, (byte) 0xA0, (byte) 0x80 }, // a UTF-16 surrogate encoded in UTF-8
                { (byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80 }, // past U+10FFFF
                { (byte) 0xFF }, { (byte) 0xFE, (byte) 0xFF, 0x00 } };
        boolean base64 = event.path("isBase64Encoded").asBoolean(false);
        String body = event.get("body").textValue();
        byte[] original = base64 ? decodeOr(body) : body.getBytes(StandardCharsets.UTF_8);
        byte[] bytes;
        if (random.nextInt(4) == 0) {
            bytes = new byte[random.nextInt(64)];
            random.nextBytes(bytes);
            applied.add("INVALID_UTF8_BODY random bytes");
        } else {
            byte[] bad = invalid[random.nextInt(invalid.length)];
            int at = original.length == 0 ? 0 : random.nextInt(original.length + 1);
            bytes = new byte[original.length + bad.length];
            System.arraycopy(original, 0, bytes, 0, at);
            System.arraycopy(bad, 0, bytes, at, bad.length);
            System.arraycopy(original, at, bytes, at + bad.length, original.length - at);
            applied.add("INVALID_UTF8_BODY " + bad.length + " bad bytes at " + at);
        }
        event.put("isBase64Encoded", true);
        event.put("body", Base64.getEncoder().encodeToString(bytes));
        return event;
    }

    private static byte[] decodeOr(String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException notBase64) {
            return base64.getBytes(StandardCharsets.UTF_8);
        }
    }

    /** The event's raw text with one object's key written twice, the other value first or last. */
    private static String duplicateKey(JsonNode event, Random random, List<String> applied) {
        List<Slot> slots = new ArrayList<>();
        slots(event, "$", slots);
        List<Slot> fields = slots.stream().filter(s -> s.field() != null).toList();
        if (fields.isEmpty()) {
            applied.add("DUPLICATE_KEY (no object key: unchanged)");
            return write(event);
        }
        Slot slot = pick(fields, random);
        JsonNode other = retyped(random);
        boolean otherFirst = random.nextBoolean();
        applied.add("DUPLICATE_KEY at " + slot.path() + (otherFirst ? " (original last)" : " (original first)"));
        StringBuilder text = new StringBuilder();
        write(event, text, slot, other, otherFirst);
        return text.toString();
    }

    /** JSON text of {@code node}, without the writer's nesting limit (the reader's limit is what a caller meets). */
    public static String write(JsonNode node) {
        StringBuilder text = new StringBuilder();
        write(node, text, null, null, false);
        return text.toString();
    }

    private static void write(JsonNode node, StringBuilder text, Slot duplicate, JsonNode other, boolean otherFirst) {
        if (node.isObject()) {
            text.append('{');
            boolean first = true;
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext();) {
                Map.Entry<String, JsonNode> field = fields.next();
                boolean twice = duplicate != null && duplicate.parent() == node && field.getKey().equals(duplicate.field());
                if (twice && otherFirst) {
                    first = member(text, first, field.getKey(), other, null, null, false);
                }
                first = member(text, first, field.getKey(), field.getValue(), duplicate, other, otherFirst);
                if (twice && !otherFirst) {
                    first = member(text, first, field.getKey(), other, null, null, false);
                }
            }
            text.append('}');
        } else if (node.isArray()) {
            text.append('[');
            for (int i = 0; i < node.size(); i++) {
                if (i > 0) {
                    text.append(',');
                }
                write(node.get(i), text, duplicate, other, otherFirst);
            }
            text.append(']');
        } else {
            text.append(node.toString());
        }
    }

    private static boolean member(StringBuilder text, boolean first, String key, JsonNode value, Slot duplicate, JsonNode other,
            boolean otherFirst) {
        if (!first) {
            text.append(',');
        }
        text.append(TextNode.valueOf(key)).append(':');
        write(value, text, duplicate, other, otherFirst);
        return false;
    }

    /** Parsed with a default ObjectMapper (last duplicate wins, at most 1,000 levels), or null if it refuses. */
    public static JsonNode parseOrNull(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (IOException notDeliverable) {
            return null;
        }
    }

    // ---- places in a tree -----------------------------------------------------------------------------------------

    private static void slots(JsonNode node, String path, List<Slot> out) {
        slots(node, path, 0, out);
    }

    private static void slots(JsonNode node, String path, int depth, List<Slot> out) {
        if (depth > DEEP + 50) {
            return;
        }
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                String at = path + "." + (name.length() > 40 ? name.substring(0, 40) + "..." : name);
                out.add(new Slot(node, name, -1, at, depth));
                slots(node.get(name), at, depth + 1, out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                out.add(new Slot(node, null, i, path + "[" + i + "]", depth));
                slots(node.get(i), path + "[" + i + "]", depth + 1, out);
            }
        }
    }

    /** One member of an object or element of an array. */
    private record Slot(JsonNode parent, String field, int index, String path, int depth) {

        void drop() {
            if (field != null) {
                ((ObjectNode) parent).remove(field);
            } else {
                ((ArrayNode) parent).remove(index);
            }
        }

        void replace(JsonNode value) {
            if (field != null) {
                ((ObjectNode) parent).set(field, value);
            } else {
                ((ArrayNode) parent).set(index, value);
            }
        }

        /** Keeps the member's position; an array element gains a key by becoming a one-member object. */
        void rename(String name) {
            if (field == null) {
                ObjectNode wrapped = NODES.objectNode();
                wrapped.set(name, parent.get(index));
                ((ArrayNode) parent).set(index, wrapped);
                return;
            }
            ObjectNode object = (ObjectNode) parent;
            Map<String, JsonNode> members = new LinkedHashMap<>();
            object.fields().forEachRemaining(e -> members.put(e.getKey().equals(field) ? name : e.getKey(), e.getValue()));
            object.removeAll();
            members.forEach(object::set);
        }
    }
}
