package io.connectdeployer.function;

import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import io.connectdeployer.deploy.DeployRequest;
import io.connectdeployer.error.DeployerException;

/**
 * The one structured line per invocation. Fields go to the MDC so the JSON log format (on in prod) carries them
 * as {@code mdc.outcome}, {@code mdc.project}, ...; the message repeats them for the plain format in dev.
 * The token is never among them.
 */
final class InvocationLog {

    private static final Logger LOG = Logger.getLogger("io.connectdeployer.invocation");
    private static final String TRACE_PROPERTY = "com.amazonaws.xray.traceHeader";

    private InvocationLog() {
    }

    static void success(String outcome, DeployRequest request, Integer httpStatus, Integer attempts, long startedNanos) {
        write(Logger.Level.INFO, outcome, request, httpStatus, attempts, startedNanos, null);
    }

    static void failure(DeployRequest request, DeployerException error, long startedNanos) {
        Logger.Level level = error.httpStatus() < 500 ? Logger.Level.WARN : Logger.Level.ERROR;
        write(level, "failed", request, null, null, startedNanos, error);
    }

    private static void write(Logger.Level level, String outcome, DeployRequest request, Integer httpStatus,
            Integer attempts, long startedNanos, DeployerException error) {
        long durationMs = (System.nanoTime() - startedNanos) / 1_000_000;
        try {
            MDC.put("outcome", outcome);
            MDC.put("duration_ms", durationMs);
            put("trace_id", System.getProperty(TRACE_PROPERTY));
            if (request != null) {
                put("project", request.project());
                put("flow_id", request.flowId());
                if (request.app() != null) {
                    put("app", request.app().name());
                    put("app_version", request.app().version());
                }
            }
            put("http_status", httpStatus);
            put("attempts", attempts);
            if (error != null) {
                put("error_type", error.getClass().getSimpleName());
            }
            LOG.logf(level, "deploy %s: project=%s flow=%s app=%s attempts=%s duration=%dms%s", outcome,
                    request == null ? "-" : request.project(), request == null ? "-" : request.flowId(),
                    request == null || request.app() == null ? "-" : request.app().name() + "@" + request.app().version(),
                    attempts == null ? "-" : attempts, durationMs, error == null ? "" : " error=" + error.getMessage());
        } finally {
            MDC.clear();
        }
    }

    private static void put(String key, Object value) {
        if (value != null) {
            MDC.put(key, value);
        }
    }
}
