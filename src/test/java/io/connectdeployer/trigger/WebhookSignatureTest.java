package io.connectdeployer.trigger;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** GitHub's documented test values for validating webhook deliveries. */
class WebhookSignatureTest {

    private static final String SECRET = "It's a Secret to Everybody";
    private static final byte[] PAYLOAD = "Hello, World!".getBytes(StandardCharsets.UTF_8);
    private static final String HEX = "757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";

    @Test
    void should_match_when_the_header_is_githubs_documented_signature() {
        // when
        boolean matches = WebhookSignature.matches(SECRET, PAYLOAD, "sha256=" + HEX);

        // then
        assertEquals(true, matches);
    }

    @Test
    void should_match_when_the_hex_is_upper_case() {
        // when
        boolean matches = WebhookSignature.matches(SECRET, PAYLOAD, "sha256=" + HEX.toUpperCase());

        // then
        assertEquals(true, matches);
    }

    @Test
    void should_not_match_when_the_secret_is_wrong() {
        // when
        boolean matches = WebhookSignature.matches("It's a secret to everybody", PAYLOAD, "sha256=" + HEX);

        // then
        assertEquals(false, matches);
    }

    @Test
    void should_not_match_when_the_body_differs_by_one_character() {
        // when
        boolean matches = WebhookSignature.matches(SECRET, "Hello, World?".getBytes(StandardCharsets.UTF_8), "sha256=" + HEX);

        // then
        assertEquals(false, matches);
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {
            "sha1=" + HEX,
            "SHA256=" + HEX,
            HEX,
            " sha256=" + HEX,
            "sha256=" })
    void should_not_match_when_the_prefix_is_wrong_or_alone(String header) {
        // when
        boolean matches = WebhookSignature.matches(SECRET, PAYLOAD, header);

        // then
        assertEquals(false, matches);
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {
            "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e1z",
            "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e1",
            "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17 " })
    void should_not_match_when_the_signature_is_not_hex(String header) {
        // when
        boolean matches = WebhookSignature.matches(SECRET, PAYLOAD, header);

        // then
        assertEquals(false, matches);
    }

    @Test
    void should_not_match_when_the_signature_is_a_prefix_of_the_right_one() {
        // when
        boolean matches = WebhookSignature.matches(SECRET, PAYLOAD, "sha256=" + HEX.substring(0, 32));

        // then
        assertEquals(false, matches);
    }

    @Test
    void should_not_match_when_there_is_no_header() {
        // when
        boolean matches = WebhookSignature.matches(SECRET, PAYLOAD, null);

        // then
        assertEquals(false, matches);
    }
}
