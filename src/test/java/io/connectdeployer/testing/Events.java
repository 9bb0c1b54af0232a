package io.connectdeployer.testing;

import java.io.UncheckedIOException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Event fixtures as JSON, read with a plain ObjectMapper (no Quarkus customisation). */
public final class Events {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Events() {
    }

    /** A classpath resource under src/test/resources, e.g. {@code events/direct/seed-example.json}. */
    public static JsonNode load(String path) {
        return parse(Resources.text(path));
    }

    public static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("not JSON: " + json, e);
        }
    }
}
