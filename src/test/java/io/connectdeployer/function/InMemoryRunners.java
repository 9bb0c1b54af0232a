package io.connectdeployer.function;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.connectdeployer.config.DeploySettings;
import io.connectdeployer.connect.ConnectBodies;
import io.connectdeployer.connect.ConnectClient;
import io.connectdeployer.connect.ConnectDeployer;
import io.connectdeployer.connect.ConnectDialect;
import io.connectdeployer.connect.Reconciler;
import io.connectdeployer.connect.RetryPolicy;
import io.connectdeployer.connect.Sleeper;
import io.connectdeployer.deploy.DefaultTemplates;
import io.connectdeployer.deploy.DeployDefaults;
import io.connectdeployer.route.Routes;
import io.connectdeployer.secrets.TokenProvider;
import io.connectdeployer.testing.Events;
import io.connectdeployer.testing.FakeNanoClock;
import io.connectdeployer.testing.GitHubTime;
import io.connectdeployer.testing.InMemoryDeduplicationStore;
import io.connectdeployer.testing.TestDeadlines;
import io.connectdeployer.trigger.Batch;
import io.connectdeployer.trigger.EventShape;
import io.connectdeployer.trigger.S3KeyPattern;
import io.connectdeployer.trigger.Triggers;

/**
 * A {@link DeployRunner} on the test's own edges (Connect, the token, the clock, the sleeps, the dedupe table), with
 * Connect's retries as the Terraform module sets them, and the keyed event such tests send.
 */
final class InMemoryRunners {

    static final ObjectMapper MAPPER = new ObjectMapper();
    static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    static final DeployDefaults DEFAULTS = new DeployDefaults("Demo", List.of(), List.of(), "f-1", null, Map.of(), null, false);
    /** CONNECT_MAX_ATTEMPTS 5, base delay 500 ms, cap 8 s; connect 3 s + read 10 s per attempt. */
    static final RetryPolicy MODULE_DEFAULTS = new RetryPolicy(5, Duration.ofMillis(500), Duration.ofSeconds(8),
            Duration.ofSeconds(13));
    static final Duration BUDGET = Duration.ofSeconds(25);
    /** The dedupe key of {@link #keyed()}. */
    static final String KEY = "connect-deployer/direct:ci-run-812";

    private InMemoryRunners() {
    }

    /** Claims last 90 s, results are kept 72 h, and the dedupe table never fails open. */
    static DeployRunner runner(ConnectDialect dialect, S3KeyPattern s3Keys, ConnectClient connect, TokenProvider tokens,
            Sleeper sleeper, FakeNanoClock clock, Reconciler reconciler, InMemoryDeduplicationStore store) {
        DeploySettings settings = new DeploySettings(URI.create("https://connect.example.com"), dialect, DEFAULTS,
                DefaultTemplates.none(), s3Keys, GitHubTime.DEFAULT_POLICY, TestDeadlines.ROOMY, "connect-deployer");
        ConnectDeployer deployer = new ConnectDeployer(connect, tokens, MODULE_DEFAULTS, sleeper, clock, () -> 0.5,
                new ConnectBodies(MAPPER), reconciler);
        Deduplicator dedupe = new Deduplicator(Optional.of(store), Duration.ofSeconds(90), Duration.ofHours(72), false,
                Clock.fixed(NOW, ZoneOffset.UTC), MAPPER);
        return new DeployRunner(settings, deployer, dedupe, Routes.NONE);
    }

    /** A direct event with an idempotency key, so its deployment is claimed (and marked). */
    static Batch keyed() {
        var event = Events.parse("{\"app\":{\"name\":\"gateway\",\"version\":\"v1\"},\"idempotency_key\":\"ci-run-812\"}");
        return Triggers.batch(EventShape.DEPLOY_EVENT, event, null, GitHubTime.DEFAULT_POLICY);
    }
}
