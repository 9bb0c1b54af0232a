package io.connectdeployer.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import io.connectdeployer.trigger.ReleasePolicy;

/**
 * The signed GitHub fixtures were published on 2026-11-27; pure tests receive them an hour later, so the
 * replay window (DEPLOY_GITHUB_MAX_AGE, 72h by default) judges them as GitHub's first delivery.
 */
public final class GitHubTime {

    public static final Instant RECEIVED = Instant.parse("2026-11-27T10:15:00Z");
    public static final Clock CLOCK = Clock.fixed(RECEIVED, ZoneOffset.UTC);
    public static final ReleasePolicy DEFAULT_POLICY = new ReleasePolicy(false, Duration.ofHours(72));

    private GitHubTime() {
    }
}
