package io.connectdeployer.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.connectdeployer.secrets.CachedTokenProvider;
import io.connectdeployer.secrets.SecretReader;
import io.connectdeployer.secrets.TokenProvider;
import io.connectdeployer.testing.FakeNanoClock;
import io.connectdeployer.testing.TestDeadlines;
import io.connectdeployer.url.RequestAuthenticator;

/**
 * The secrets read during init share 3 s of their own, on the test's clock: a read that hangs uses them up, the
 * reads after it are not started, and the first invocation reads what init left.
 */
class StartupSecretsTest {

    private static final String WEBHOOK = "connect-deployer/github-webhook";
    private static final String BEARER = "connect-deployer/bearer";
    private static final String TOKEN = "connect-deployer/token";
    private static final Map<String, String> VALUES = Map.of(WEBHOOK, "webhook", BEARER, "bearer", TOKEN, "tok-0123");

    private final FakeNanoClock clock = new FakeNanoClock();
    /** The reads started: each as Secrets Manager's reader starts it, only with time left. */
    private final List<String> reads = new ArrayList<>();
    private Set<String> hanging = Set.of();

    /** Secrets Manager as SecretsManagerSecretReader meets it: a hanging read is cut when the deadline passes. */
    private final SecretReader reader = (secretId, deadline) -> {
        deadline.timeoutFor("reading secret '" + secretId + "'");
        reads.add(secretId);
        if (hanging.contains(secretId)) {
            clock.advance(deadline.remaining());
            throw deadline.exceeded("while reading secret '" + secretId + "'");
        }
        return VALUES.get(secretId);
    };
    private final TokenProvider tokens = secret(TOKEN);
    private final RequestAuthenticator authenticator = new RequestAuthenticator(Optional.of(secret(WEBHOOK)),
            Optional.of(secret(BEARER)), clock);

    @Test
    void should_read_every_secret_at_init_when_secrets_manager_answers() {
        // when
        StartupSecrets.read(false, tokens, authenticator, StartupSecrets.deadline(clock));
        tokens.token(TestDeadlines.after(Duration.ofSeconds(27), clock));

        // then
        assertEquals(List.of(WEBHOOK, BEARER, TOKEN), reads);
    }

    @Test
    void should_stop_reading_after_3_seconds_and_leave_the_rest_to_the_first_invocation_when_a_read_at_init_hangs() {
        // given
        hanging = Set.of(WEBHOOK);
        long started = clock.getAsLong();

        // when
        StartupSecrets.read(false, tokens, authenticator, StartupSecrets.deadline(clock));
        Duration init = Duration.ofNanos(clock.getAsLong() - started);
        List<String> atInit = List.copyOf(reads);
        String token = tokens.token(TestDeadlines.after(Duration.ofSeconds(27), clock));

        // then
        assertEquals(Duration.ofSeconds(3), init);
        assertEquals(List.of(WEBHOOK), atInit);
        assertEquals("tok-0123", token);
        assertEquals(List.of(WEBHOOK, TOKEN), reads);
    }

    @Test
    void should_read_no_connect_token_at_init_when_every_deployment_is_a_dry_run() {
        // when
        StartupSecrets.read(true, tokens, authenticator, StartupSecrets.deadline(clock));

        // then
        assertEquals(List.of(WEBHOOK, BEARER), reads);
    }

    private TokenProvider secret(String secretId) {
        return new CachedTokenProvider(new CachedTokenProvider.Label("secret", null), secretId, "secret", Duration.ofMinutes(5),
                reader, new ObjectMapper(), clock);
    }
}
