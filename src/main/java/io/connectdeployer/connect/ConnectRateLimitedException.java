package io.connectdeployer.connect;

import java.time.Duration;
import java.util.Optional;

import io.connectdeployer.error.DeployerException;

/** Connect kept answering 429 past the retries or the time left; Lambda's async retry or the caller should try later. */
public class ConnectRateLimitedException extends DeployerException {

    private final Optional<Duration> retryAfter;

    public ConnectRateLimitedException(int attempts, Optional<Duration> retryAfter) {
        super("Connect's rate limit was still reached after " + attempts + " attempt(s)"
                + retryAfter.map(d -> "; it asked to retry after " + d.toSeconds() + "s").orElse("")
                + ". Lower the function's reserved concurrency or spread the triggers.");
        this.retryAfter = retryAfter;
    }

    public Optional<Duration> retryAfter() {
        return retryAfter;
    }

    @Override
    public int httpStatus() {
        return 429;
    }
}
