package io.connectdeployer.trigger;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A Lambda Function URL request (payload format 2.0), reduced to what this function acts on. Headers arrive
 * lower-cased from Lambda; they are lower-cased again so a hand-written test event behaves the same.
 */
public record FunctionUrlRequest(String method, Map<String, String> headers, byte[] body, boolean iamAuthenticated) {

    /** Larger bodies are refused before they are decoded or parsed: no deploy event or release payload is near it. */
    public static final int MAX_BODY_BYTES = 256 * 1024;

    public FunctionUrlRequest {
        headers = Map.copyOf(headers);
    }

    /** @throws RequestRejectedException 405 for anything but POST, 413 for a body over 256 KiB, 400 for bad base64 */
    public static FunctionUrlRequest parse(JsonNode event) {
        String method = Envelope.text(event, "requestContext", "http", "method");
        if (!"POST".equalsIgnoreCase(method)) {
            throw new RequestRejectedException(405, "Method " + method + " is not allowed: send the event with POST",
                    Map.of("allow", "POST"));
        }
        String body = Envelope.text(event, "body");
        boolean base64 = Envelope.at(event, "isBase64Encoded") != null && Envelope.at(event, "isBase64Encoded").asBoolean();
        // Refuse a body far too large before decoding it; the exact limit is checked on the decoded bytes.
        if (body != null && body.length() > (base64 ? (MAX_BODY_BYTES / 3 + 1) * 4 : MAX_BODY_BYTES)) {
            throw tooLarge();
        }
        byte[] bytes = body == null ? new byte[0] : base64 ? decode(body) : body.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_BODY_BYTES) {
            throw tooLarge();
        }
        return new FunctionUrlRequest(method.toUpperCase(Locale.ROOT), headers(Envelope.at(event, "headers")), bytes,
                Envelope.at(event, "requestContext", "authorizer", "iam") != null);
    }

    public String header(String name) {
        return headers.get(name);
    }

    private static RequestRejectedException tooLarge() {
        return new RequestRejectedException(413, "The request body is larger than " + MAX_BODY_BYTES / 1024 + " KiB");
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
