package io.connectdeployer.connect;

import java.time.Duration;
import java.util.Optional;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;

import io.connectdeployer.deploy.DeployRequest;
import io.connectdeployer.error.DeployerException;
import io.connectdeployer.secrets.TokenProvider;

/**
 * Starts one deployment on Connect and decides what each answer means: 2xx is done, 400 and other 4xx are final,
 * 401/403 earn one re-read of the secret, 429/5xx/no answer are retried with backoff while attempts and time last.
 */
public final class ConnectDeployer {

    private final ConnectClient client;
    private final TokenProvider tokens;
    private final RetryPolicy policy;
    private final Sleeper sleeper;
    private final LongSupplier nanoClock;
    private final DoubleSupplier random;
    private final ConnectBodies bodies;

    public ConnectDeployer(ConnectClient client, TokenProvider tokens, RetryPolicy policy, Sleeper sleeper,
            LongSupplier nanoClock, DoubleSupplier random, ConnectBodies bodies) {
        this.client = client;
        this.tokens = tokens;
        this.policy = policy;
        this.sleeper = sleeper;
        this.nanoClock = nanoClock;
        this.random = random;
        this.bodies = bodies;
    }

    /** Deploys, waiting between attempts no longer than {@code timeLeft} allows in all. */
    public ConnectOutcome deploy(DeployRequest request, Duration timeLeft) {
        long deadline = nanoClock.getAsLong() + timeLeft.toNanos();
        String token = tokens.token();
        boolean reread = false;
        for (int attempt = 1;; attempt++) {
            Failure failure;
            try {
                ConnectReply reply = client.deploy(request, token);
                if (reply.isSuccess()) {
                    return new ConnectOutcome(reply.status(), attempt, bodies.json(reply.body(), token));
                }
                if ((reply.status() == 401 || reply.status() == 403) && !reread) {
                    reread = true;
                    token = tokens.refresh();
                    continue;
                }
                failure = Failure.of(reply, bodies, token);
                if (!failure.retryable()) {
                    throw failure.finalError(tokens.source(), attempt);
                }
            } catch (ConnectTransportException noAnswer) {
                failure = new Failure(0, noAnswer.getMessage(), Optional.empty());
            }
            Duration delay = policy.delayAfter(attempt, failure.retryAfter(), random.getAsDouble());
            if (attempt >= policy.maxAttempts() || delay.compareTo(Duration.ofNanos(deadline - nanoClock.getAsLong())) > 0) {
                throw failure.finalError(tokens.source(), attempt);
            }
            sleep(delay, failure, attempt);
        }
    }

    private void sleep(Duration delay, Failure failure, int attempt) {
        try {
            sleeper.sleep(delay);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw failure.finalError(tokens.source(), attempt);
        }
    }

    /** One unsuccessful attempt: status 0 when no HTTP answer came back. */
    private record Failure(int status, String detail, Optional<Duration> retryAfter) {

        static Failure of(ConnectReply reply, ConnectBodies bodies, String token) {
            return new Failure(reply.status(), bodies.errorMessage(reply.body(), token), reply.retryAfter());
        }

        boolean retryable() {
            return status == 0 || status == 429 || status >= 500;
        }

        DeployerException finalError(String secretId, int attempts) {
            return error(secretId, attempts).afterAttempts(attempts);
        }

        private DeployerException error(String secretId, int attempts) {
            if (status == 401 || status == 403) {
                return new ConnectUnauthorizedException(status, secretId);
            }
            if (status == 429) {
                return new ConnectRateLimitedException(attempts, retryAfter);
            }
            if (status == 0) {
                return new ConnectUnavailableException(attempts, detail);
            }
            if (status >= 500) {
                return new ConnectUnavailableException(attempts, "HTTP " + status + ": " + detail);
            }
            return new ConnectRejectedException(status, detail);
        }
    }
}
