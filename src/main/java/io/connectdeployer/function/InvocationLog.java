package io.connectdeployer.function;

import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import io.quarkus.arc.InstanceHandle;

import io.connectdeployer.connect.ConnectCalls;
import io.connectdeployer.connect.ConnectOutcome;
import io.connectdeployer.connect.ConnectOutcomeUnknownException;
import io.connectdeployer.deploy.DeployRequest;
import io.connectdeployer.error.DeployerException;
import io.connectdeployer.metrics.DeploymentMetrics;
import io.connectdeployer.metrics.MetricFacts;
import io.connectdeployer.trigger.Source;

/**
 * One structured line per deployment an invocation asked for (one per S3 record). Fields go to the MDC so the JSON log format (on in prod) carries them
 * as {@code mdc.outcome}, {@code mdc.project}, ...; the message repeats them for the plain format in dev.
 * The token is never among them. Each line is followed by the deployment's metrics line (CloudWatch Embedded Metric
 * Format, {@link DeploymentMetrics}), which carries the same {@code event_id}.
 */
public final class InvocationLog {

    private static final Logger LOG = Logger.getLogger("io.connectdeployer.invocation");
    private static final String TRACE_PROPERTY = "com.amazonaws.xray.traceHeader";

    private InvocationLog() {
    }

    public static void success(String outcome, Source source, String eventId, DeployRequest request, Integer httpStatus,
            Integer attempts, long startedNanos) {
        write(Logger.Level.INFO, outcome, source, eventId, request, null, httpStatus, attempts, startedNanos, null, null, null);
    }

    /** A deployment Connect made; one found after a lost answer carries how it was found as its reason. */
    public static void created(Source source, String eventId, DeployRequest request, ConnectOutcome outcome, long startedNanos) {
        write(Logger.Level.INFO, "created", source, eventId, request, null, outcome.httpStatus(), outcome.attempts(), startedNanos,
                null, outcome.note(), outcome.calls());
    }

    public static void accepted(Source source, String eventId, String reason, long startedNanos) {
        write(Logger.Level.INFO, "accepted", source, eventId, null, null, null, null, startedNanos, null, reason, null);
    }

    public static void ignored(Source source, String eventId, String reason, long startedNanos) {
        write(Logger.Level.INFO, "ignored", source, eventId, null, null, null, null, startedNanos, null, reason, null);
    }

    public static void failure(Source source, String eventId, DeployRequest request, DeployerException error, long startedNanos) {
        failure(source, eventId, request, null, error, startedNanos);
    }

    /** @param route the route that decided, when planning failed before there was a request to carry it */
    public static void failure(Source source, String eventId, DeployRequest request, String route, DeployerException error,
            long startedNanos) {
        Logger.Level level = error.httpStatus() < 500 ? Logger.Level.WARN : Logger.Level.ERROR;
        write(level, error instanceof ConnectOutcomeUnknownException ? "uncertain" : "failed", source, eventId, request, route, null,
                error.attempts() > 0 ? error.attempts() : null, startedNanos, error, null, error.connectCalls());
    }

    private static void write(Logger.Level level, String outcome, Source source, String eventId, DeployRequest request,
            String plannedRoute, Integer httpStatus, Integer attempts, long startedNanos, DeployerException error, String reason,
            ConnectCalls calls) {
        String route = request != null && request.route() != null ? request.route() : plannedRoute;
        long durationMs = (System.nanoTime() - startedNanos) / 1_000_000;
        String traceId = System.getProperty(TRACE_PROPERTY);
        try {
            MDC.put("outcome", outcome);
            MDC.put("duration_ms", durationMs);
            put("source", source == null ? null : source.json());
            put("event_id", eventId);
            put("trace_id", traceId);
            if (request != null) {
                put("project", request.project());
                put("flow_id", request.flowId());
                if (request.app() != null) {
                    put("app", request.app().name());
                    put("app_version", request.app().version());
                }
                put("marker", request.marker() == null ? null : request.marker().text());
            }
            put("route", route);
            put("http_status", httpStatus);
            put("attempts", attempts);
            if (error != null) {
                put("error_type", error.getClass().getSimpleName());
            }
            put("reason", reason);
            LOG.logf(level, "deploy %s: source=%s event=%s%s project=%s flow=%s app=%s attempts=%s duration=%dms%s%s", outcome,
                    source == null ? "-" : source.json(), eventId == null ? "-" : eventId, route == null ? "" : " route=" + route,
                    request == null ? "-" : request.project(), request == null ? "-" : request.flowId(),
                    request == null || request.app() == null ? "-" : request.app().name() + "@" + request.app().version(),
                    attempts == null ? "-" : attempts, durationMs, error == null ? "" : " error=" + error.logMessage(),
                    reason == null ? "" : " reason=" + reason);
        } finally {
            MDC.clear();
        }
        try {
            metrics().write(new MetricFacts(outcome, source == null ? null : source.json(),
                    error == null ? null : error.getClass().getSimpleName(), durationMs, attempts, calls, eventId, traceId, route));
        } catch (RuntimeException unexpected) {
            // A metrics line is never worth failing the deployment it counts.
            LOG.warn("metrics line not written: " + unexpected);
        }
    }

    /**
     * The application's, configured and checked at startup; the defaults where no application runs (plain unit
     * tests). Looked up, not held: these methods are static for their many callers.
     */
    private static DeploymentMetrics metrics() {
        ArcContainer container = Arc.container();
        if (container != null) {
            InstanceHandle<DeploymentMetrics> configured = container.instance(DeploymentMetrics.class);
            if (configured.isAvailable()) {
                return configured.get();
            }
        }
        return DeploymentMetrics.DEFAULTS;
    }

    private static void put(String key, Object value) {
        if (value != null) {
            MDC.put(key, value);
        }
    }
}
