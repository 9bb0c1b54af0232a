package io.connectdeployer.connect;

import java.time.Duration;
import java.util.Optional;

/**
 * Exponential backoff with full jitter (a uniformly random wait up to {@code base * 2^(attempt-1)}, capped),
 * which spreads a burst of retrying functions instead of synchronising them. A Retry-After from Connect wins.
 *
 * @param attemptTimeout the longest one attempt can take (connect plus read timeout): an attempt starts only when
 *        this much is left before the deadline
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, Duration attemptTimeout) {

    /** The wait after failed attempt number {@code attempt} (1-based); {@code random} is uniform in [0, 1). */
    public Duration delayAfter(int attempt, Optional<Duration> retryAfter, double random) {
        if (retryAfter.isPresent()) {
            return retryAfter.get();
        }
        long ceiling = baseDelay.toMillis() << Math.min(attempt - 1, 20);
        long capped = Math.min(ceiling, maxDelay.toMillis());
        return Duration.ofMillis((long) (random * capped));
    }
}
