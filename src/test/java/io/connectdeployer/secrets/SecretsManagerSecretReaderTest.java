package io.connectdeployer.secrets;

import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.connectdeployer.testing.SecretsManagerStubs.accessDenied;
import static io.connectdeployer.testing.SecretsManagerStubs.awsError;
import static io.connectdeployer.testing.SecretsManagerStubs.getSecretValue;
import static io.connectdeployer.testing.SecretsManagerStubs.notFound;
import static io.connectdeployer.testing.SecretsManagerStubs.readsOf;
import static io.connectdeployer.testing.SecretsManagerStubs.secretString;
import static io.connectdeployer.testing.SecretsManagerStubs.throttled;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import io.connectdeployer.deadline.Deadline;
import io.connectdeployer.deadline.DeadlineExceededException;
import io.connectdeployer.testing.FakeNanoClock;
import io.connectdeployer.testing.SdkClients;
import io.connectdeployer.testing.SecretScan;
import io.connectdeployer.testing.TestDeadlines;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * {@link SecretsManagerSecretReader} over the real SDK client (URL-connection HTTP client, default retry
 * settings, as Wiring builds it) against a WireMock that answers as Secrets Manager does: throttled, access
 * denied, not found, and a secret rotated between two reads.
 */
class SecretsManagerSecretReaderTest {

    private static final String SECRET_ID = "connect-deployer/token";
    private static final String TOKEN = "tok-reader-0c4a7e";
    private static final String ROTATED = "tok-reader-rotated-91b2";
    /** The SDK's default (retry mode "legacy" unless AWS_RETRY_MODE says otherwise): the first attempt and three retries. */
    private static final int SDK_ATTEMPTS = 4;

    private static WireMockServer server;
    private static SecretsManagerClient client;
    private static final List<String> MESSAGES = new ArrayList<>();

    private final SecretReader reader = new SecretsManagerSecretReader(client);
    private final Deadline deadline = TestDeadlines.ample();

