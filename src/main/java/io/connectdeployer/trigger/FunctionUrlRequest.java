package io.connectdeployer.trigger;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * A Lambda Function URL request (payload format 2.0), reduced to what this function acts on. Headers arrive
 * lower-cased from Lambda; they are lower-cased again so a hand-written test event behaves the same.
 */
public record FunctionUrlRequest(String method, Map<String, String> headers, byte[] body, boolean iamAuthenticated) {

    /** Larger bodies are refused before they are decoded or parsed: no deploy event is near it. */
    public static final int MAX_BODY_BYTES = 256 * 1024;

    /**
     * GitHub deliveries carry release notes and every asset; they may use the Function URL's own limit, and are
     * read only once their signature is verified.
     */
    public static final int MAX_GITHUB_BODY_BYTES = 6 * 1024 * 1024;

    /** A delivery id is echoed in answers and logs only if it looks like one (GitHub's are UUIDs). */
    private static final Pattern DELIVERY_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

    public FunctionUrlRequest {
        headers = Map.copyOf(headers);
    }

    /**
     * @throws RequestRejectedException 405 for anything but POST, 413 for a body over 256 KiB (6 MiB for a GitHub
     *         delivery), 400 for bad base64
     */
    public static FunctionUrlRequest parse(JsonNode event) {
        String method = Envelope.text(event, "requestContext", "http", "method");
        if (!"POST".equalsIgnoreCase(method)) {
            throw new RequestRejectedException(405, "Method " + method + " is not allowed: send the event with POST",
                    Map.of("allow", "POST"));
        }
        Map<String, String> headers = headers(Envelope.at(event, "headers"));
        int limit = headers.containsKey("x-github-event") ? MAX_GITHUB_BODY_BYTES : MAX_BODY_BYTES;
        String body = Envelope.text(event, "body");
        boolean base64 = Envelope.at(event, "isBase64Encoded") != null && Envelope.at(event, "isBase64Encoded").asBoolean();
        // Refuse a body far too large before decoding it; the exact limit is checked on the decoded bytes.
        if (body != null && body.length() > (base64 ? (limit / 3 + 1) * 4 : limit)) {
            throw tooLarge(limit);
        }
        byte[] bytes = body == null ? new byte[0] : base64 ? decode(body) : body.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > limit) {
            throw tooLarge(limit);
        }
        return new FunctionUrlRequest(method.toUpperCase(Locale.ROOT), headers, bytes,
                Envelope.at(event, "requestContext", "authorizer", "iam") != null);
    }

    /** The {@code x-github-delivery} header of a raw request, when it looks like a delivery id; else null. */
    public static String githubDelivery(JsonNode event) {
        JsonNode headers = Envelope.at(event, "headers");
        String delivery = headers == null ? null : headers(headers).get("x-github-delivery");
        return delivery != null && DELIVERY_ID.matcher(delivery).matches() ? delivery : null;
    }

    /** True when the raw request says it is a GitHub delivery ({@code x-github-event}). */
    public static boolean fromGitHub(JsonNode event) {
        JsonNode headers = Envelope.at(event, "headers");
        return headers != null && headers(headers).containsKey("x-github-event");
    }

    public String header(String name) {
        return headers.get(name);
    }

    /** {@code application/json}, with or without parameters such as a charset. */
    public boolean hasJsonContentType() {
        String type = header("content-type");
        return type != null && type.split(";", 2)[0].strip().equalsIgnoreCase("application/json");
    }

    /** The body as strict JSON ({@link JsonBody}); an empty body is an empty object. */
    public JsonNode json(ObjectReader reader) {
        return body.length == 0 ? JsonNodeFactory.instance.objectNode() : JsonBody.parse(body, reader);
    }

    private static RequestRejectedException tooLarge(int limit) {
        return new RequestRejectedException(413, "The request body is larger than "
                + (limit >= 1024 * 1024 ? limit / (1024 * 1024) + " MiB" : limit / 1024 + " KiB"));
    }

    private static byte[] decode(String body) {
        try {
            return Base64.getDecoder().decode(body);
        } catch (IllegalArgumentException malformed) {
            throw new RequestRejectedException(400, "The request body is marked base64-encoded but is not valid base64");
        }
    }

    private static Map<String, String> headers(JsonNode headers) {
        Map<String, String> map = new LinkedHashMap<>();
        if (headers != null && headers.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = headers.fields(); fields.hasNext();) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getValue().isTextual()) {
                    map.put(field.getKey().toLowerCase(Locale.ROOT), field.getValue().textValue());
                }
            }
        }
        return map;
    }
}
