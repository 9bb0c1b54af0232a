package io.connectdeployer.function;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;

import io.connectdeployer.connect.ConnectPayload;
import io.connectdeployer.deploy.App;
import io.connectdeployer.deploy.Problem;
import io.connectdeployer.trigger.Source;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What an invocation returns: which trigger it was, and one entry per deployment the event asked for.
 * {@code error} is set only when the request itself was refused (Function URL: 401, 405, 413, ...).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@RegisterForReflection(targets = { App.class, Problem.class })
public record DeployResult(
        Status status,
        Source source,
        @JsonProperty("event_id") String eventId,
        List<Deployment> deployments,
        Error error) {

    @RegisterForReflection
    public enum Status {
        CREATED("created"),
        DRY_RUN("dry_run"),
        /** Handed to an asynchronous invocation that will deploy it (a GitHub release with GITHUB_HANDOFF_TARGET). */
        ACCEPTED("accepted"),
        IGNORED("ignored"),
        DUPLICATE("duplicate"),
        PARTIAL("partial"),
        /** Sent to Connect without an answer that says whether it made the deployment (ConnectOutcomeUnknownException). */
        UNCERTAIN("uncertain"),
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
     * {@code payload} (token masked) instead in a dry run; {@code reason} when ignored; {@code error} when failed;
     * {@code route} names the route that decided it (absent when none did: the global defaults alone).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @RegisterForReflection
    public record Deployment(
            Status status,
            @JsonProperty("event_id") String eventId,
            String project,
            @JsonProperty("flow_id") String flowId,
            App app,
            @JsonProperty("http_status") Integer httpStatus,
            Integer attempts,
            @JsonProperty("connect_response") JsonNode connectResponse,
            ConnectPayload payload,
            String reason,
            Error error,
            String route) {
    }

    /** A failure as the caller sees it: our exception's simple name, its message, and an invalid event's problems. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @RegisterForReflection
    public record Error(String type, String message, List<Problem> problems) {
    }
}
