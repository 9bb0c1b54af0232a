package io.connectdeployer.connect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;

/** Reads Connect's response bodies for results and error messages, masking the token should Connect echo it. */
public final class ConnectBodies {

    private static final int MAX_TEXT = 500;

    private final ObjectMapper mapper;

    public ConnectBodies(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The body as JSON, or as a JSON string when Connect (or a proxy in front of it) answered with something else. */
    public JsonNode json(String body, String token) {
        String masked = mask(body, token);
        if (masked.isBlank()) {
            return null;
        }
        try {
            return mapper.readTree(masked);
        } catch (JsonProcessingException notJson) {
            return TextNode.valueOf(truncate(masked));
        }
    }

    /** Connect's {@code error_message} (its documented 400 body), else {@code message}, else the body itself. */
    public String errorMessage(String body, String token) {
        JsonNode json = json(body, token);
        if (json == null) {
            return "no error message";
        }
        for (String field : new String[] { "error_message", "message", "error" }) {
            if (json.path(field).isTextual()) {
                return json.path(field).textValue();
            }
        }
        return truncate(json.isTextual() ? json.textValue() : json.toString());
    }

    private static String mask(String body, String token) {
        if (body == null) {
            return "";
        }
        return token == null || token.isEmpty() ? body : body.replace(token, "***");
    }

    private static String truncate(String text) {
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT) + "...";
    }
}
