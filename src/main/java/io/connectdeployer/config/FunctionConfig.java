package io.connectdeployer.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** FUNCTION_*: what the function is told about itself, since Funqy hands it no Lambda context. */
@ConfigMapping(prefix = "function")
public interface FunctionConfig {

    /**
     * FUNCTION_TIMEOUT: the function's Lambda timeout, e.g. 30s (the Terraform module sets it). Each invocation's
     * deadline is this less a safety margin, unless CONNECT_TIME_BUDGET says otherwise.
     */
    Optional<Duration> timeout();
}
