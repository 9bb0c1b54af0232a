package io.connectdeployer.metrics;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import io.connectdeployer.config.InvalidConfigurationException;
import io.connectdeployer.config.MetricsConfig;
import io.connectdeployer.connect.ConnectCalls;

/**
 * One CloudWatch Embedded Metric Format line per deployment, written to stdout beside its log line: CloudWatch Logs
 * turns it into metrics, with no API call. EMF wants the {@code _aws} block and every metric and dimension at the top
 * level of a JSON line, which quarkus-logging-json cannot give (our fields sit under {@code mdc}), hence a line of its
 * own. Written with Jackson's streaming generator: no reflection, and the directives, which depend only on the
 * configuration and the line's shape, are rendered once when the function starts.
 */
public final class DeploymentMetrics {

    /** EMF: "Values" arrays hold at most 100 numbers. */
    static final int MAX_VALUES = 100;
    private static final JsonFactory JSON = new JsonFactory();
    private static final Pattern NAMESPACE = Pattern.compile("[0-9A-Za-z.\\-_/#: ]{1,255}");
    private static final Pattern ASCII = Pattern.compile("[\\x20-\\x7E]{1,1024}");

    /** Outside the application (plain unit tests): the defaults, to stdout. */
    public static final DeploymentMetrics DEFAULTS = new DeploymentMetrics("ConnectDeployer", "connect-deployer",
            System::currentTimeMillis, DeploymentMetrics::stdout);

    private final String service;
    private final LongSupplier epochMillis;
    private final Consumer<String> sink;
    /** CloudWatchMetrics arrays, by {@link #shape}: failed or not, times no Connect path, no call timed, calls timed. */
    private final String[] directives;

    /** @param sink where each line goes; null writes nothing */
    public DeploymentMetrics(String namespace, String service, LongSupplier epochMillis, Consumer<String> sink) {
        this.service = service;
        this.epochMillis = epochMillis;
        this.sink = sink;
        this.directives = new String[6];
        for (int shape = 0; shape < directives.length; shape++) {
            directives[shape] = directives(namespace, shape >= 3, shape % 3);
        }
    }

    /** From METRICS_*, checked at startup (also when METRICS_ENABLED is false, which writes nothing). */
    public static DeploymentMetrics of(MetricsConfig config) {
        List<String> problems = new ArrayList<>();
        String namespace = config.namespace();
        if (!NAMESPACE.matcher(namespace).matches() || namespace.isBlank()) {
            problems.add("METRICS_NAMESPACE: 1 to 255 letters, digits, spaces or . - _ / # :, not '" + namespace + "'");
        } else if (namespace.startsWith("AWS/")) {
            problems.add("METRICS_NAMESPACE: namespaces starting with AWS/ are reserved for AWS, not '" + namespace + "'");
        }
        if (!ASCII.matcher(config.service()).matches() || config.service().isBlank()) {
            problems.add("METRICS_SERVICE: 1 to 1024 printable ASCII characters, not all spaces (it is a dimension value)");
        }
        if (!problems.isEmpty()) {
            throw new InvalidConfigurationException(problems);
        }
        return new DeploymentMetrics(namespace, config.service(), System::currentTimeMillis,
                config.enabled() ? DeploymentMetrics::stdout : null);
    }

    /** Looked up at each write, so a test that swaps System.out sees the line. */
    private static void stdout(String line) {
        System.out.println(line);
    }

    /** False when METRICS_ENABLED is false. */
    public boolean writes() {
        return sink != null;
    }

    public void write(MetricFacts facts) {
        if (sink != null) {
            sink.accept(line(facts));
        }
    }

    /** The line, one JSON object; no field holds a secret (the facts have none). */
    public String line(MetricFacts facts) {
        boolean failed = facts.errorType() != null;
        ConnectCalls calls = facts.calls();
        StringWriter out = new StringWriter(512);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeObjectFieldStart("_aws");
            json.writeNumberField("Timestamp", epochMillis.getAsLong());
            json.writeFieldName("CloudWatchMetrics");
            json.writeRawValue(directives[shape(failed, calls)]);
            json.writeEndObject();
            json.writeStringField("Service", service);
            json.writeStringField("Outcome", facts.outcome());
            json.writeStringField("Source", facts.source() == null ? "none" : facts.source());
            json.writeNumberField("Deployments", 1);
            json.writeNumberField("DeploymentDuration", facts.durationMs());
            if (failed) {
                json.writeStringField("ErrorType", facts.errorType());
                json.writeNumberField("Failures", 1);
            }
            if (calls != null) {
                json.writeNumberField("ConnectAttempts", facts.attempts() == null ? 0 : facts.attempts());
                json.writeNumberField("RateLimitWaits", calls.rateLimitWaits());
                json.writeNumberField("SecretReads", calls.secretReads());
                if (!calls.latenciesMs().isEmpty()) {
                    json.writeArrayFieldStart("ConnectLatency");
                    for (Long ms : calls.latenciesMs().subList(0, Math.min(MAX_VALUES, calls.latenciesMs().size()))) {
                        json.writeNumber(ms);
                    }
                    json.writeEndArray();
                }
            }
            if (facts.eventId() != null) {
                json.writeStringField("event_id", facts.eventId());
            }
            if (facts.traceId() != null) {
                json.writeStringField("trace_id", facts.traceId());
            }
            if (facts.route() != null) {
                json.writeStringField("route", facts.route());
            }
            json.writeEndObject();
        } catch (IOException cannotHappen) {
            throw new UncheckedIOException(cannotHappen);
        }
        return out.toString();
    }

    private static int shape(boolean failed, ConnectCalls calls) {
        int connect = calls == null ? 0 : calls.latenciesMs().isEmpty() ? 1 : 2;
        return (failed ? 3 : 0) + connect;
    }

    /**
     * Few dimensions, for cost (each combination is a metric): deployments by outcome and source, and by outcome
     * alone for the failure-rate alarm; failures by error type; the Connect figures per function only.
     */
    private static String directives(String namespace, boolean failed, int connect) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartArray();
            directive(json, namespace, List.of(List.of("Service", "Outcome", "Source"), List.of("Service", "Outcome")),
                    List.of("Deployments", "Count", "DeploymentDuration", "Milliseconds"));
            if (failed) {
                directive(json, namespace, List.of(List.of("Service", "ErrorType")), List.of("Failures", "Count"));
            }
            if (connect > 0) {
                List<String> metrics = new ArrayList<>(List.of("ConnectAttempts", "Count", "RateLimitWaits", "Count",
                        "SecretReads", "Count"));
                if (connect == 2) {
                    metrics.addAll(List.of("ConnectLatency", "Milliseconds"));
                }
                directive(json, namespace, List.of(List.of("Service")), metrics);
            }
            json.writeEndArray();
        } catch (IOException cannotHappen) {
            throw new UncheckedIOException(cannotHappen);
        }
        return out.toString();
    }

    /** @param metrics name, unit, name, unit, ... */
    private static void directive(JsonGenerator json, String namespace, List<List<String>> dimensionSets,
            List<String> metrics) throws IOException {
        json.writeStartObject();
        json.writeStringField("Namespace", namespace);
        json.writeArrayFieldStart("Dimensions");
        for (List<String> set : dimensionSets) {
            json.writeStartArray();
            for (String dimension : set) {
                json.writeString(dimension);
            }
            json.writeEndArray();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("Metrics");
        for (int i = 0; i < metrics.size(); i += 2) {
            json.writeStartObject();
            json.writeStringField("Name", metrics.get(i));
            json.writeStringField("Unit", metrics.get(i + 1));
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }
}
