package io.connectdeployer.trigger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Function URL requests (payload format 2.0). The record holds a {@code byte[]}, whose equals is identity, so its
 * components are asserted one by one rather than as a whole value.
 */
class FunctionUrlRequestTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX = 256 * 1024;

    /** A Function URL event with the given method; body and base64 flag are left out when the body is null. */
    private static ObjectNode request(String method, String body, boolean base64) {
        ObjectNode event = JSON.createObjectNode().put("version", "2.0").put("routeKey", "$default").put("rawPath", "/");
        event.putObject("headers").put("content-type", "application/json").put("host", "abc.lambda-url.eu-west-1.on.aws");
        ObjectNode context = event.putObject("requestContext").put("accountId", "anonymous").put("requestId", "c6af9ac6");
        context.putObject("http").put("method", method).put("path", "/").put("protocol", "HTTP/1.1");
        if (body != null) {
            event.put("body", body).put("isBase64Encoded", base64);
        }
        return event;
    }

    private static RequestRejectedException rejected(JsonNode event) {
        return assertThrows(RequestRejectedException.class, () -> FunctionUrlRequest.parse(event));
    }

    @Test
    void should_read_method_headers_and_utf8_body_when_a_plain_post_arrives() {
        // when
        FunctionUrlRequest request = FunctionUrlRequest.parse(request("POST", "{\"comment\":\"café\"}", false));

        // then
        assertEquals("POST", request.method());
        assertEquals(Map.of("content-type", "application/json", "host", "abc.lambda-url.eu-west-1.on.aws"), request.headers());
        assertArrayEquals("{\"comment\":\"café\"}".getBytes(StandardCharsets.UTF_8), request.body());
        assertEquals(false, request.iamAuthenticated());
    }

    @Test
    void should_decode_the_body_when_it_is_base64_encoded() {
        // given
        byte[] body = "{\"project\":\"Demo\"}".getBytes(StandardCharsets.UTF_8);

        // when
        FunctionUrlRequest request = FunctionUrlRequest.parse(request("POST", Base64.getEncoder().encodeToString(body), true));

        // then
        assertArrayEquals(body, request.body());
    }

    @Test
    void should_read_an_empty_body_when_the_request_has_no_body() {
        // when
        FunctionUrlRequest request = FunctionUrlRequest.parse(request("POST", null, false));

        // then
        assertArrayEquals(new byte[0], request.body());
    }

    @Test
    void should_upper_case_the_method_when_it_arrives_in_lower_case() {
        // when
        FunctionUrlRequest request = FunctionUrlRequest.parse(request("post", "{}", false));

        // then
        assertEquals("POST", request.method());
    }

    @Test
    void should_lower_case_header_names_and_drop_non_text_values_when_a_hand_written_event_mixes_case() {
        // given
        ObjectNode event = request("POST", "{}", false);
        ObjectNode headers = event.putObject("headers");
        headers.put("X-GitHub-Event", "release").put("X-Hub-Signature-256", "sha256=00").put("Authorization", "Bearer t");
        headers.put("X-Retries", 3);

        // when
        FunctionUrlRequest request = FunctionUrlRequest.parse(event);

        // then
        assertEquals(Map.of("x-github-event", "release", "x-hub-signature-256", "sha256=00", "authorization", "Bearer t"),
                request.headers());
        assertEquals("release", request.header("x-github-event"));
    }

    @Test
    void should_have_no_headers_when_the_event_has_none() {
        // given
        ObjectNode event = request("POST", "{}", false);
        event.remove("headers");

        // when
        FunctionUrlRequest request = FunctionUrlRequest.parse(event);

        // then
        assertEquals(Map.of(), request.headers());
    }

    @Test
    void should_flag_iam_when_the_request_context_has_an_iam_authorizer() {
        // given
        ObjectNode event = request("POST", "{}", false);
        ((ObjectNode) event.get("requestContext")).putObject("authorizer").putObject("iam")
                .put("accessKey", "AKIAEXAMPLE").put("accountId", "123456789012").put("userArn", "arn:aws:iam::123456789012:user/ci");

        // when
        FunctionUrlRequest request = FunctionUrlRequest.parse(event);

        // then
        assertEquals(true, request.iamAuthenticated());
    }

    @Test
    void should_refuse_with_405_and_allow_post_when_the_method_is_get() {
        // when
        RequestRejectedException error = rejected(request("GET", null, false));

        // then
        assertEquals(405, error.httpStatus());
        assertEquals("Method GET is not allowed: send the event with POST", error.getMessage());
        assertEquals(Map.of("allow", "POST"), error.headers());
    }

    @Test
    void should_accept_a_plain_body_of_exactly_256_kib() {
        // when
        FunctionUrlRequest request = FunctionUrlRequest.parse(request("POST", "a".repeat(MAX), false));

        // then
        assertEquals(MAX, request.body().length);
    }

    @Test
    void should_refuse_with_413_when_a_plain_body_is_one_byte_over_256_kib() {
        // when
        RequestRejectedException error = rejected(request("POST", "a".repeat(MAX + 1), false));

        // then
        assertEquals(413, error.httpStatus());
        assertEquals("The request body is larger than 256 KiB", error.getMessage());
        assertEquals(Map.of(), error.headers());
    }

    @Test
    void should_refuse_with_413_when_a_plain_body_is_under_256_ki_characters_but_over_256_kib_in_utf8() {
        // given
        String body = "é".repeat(MAX / 2 + 1);

        // when
        RequestRejectedException error = rejected(request("POST", body, false));

        // then
        assertEquals(413, error.httpStatus());
        assertEquals("The request body is larger than 256 KiB", error.getMessage());
    }

    @Test
    void should_refuse_with_413_when_a_base64_body_decodes_to_one_byte_over_256_kib() {
        // given
        String body = Base64.getEncoder().encodeToString(new byte[MAX + 1]);

        // when
        RequestRejectedException error = rejected(request("POST", body, true));

        // then
        assertEquals(413, error.httpStatus());
        assertEquals("The request body is larger than 256 KiB", error.getMessage());
    }

    @Test
    void should_accept_a_base64_body_of_one_byte_under_256_kib() {
        // given
        String body = Base64.getEncoder().encodeToString(new byte[MAX - 1]);

        // when
        FunctionUrlRequest request = FunctionUrlRequest.parse(request("POST", body, true));

        // then
        assertEquals(MAX - 1, request.body().length);
    }

    @Test
    void should_accept_a_base64_body_of_exactly_256_kib_as_it_accepts_a_plain_one() {
        // given
        String body = Base64.getEncoder().encodeToString(new byte[MAX]);

        // when
        FunctionUrlRequest request = FunctionUrlRequest.parse(request("POST", body, true));

        // then
        assertEquals(MAX, request.body().length);
    }

    @Test
    void should_refuse_with_400_when_a_body_marked_base64_is_not_base64() {
        // when
        RequestRejectedException error = rejected(request("POST", "{\"project\":\"Demo\"}", true));

        // then
        assertEquals(400, error.httpStatus());
        assertEquals("The request body is marked base64-encoded but is not valid base64", error.getMessage());
    }
    private static ObjectNode github(String body) {
        ObjectNode event = request("POST", body, false);
        ((ObjectNode) event.get("headers")).put("x-github-event", "release").put("x-github-delivery", "72d3162e-cc78-11e3-81ab-4c9367dc0958");
        return event;
    }

    @Test
    void should_accept_a_github_body_of_exactly_6_mib() {
        // when
        FunctionUrlRequest request = FunctionUrlRequest.parse(github("x".repeat(6 * 1024 * 1024)));

        // then
        assertEquals(6 * 1024 * 1024, request.body().length);
    }

    @Test
    void should_refuse_with_413_naming_6_mib_when_a_github_body_is_one_byte_over() {
        // when
        RequestRejectedException refused = rejected(github("x".repeat(6 * 1024 * 1024 + 1)));

        // then
        assertEquals(413, refused.httpStatus());
        assertEquals("The request body is larger than 6 MiB", refused.getMessage());
    }

    @Test
    void should_read_the_delivery_id_only_when_it_looks_like_one() {
        // given
        ObjectNode forged = github("{}");
        ((ObjectNode) forged.get("headers")).put("x-github-delivery", "<script>" + "x".repeat(100));

        // then
        assertEquals("72d3162e-cc78-11e3-81ab-4c9367dc0958", FunctionUrlRequest.githubDelivery(github("{}")));
        assertEquals(null, FunctionUrlRequest.githubDelivery(forged));
        assertEquals(null, FunctionUrlRequest.githubDelivery(request("POST", "{}", false)));
    }

    @Test
    void should_take_json_with_or_without_a_charset_and_nothing_else_as_json() {
        // given
        ObjectNode event = request("POST", "{}", false);
        ObjectNode headers = (ObjectNode) event.get("headers");

        // then
        assertEquals(true, FunctionUrlRequest.parse(event).hasJsonContentType());
        headers.put("content-type", "Application/JSON; charset=utf-8");
        assertEquals(true, FunctionUrlRequest.parse(event).hasJsonContentType());
        headers.put("content-type", "application/x-www-form-urlencoded");
        assertEquals(false, FunctionUrlRequest.parse(event).hasJsonContentType());
        headers.remove("content-type");
        assertEquals(false, FunctionUrlRequest.parse(event).hasJsonContentType());
    }
}
