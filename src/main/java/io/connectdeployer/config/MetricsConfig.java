package io.connectdeployer.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** METRICS_*: the CloudWatch metrics (Embedded Metric Format) written with each deployment's log line. */
@ConfigMapping(prefix = "metrics")
public interface MetricsConfig {

    /** METRICS_ENABLED: false writes no metrics line (the log line stays). */
    @WithDefault("true")
    boolean enabled();

    /** METRICS_NAMESPACE: the CloudWatch namespace; letters, digits and . - _ / # : or space, not starting with AWS/. */
    @WithDefault("ConnectDeployer")
    String namespace();

    /** METRICS_SERVICE: the value of the Service dimension; default the function's name (AWS_LAMBDA_FUNCTION_NAME). */
    @WithDefault("${AWS_LAMBDA_FUNCTION_NAME:connect-deployer}")
    String service();
}
