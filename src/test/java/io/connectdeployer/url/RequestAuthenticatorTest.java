package io.connectdeployer.url;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.connectdeployer.deadline.Deadline;
import io.connectdeployer.runtime.Wiring;
import io.connectdeployer.secrets.CachedTokenProvider;
import io.connectdeployer.secrets.SecretReader;
import io.connectdeployer.secrets.TokenProvider;
import io.connectdeployer.secrets.TokenUnavailableException;
import io.connectdeployer.testing.Events;
import io.connectdeployer.testing.FakeNanoClock;
import io.connectdeployer.testing.TestDeadlines;
import io.connectdeployer.testing.WireMockStandIns;
import io.connectdeployer.trigger.FunctionUrlRequest;
import io.connectdeployer.trigger.RequestRejectedException;

/**
 * The webhook and bearer secrets as Secrets Manager holds them (read through the real cache, 5 minutes), rotated
 * between requests; the clock moves only when a test says so. The signed fixtures are signed with
 * {@link WireMockStandIns#WEBHOOK_SECRET}, and plain.json sends {@link WireMockStandIns#BEARER_TOKEN}.
 */
class RequestAuthenticatorTest {

    private static final String WEBHOOK_ID = "connect-deployer/github-webhook";
    private static final String BEARER_ID = "connect-deployer/bearer";
    private static final String SIGNED = "events/github/release-published.json";
    private static final String BADLY_SIGNED = "events/github/release-published-bad-signature.json";

    private final FakeNanoClock clock = new FakeNanoClock();
    private final Deadline deadline = TestDeadlines.ample();
    private final List<String> reads = new ArrayList<>();
    private final Map<String, String> secrets = new HashMap<>(Map.of(
            WEBHOOK_ID, "webhook-secret-before-rotation",
            BEARER_ID, "bearer-token-before-rotation"));

    @Test
    void should_accept_after_exactly_one_reread_when_the_delivery_is_signed_with_the_rotated_secret() {
        // given
        RequestAuthenticator authenticator = withCachedSecrets();
        secrets.put(WEBHOOK_ID, WireMockStandIns.WEBHOOK_SECRET);

        // when
        authenticator.verifyGitHub(request(SIGNED), deadline);
        authenticator.verifyGitHub(request(SIGNED), deadline);

        // then
        assertEquals(List.of(WEBHOOK_ID), reads);
    }

    @Test
    void should_accept_after_exactly_one_reread_when_the_bearer_token_was_rotated() {
        // given
        RequestAuthenticator authenticator = withCachedSecrets();
        secrets.put(BEARER_ID, WireMockStandIns.BEARER_TOKEN);

        // when
        authenticator.verifyCaller(request("events/function-url/plain.json"), deadline);

        // then
        assertEquals(List.of(BEARER_ID), reads);
    }

    @Test
    void should_read_the_secret_again_only_once_when_two_bad_signatures_arrive_within_a_minute() {
        // given
        RequestAuthenticator authenticator = withCachedSecrets();

        // when
        RequestRejectedException first = assertThrows(RequestRejectedException.class, () -> authenticator.verifyGitHub(request(BADLY_SIGNED), deadline));
        clock.advance(Duration.ofSeconds(59));
        RequestRejectedException second = assertThrows(RequestRejectedException.class, () -> authenticator.verifyGitHub(request(BADLY_SIGNED), deadline));

        // then
        assertEquals(List.of(WEBHOOK_ID), reads);
        assertEquals(401, first.httpStatus());
        assertEquals("The x-hub-signature-256 does not match the body: check the webhook's secret", second.getMessage());
    }

    @Test
    void should_read_the_secret_again_when_a_bad_signature_arrives_a_minute_after_the_last_reread() {
        // given
        RequestAuthenticator authenticator = withCachedSecrets();
        assertThrows(RequestRejectedException.class, () -> authenticator.verifyGitHub(request(BADLY_SIGNED), deadline));

        // when
        clock.advance(Duration.ofMinutes(1));
        assertThrows(RequestRejectedException.class, () -> authenticator.verifyGitHub(request(BADLY_SIGNED), deadline));

        // then
        assertEquals(List.of(WEBHOOK_ID, WEBHOOK_ID), reads);
    }

