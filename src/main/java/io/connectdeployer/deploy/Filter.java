package io.connectdeployer.deploy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** One device filter, exactly as Connect expects it in {@code device_filter.filters}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Filter(
        String type,
        String operand,
        String value,
        @JsonProperty("app_version") String appVersion,
        @JsonProperty("deployment_id") String deploymentId) {
}
