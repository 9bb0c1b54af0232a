package io.connectdeployer.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.connectdeployer.config.InvalidConfigurationException;
import io.connectdeployer.config.MetricsConfig;
import io.connectdeployer.connect.ConnectCalls;
import io.connectdeployer.testing.EmfSpec;

class DeploymentMetricsTest {

    private final List<String> written = new ArrayList<>();

    @Test
    void should_write_the_whole_line_with_the_configured_namespace_and_service() {
        // given
        DeploymentMetrics metrics = new DeploymentMetrics("Acme/Deploys", "fw-deployer", () -> 1_764_500_000_000L, written::add);

        // when
        metrics.write(new MetricFacts("created", "s3", null, 412, 1, new ConnectCalls(List.of(380L), 0, 0), "evt-1", "Root=1-abc", "gateway"));

        // then
        assertEquals(List.of("{\"_aws\":{\"Timestamp\":1764500000000,\"CloudWatchMetrics\":["
                + "{\"Namespace\":\"Acme/Deploys\",\"Dimensions\":[[\"Service\",\"Outcome\",\"Source\"],[\"Service\",\"Outcome\"]],"
                + "\"Metrics\":[{\"Name\":\"Deployments\",\"Unit\":\"Count\"},{\"Name\":\"DeploymentDuration\",\"Unit\":\"Milliseconds\"}]},"
                + "{\"Namespace\":\"Acme/Deploys\",\"Dimensions\":[[\"Service\"]],\"Metrics\":[{\"Name\":\"ConnectAttempts\",\"Unit\":\"Count\"},"
                + "{\"Name\":\"RateLimitWaits\",\"Unit\":\"Count\"},{\"Name\":\"SecretReads\",\"Unit\":\"Count\"},"
                + "{\"Name\":\"ConnectLatency\",\"Unit\":\"Milliseconds\"}]}]},"
                + "\"Service\":\"fw-deployer\",\"Outcome\":\"created\",\"Source\":\"s3\",\"Deployments\":1,\"DeploymentDuration\":412,"
                + "\"ConnectAttempts\":1,\"RateLimitWaits\":0,\"SecretReads\":0,\"ConnectLatency\":[380],"
                + "\"event_id\":\"evt-1\",\"trace_id\":\"Root=1-abc\",\"route\":\"gateway\"}"), written);
        EmfSpec.check(written.get(0));
    }

    @Test
    void should_declare_no_latency_when_the_token_read_failed_before_any_call() {
        // given
        DeploymentMetrics metrics = new DeploymentMetrics("ConnectDeployer", "svc", () -> 1L, written::add);

        // when
        metrics.write(new MetricFacts("failed", "direct", "TokenUnavailableException", 3, null, new ConnectCalls(List.of(), 0, 1), null, null, null));

        // then
        JsonNode line = EmfSpec.check(written.get(0));
        assertEquals(List.of("ConnectAttempts", "RateLimitWaits", "SecretReads"),
                List.copyOf(EmfSpec.directives(line).get(2).metrics().keySet()));
        assertEquals(0, line.path("ConnectAttempts").asInt());
        assertEquals(1, line.path("SecretReads").asInt());
    }

    @Test
    void should_keep_at_most_100_latencies_as_the_specification_allows() {
        // given
        DeploymentMetrics metrics = new DeploymentMetrics("ConnectDeployer", "svc", () -> 1L, written::add);
        List<Long> many = new ArrayList<>();
        for (long i = 0; i < 150; i++) {
            many.add(i);
        }

        // when
        metrics.write(new MetricFacts("failed", "s3", "ConnectUnavailableException", 3, 150, new ConnectCalls(many, 0, 0), null, null, null));

        // then
        assertEquals(100, EmfSpec.check(written.get(0)).path("ConnectLatency").size());
    }

    @Test
    void should_have_no_sink_when_metrics_are_disabled_but_still_check_the_names() {
        // when
        DeploymentMetrics disabled = DeploymentMetrics.of(config(false, "ConnectDeployer", "svc"));

        // then
        assertEquals(false, disabled.writes());
        assertThrows(InvalidConfigurationException.class, () -> DeploymentMetrics.of(config(false, "AWS/x", "svc")));
    }

    @Test
    void should_refuse_to_start_naming_the_variable_when_the_namespace_or_service_is_invalid() {
        // when
        InvalidConfigurationException badNamespace = assertThrows(InvalidConfigurationException.class,
                () -> DeploymentMetrics.of(config(true, "Deploys!", "svc")));
        InvalidConfigurationException reserved = assertThrows(InvalidConfigurationException.class,
                () -> DeploymentMetrics.of(config(true, "AWS/Lambda", "svc")));
        InvalidConfigurationException blankService = assertThrows(InvalidConfigurationException.class,
                () -> DeploymentMetrics.of(config(true, "ConnectDeployer", "  ")));

        // then
        assertEquals("Invalid configuration: METRICS_NAMESPACE: 1 to 255 letters, digits, spaces or . - _ / # :, not 'Deploys!'",
                badNamespace.getMessage());
        assertEquals("Invalid configuration: METRICS_NAMESPACE: namespaces starting with AWS/ are reserved for AWS, not 'AWS/Lambda'",
                reserved.getMessage());
        assertEquals("Invalid configuration: METRICS_SERVICE: 1 to 1024 printable ASCII characters, not all spaces (it is a dimension value)",
                blankService.getMessage());
    }

    private static MetricsConfig config(boolean enabled, String namespace, String service) {
        return new MetricsConfig() {
            @Override
            public boolean enabled() {
                return enabled;
            }

            @Override
            public String namespace() {
                return namespace;
            }

            @Override
            public String service() {
                return service;
            }
        };
    }
}
