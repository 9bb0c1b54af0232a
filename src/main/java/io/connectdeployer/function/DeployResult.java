package io.connectdeployer.function;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;

import io.connectdeployer.connect.ConnectPayload;
import io.connectdeployer.deploy.App;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** What an invocation returns: one entry per deployment the event asked for. */
@RegisterForReflection
public record DeployResult(Status status, List<Deployment> deployments) {

    public enum Status {
        CREATED("created"),
        DRY_RUN("dry_run"),
        FAILED("failed");

        private final String json;

        Status(String json) {
            this.json = json;
        }

        @JsonValue
        public String json() {
            return json;
        }
    }

    /**
     * One deployment: {@code http_status}, {@code attempts} and {@code connect_response} after a call;
     * {@code payload} (token masked) instead in a dry run.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @RegisterForReflection
    public record Deployment(
            String project,
            @JsonProperty("flow_id") String flowId,
            App app,
            @JsonProperty("http_status") Integer httpStatus,
            Integer attempts,
            @JsonProperty("connect_response") JsonNode connectResponse,
            ConnectPayload payload) {
    }
}
