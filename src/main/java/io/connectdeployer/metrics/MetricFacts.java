package io.connectdeployer.metrics;

import io.connectdeployer.connect.ConnectCalls;

/**
 * What one deployment's metrics line is made of. {@code calls} is null when the deployment never reached the
 * Connect path (dry run, duplicate, ignored, an invalid event); {@code errorType} is set for failed and uncertain.
 * {@code eventId} and {@code traceId} are plain fields that tie the line to the log line, never dimensions; so is
 * {@code route} (the route that decided, null without one): a routing table of 50 routes as a dimension would
 * multiply the custom metrics 50 times, while a field is still there for Logs Insights to group by.
 */
public record MetricFacts(String outcome, String source, String errorType, long durationMs, Integer attempts,
        ConnectCalls calls, String eventId, String traceId, String route) {
}