    @Test
    void should_keep_a_minute_between_rereads_per_secret_when_both_see_bad_credentials() {
        // given
        RequestAuthenticator authenticator = withCachedSecrets();
        ObjectNode wrongBearer = (ObjectNode) Events.load("events/function-url/plain.json");
        ((ObjectNode) wrongBearer.get("headers")).put("authorization", "Bearer not-the-token");

        // when
        assertThrows(RequestRejectedException.class, () -> authenticator.verifyGitHub(request(BADLY_SIGNED), deadline));
        assertThrows(RequestRejectedException.class, () -> authenticator.verifyCaller(FunctionUrlRequest.parse(wrongBearer), deadline));
        assertThrows(RequestRejectedException.class, () -> authenticator.verifyCaller(FunctionUrlRequest.parse(wrongBearer), deadline));

        // then
        assertEquals(List.of(WEBHOOK_ID, BEARER_ID), reads);
    }

    @Test
    void should_answer_503_with_retry_after_and_name_the_secret_only_in_the_log_when_it_cannot_be_read() {
        // given
        RequestAuthenticator authenticator = new RequestAuthenticator(Optional.of(secret(WEBHOOK_ID, (secretId, unused) -> {
            throw new TokenUnavailableException("Secret '" + secretId + "' could not be read (AccessDeniedException): "
                    + "grant the function secretsmanager:GetSecretValue on it");
        })), Optional.empty(), clock);

        // when
        RequestRejectedException refused = assertThrows(RequestRejectedException.class, () -> authenticator.verifyGitHub(request(SIGNED), deadline));

        // then
        assertEquals(503, refused.httpStatus());
        assertEquals(Map.of("retry-after", "30"), refused.headers());
        assertEquals("The request could not be authenticated right now; try again later", refused.getMessage());
        assertEquals("The request could not be authenticated right now; try again later (Secret '" + WEBHOOK_ID
                + "' could not be read (AccessDeniedException): grant the function secretsmanager:GetSecretValue on it)",
                refused.logMessage());
    }

    @Test
    void should_answer_the_usual_401_and_name_the_variable_only_in_the_log_when_no_webhook_secret_is_set() {
        // given
        RequestAuthenticator authenticator = unguarded();

        // when
        RequestRejectedException signed = assertThrows(RequestRejectedException.class, () -> authenticator.verifyGitHub(request(SIGNED), deadline));
        RequestRejectedException unsigned = assertThrows(RequestRejectedException.class,
                () -> authenticator.verifyGitHub(request("events/github/release-published-unsigned.json"), deadline));

        // then
        assertEquals(401, signed.httpStatus());
        assertEquals("The x-hub-signature-256 does not match the body: check the webhook's secret", signed.getMessage());
        assertEquals("The x-hub-signature-256 does not match the body: check the webhook's secret "
                + "(GITHUB_WEBHOOK_SECRET_ID is not set, so no delivery is accepted)", signed.logMessage());
        assertEquals("The GitHub delivery is not signed: give the webhook a secret", unsigned.getMessage());
        assertEquals(List.of(), reads);
    }

    @Test
    void should_answer_the_usual_401_and_name_the_variable_only_in_the_log_when_no_bearer_secret_is_set() {
        // given
        RequestAuthenticator authenticator = unguarded();

        // when
        RequestRejectedException refused = assertThrows(RequestRejectedException.class,
                () -> authenticator.verifyCaller(request("events/function-url/plain.json"), deadline));

        // then
        assertEquals(401, refused.httpStatus());
        assertEquals(Map.of("www-authenticate", "Bearer"), refused.headers());
        assertEquals("The bearer token is not valid", refused.getMessage());
        assertEquals("The bearer token is not valid (HTTP_BEARER_SECRET_ID is not set, so only requests to an AWS_IAM "
                + "Function URL pass)", refused.logMessage());
    }

    /** Both secrets read and cached, as at init; reads are counted from here. */
    private RequestAuthenticator withCachedSecrets() {
        RequestAuthenticator authenticator = new RequestAuthenticator(Optional.of(secret(WEBHOOK_ID, this::read)),
                Optional.of(secret(BEARER_ID, this::read)), clock);
        authenticator.prefetch(deadline);
        reads.clear();
        return authenticator;
    }

    private RequestAuthenticator unguarded() {
        return new RequestAuthenticator(Optional.empty(), Optional.empty(), clock);
    }

    /** What Secrets Manager holds now, counting the reads. */
    private String read(String secretId, Deadline unused) {
        reads.add(secretId);
        return secrets.get(secretId);
    }

    /** The webhook or bearer secret as Wiring builds it: cached for 5 minutes on the test's clock. */
    private TokenProvider secret(String secretId, SecretReader reader) {
        return new CachedTokenProvider(new CachedTokenProvider.Label("secret", null), secretId, "secret", Duration.ofMinutes(5),
                reader, new ObjectMapper(), clock);
    }

    private static FunctionUrlRequest request(String resource) {
        return FunctionUrlRequest.parse(Events.load(resource));
    }
}