    @BeforeAll
    static void startSecretsManager() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
        client = SdkClients.at(SecretsManagerClient.builder(), server.baseUrl());
    }

    @AfterAll
    static void stopAndScan() {
        client.close();
        server.stop();
        SecretScan.assertNoneIn(MESSAGES, List.of(TOKEN, ROTATED), "the reader's error messages");
    }

    @BeforeEach
    void reset() {
        server.resetAll();
    }

    @Test
    void should_return_the_secret_string_after_one_request_when_secrets_manager_answers() {
        server.stubFor(getSecretValue(SECRET_ID).willReturn(secretString(SECRET_ID, TOKEN)));

        assertEquals(TOKEN, reader.read(SECRET_ID, deadline));
        server.verify(exactly(1), readsOf(SECRET_ID));
    }

    @Test
    void should_fail_with_token_unavailable_naming_the_error_after_the_sdks_attempts_when_throttled_every_time() {
        server.stubFor(getSecretValue(SECRET_ID).willReturn(throttled()));

        TokenUnavailableException error = assertThrows(TokenUnavailableException.class, () -> reader.read(SECRET_ID, deadline));

        assertEquals("Secret 'connect-deployer/token' could not be read: Secrets Manager answered ThrottlingException "
                + "(HTTP 400) after the SDK's retries; nothing was deployed, and a later retry should succeed", message(error));
        assertTrue(error.retryable(), "a throttled read may succeed later");
        server.verify(exactly(SDK_ATTEMPTS), readsOf(SECRET_ID));
    }

    @Test
    void should_return_the_secret_when_throttled_once_then_answered() {
        server.stubFor(getSecretValue(SECRET_ID).inScenario("throttle").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(throttled()).willSetStateTo("calm"));
        server.stubFor(getSecretValue(SECRET_ID).inScenario("throttle").whenScenarioStateIs("calm")
                .willReturn(secretString(SECRET_ID, TOKEN)));

        assertEquals(TOKEN, reader.read(SECRET_ID, deadline));
        server.verify(exactly(2), readsOf(SECRET_ID));
    }

    @Test
    void should_fail_with_token_unavailable_after_one_request_when_access_is_denied() {
        server.stubFor(getSecretValue(SECRET_ID).willReturn(accessDenied(SECRET_ID)));

        TokenUnavailableException error = assertThrows(TokenUnavailableException.class, () -> reader.read(SECRET_ID, deadline));

        assertEquals("Secret 'connect-deployer/token' could not be read (AccessDeniedException): grant the function "
                + "secretsmanager:GetSecretValue on it", message(error));
        server.verify(exactly(1), readsOf(SECRET_ID));
    }

    @Test
    void should_fail_with_token_unavailable_after_one_request_when_the_secret_is_not_found() {
        server.stubFor(getSecretValue(SECRET_ID).willReturn(notFound()));

        TokenUnavailableException error = assertThrows(TokenUnavailableException.class, () -> reader.read(SECRET_ID, deadline));

        assertEquals("Secret 'connect-deployer/token' was not found, or has no current value: create it and put its value in it "
                + "with aws secretsmanager put-secret-value", message(error));
        server.verify(exactly(1), readsOf(SECRET_ID));
    }

    @Test
    void should_fail_with_token_unavailable_when_the_kms_key_cannot_decrypt_the_secret() {
        server.stubFor(getSecretValue(SECRET_ID).willReturn(awsError(400, "DecryptionFailure", "KMS key is disabled")));

        TokenUnavailableException error = assertThrows(TokenUnavailableException.class, () -> reader.read(SECRET_ID, deadline));

        assertEquals("Secret 'connect-deployer/token' could not be decrypted: grant the function kms:Decrypt on its key", message(error));
        server.verify(exactly(1), readsOf(SECRET_ID));
    }

    /**
     * Rotated between two invocations: the cached token is used until the TTL passes or Connect refuses it
     * ({@code refresh()}), then the new one, one read each time.
     */
    @Test
    void should_keep_the_cached_token_until_refreshed_or_expired_when_the_secret_rotates_between_two_invocations() {
        FakeNanoClock clock = new FakeNanoClock();
        CachedTokenProvider tokens = new CachedTokenProvider(SECRET_ID, "user_token", Duration.ofMinutes(5), reader,
                new ObjectMapper(), clock);
        server.stubFor(getSecretValue(SECRET_ID).willReturn(secretString(SECRET_ID, "{\"user_token\":\"" + TOKEN + "\"}")));
        String first = tokens.token(deadline);

        server.stubFor(getSecretValue(SECRET_ID).willReturn(secretString(SECRET_ID, "{\"user_token\":\"" + ROTATED + "\"}")));
        String cached = tokens.token(deadline);
        server.verify(exactly(1), readsOf(SECRET_ID));
        String refreshed = tokens.refresh(deadline);
        server.verify(exactly(2), readsOf(SECRET_ID));

        server.stubFor(getSecretValue(SECRET_ID).willReturn(secretString(SECRET_ID, "{\"user_token\":\"" + TOKEN + "\"}")));
        clock.advance(Duration.ofMinutes(5));
        String afterTtl = tokens.token(deadline);

        assertEquals(List.of(TOKEN, TOKEN, ROTATED, TOKEN), List.of(first, cached, refreshed, afterTtl));
        server.verify(exactly(3), readsOf(SECRET_ID));
    }

    @Test
    void should_say_to_retry_later_not_to_grant_permissions_when_throttled() {
        server.stubFor(getSecretValue(SECRET_ID).willReturn(throttled()));

        TokenUnavailableException error = assertThrows(TokenUnavailableException.class, () -> reader.read(SECRET_ID, deadline));

        assertFalse(message(error).contains("grant the function"), message(error));
    }

    /**
     * The call as a whole, the SDK's retries included, gets what is left of the deadline: here 500 ms, on a clock
     * that stands still, so the SDK's own timer is what ends the call.
     */
    @Test
    void should_cut_the_read_at_what_is_left_of_the_deadline_when_secrets_manager_never_answers() {
        server.stubFor(getSecretValue(SECRET_ID).willReturn(secretString(SECRET_ID, TOKEN).withFixedDelay(5000)));
        Deadline halfASecond = TestDeadlines.after(Duration.ofMillis(500), new FakeNanoClock());

        long started = System.nanoTime();
        DeadlineExceededException error = assertThrows(DeadlineExceededException.class, () -> reader.read(SECRET_ID, halfASecond));
        long elapsed = Duration.ofNanos(System.nanoTime() - started).toMillis();

        assertTrue(message(error).startsWith("Out of time while reading secret 'connect-deployer/token': "), message(error));
        assertTrue(elapsed >= 400 && elapsed < 3000, "cut after " + elapsed + " ms");
    }

    @Test
    void should_not_call_secrets_manager_when_the_deadline_has_passed() {
        server.stubFor(getSecretValue(SECRET_ID).willReturn(secretString(SECRET_ID, TOKEN)));
        FakeNanoClock clock = new FakeNanoClock();
        Deadline passed = TestDeadlines.after(Duration.ofSeconds(1), clock);
        clock.advance(Duration.ofSeconds(2));

        DeadlineExceededException error = assertThrows(DeadlineExceededException.class, () -> reader.read(SECRET_ID, passed));

        assertEquals("Out of time before reading secret 'connect-deployer/token': 0ms left of the test's 1s. "
                + "Nothing further was attempted.", message(error));
        server.verify(exactly(0), readsOf(SECRET_ID));
    }

    private static String message(Exception error) {
        MESSAGES.add(error.getMessage());
        return error.getMessage();
    }
}
