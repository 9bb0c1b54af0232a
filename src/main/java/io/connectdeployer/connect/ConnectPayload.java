package io.connectdeployer.connect;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.connectdeployer.deploy.App;
import io.connectdeployer.deploy.Filter;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The body Connect receives, in the shape of the seed's "Full payload example" ({@code deploy_update}) or of
 * the current API ({@code deployments}: no token and no project in the body, {@code flow_uuid} for the flow).
 * Absent parts are omitted; {@code groups} and {@code filters} are always sent, as Connect requires.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@RegisterForReflection
public record ConnectPayload(
        @JsonProperty("user_token") String userToken,
        @JsonProperty("device_filter") DeviceFilter deviceFilter,
        @JsonProperty("deployment_configuration") DeploymentConfiguration deploymentConfiguration) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @RegisterForReflection
    public record DeviceFilter(Named project, List<Named> groups, List<Filter> filters) {
    }

    @RegisterForReflection
    public record Named(String name) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @RegisterForReflection
    public record DeploymentConfiguration(
            @JsonProperty("flow_id") String flowId,
            @JsonProperty("flow_uuid") String flowUuid,
            String comment,
            App app,
            @JsonProperty("parameters_mapping") Map<String, String> parametersMapping) {
    }
}
