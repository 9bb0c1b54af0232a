package io.connectdeployer.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.connectdeployer.connect.ConnectCalls;
import io.connectdeployer.connect.ConnectOutcome;
import io.connectdeployer.connect.ConnectOutcomeUnknownException;
import io.connectdeployer.connect.ConnectRateLimitedException;
import io.connectdeployer.testing.EmfSpec;
import io.connectdeployer.testing.EmfSpec.Directive;
import io.connectdeployer.testing.Requests;
import io.connectdeployer.trigger.Source;
import io.connectdeployer.trigger.UnrecognizedEventException;

/** The metrics line that follows the log line of each outcome, read back and checked against the EMF specification. */
class InvocationLogMetricsTest {

    private static final String NAMESPACE = "ConnectDeployer";
    private static final Directive DEPLOYMENTS = new Directive(NAMESPACE,
            List.of(List.of("Service", "Outcome", "Source"), List.of("Service", "Outcome")),
            Map.of("Deployments", "Count", "DeploymentDuration", "Milliseconds"));
    private static final Directive FAILURES = new Directive(NAMESPACE, List.of(List.of("Service", "ErrorType")),
            Map.of("Failures", "Count"));
    private static final Directive CONNECT = new Directive(NAMESPACE, List.of(List.of("Service")),
            Map.of("ConnectAttempts", "Count", "RateLimitWaits", "Count", "SecretReads", "Count", "ConnectLatency", "Milliseconds"));

    @Test
    void should_count_the_deployment_and_its_connect_calls_when_it_was_created() {
        // given
        ConnectOutcome outcome = new ConnectOutcome(201, 2, null, null, new ConnectCalls(List.of(120L, 80L), 1, 1));

        // when
        JsonNode line = metricsLine(() -> InvocationLog.created(Source.S3, "evt-1", Requests.seedExample(), outcome, System.nanoTime()));

        // then
        assertEquals(List.of(DEPLOYMENTS, CONNECT), EmfSpec.directives(line));
        assertDimensions(line, "created", "s3");
        assertEquals(1, line.path("Deployments").asInt());
        assertEquals(2, line.path("ConnectAttempts").asInt());
        assertEquals("[120,80]", line.path("ConnectLatency").toString());
        assertEquals(1, line.path("RateLimitWaits").asInt());
        assertEquals(1, line.path("SecretReads").asInt());
        assertEquals("evt-1", line.path("event_id").asText());
        assertFalse(line.has("ErrorType"));
    }

    @Test
    void should_count_only_the_deployment_when_it_was_a_dry_run() {
        // when
        JsonNode line = metricsLine(() -> InvocationLog.success("dry_run", Source.DIRECT, null, Requests.seedExample(), null, 0,
                System.nanoTime()));

        // then
        assertEquals(List.of(DEPLOYMENTS), EmfSpec.directives(line));
        assertDimensions(line, "dry_run", "direct");
        assertFalse(line.has("ConnectAttempts"));
        assertFalse(line.has("event_id"));
    }

    @Test
    void should_count_a_suppressed_duplicate_as_a_deployment_with_outcome_duplicate() {
        // when
        JsonNode line = metricsLine(() -> InvocationLog.success("duplicate", Source.EVENTBRIDGE, "evt-2", Requests.seedExample(), 201,
                0, System.nanoTime()));

        // then
        assertEquals(List.of(DEPLOYMENTS), EmfSpec.directives(line));
        assertDimensions(line, "duplicate", "eventbridge");
        assertEquals("evt-2", line.path("event_id").asText());
    }

    @Test
    void should_count_an_ignored_record_and_an_accepted_delivery_without_connect_figures() {
        // when
        JsonNode ignored = metricsLine(() -> InvocationLog.ignored(Source.S3, "evt-3", "key matches no pattern", System.nanoTime()));
        JsonNode accepted = metricsLine(() -> InvocationLog.accepted(Source.GITHUB, "delivery-1", "handed off", System.nanoTime()));

        // then
        assertEquals(List.of(DEPLOYMENTS), EmfSpec.directives(ignored));
        assertDimensions(ignored, "ignored", "s3");
        assertEquals(List.of(DEPLOYMENTS), EmfSpec.directives(accepted));
        assertDimensions(accepted, "accepted", "github");
    }

    @Test
    void should_count_the_failure_by_error_type_and_its_calls_when_connect_rate_limited_to_the_end() {
        // given
        var error = new ConnectRateLimitedException(3, Optional.of(Duration.ofSeconds(1))).afterAttempts(3)
                .withConnectCalls(new ConnectCalls(List.of(5L, 6L, 7L), 2, 0));

        // when
        JsonNode line = metricsLine(() -> InvocationLog.failure(Source.SCHEDULE, "evt-4", Requests.seedExample(), error, System.nanoTime()));

        // then
        assertEquals(List.of(DEPLOYMENTS, FAILURES, CONNECT), EmfSpec.directives(line));
        assertDimensions(line, "failed", "schedule");
        assertEquals("ConnectRateLimitedException", line.path("ErrorType").asText());
        assertEquals(1, line.path("Failures").asInt());
        assertEquals(3, line.path("ConnectAttempts").asInt());
        assertEquals(2, line.path("RateLimitWaits").asInt());
        assertEquals("[5,6,7]", line.path("ConnectLatency").toString());
    }

    @Test
    void should_count_a_failure_before_any_source_was_known_under_source_none() {
        // when
        JsonNode line = metricsLine(() -> InvocationLog.failure(null, null, null, new UnrecognizedEventException("a list"),
                System.nanoTime()));

        // then
        assertEquals(List.of(DEPLOYMENTS, FAILURES), EmfSpec.directives(line));
        assertDimensions(line, "failed", "none");
        assertEquals("UnrecognizedEventException", line.path("ErrorType").asText());
    }

    @Test
    void should_count_an_uncertain_deployment_as_its_own_outcome_with_the_unanswered_call() {
        // given
        var error = ConnectOutcomeUnknownException.after(Requests.seedExample(), "read timed out", "the API has no list")
                .afterAttempts(1).withConnectCalls(new ConnectCalls(List.of(10_000L), 0, 0));

        // when
        JsonNode line = metricsLine(() -> InvocationLog.failure(Source.S3, "evt-5", Requests.seedExample(), error, System.nanoTime()));

        // then
        assertEquals(List.of(DEPLOYMENTS, FAILURES, CONNECT), EmfSpec.directives(line));
        assertDimensions(line, "uncertain", "s3");
        assertEquals("ConnectOutcomeUnknownException", line.path("ErrorType").asText());
        assertEquals("[10000]", line.path("ConnectLatency").toString());
    }

    private static void assertDimensions(JsonNode line, String outcome, String source) {
        assertEquals("connect-deployer", line.path("Service").asText());
        assertEquals(outcome, line.path("Outcome").asText());
        assertEquals(source, line.path("Source").asText());
    }

    /** The one metrics line that {@code logging} wrote to stdout, checked against the specification. */
    private static JsonNode metricsLine(Runnable logging) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            logging.run();
        } finally {
            System.setOut(original);
        }
        List<JsonNode> lines = captured.toString(StandardCharsets.UTF_8).lines().filter(EmfSpec::isEmf).map(EmfSpec::check).toList();
        assertEquals(1, lines.size(), "metrics lines: " + lines);
        return lines.get(0);
    }
}
