package io.connectdeployer.testing;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.connectdeployer.deploy.DefaultTemplates;
import io.connectdeployer.deploy.DeployDefaults;
import io.connectdeployer.deploy.DeployPlanner;
import io.connectdeployer.deploy.DeployRequest;
import io.connectdeployer.error.DeployerException;
import io.connectdeployer.trigger.Batch;
import io.connectdeployer.trigger.DirectEvents;
import io.connectdeployer.trigger.EventShape;
import io.connectdeployer.trigger.FunctionUrlRequest;
import io.connectdeployer.trigger.GitHubReleases;
import io.connectdeployer.trigger.RequestRejectedException;
import io.connectdeployer.trigger.S3KeyPattern;
import io.connectdeployer.trigger.Source;
import io.connectdeployer.trigger.Triggers;
import io.connectdeployer.trigger.Work;

/**
 * The function's pure path with no I/O: shape, trigger, then a plan per deployment, as DeployService and
 * FunctionUrlHandler run it (a GitHub delivery's signature is not checked here, so hostile payloads reach
 * {@link GitHubReleases}). Anything but a {@link DeployerException} escapes to the caller, which is the point.
 */
public final class PurePipeline {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private PurePipeline() {
    }

    /**
     * What became of one event: {@code refusedBy} names the exception that stopped it before planning (or is
     * null), {@code planned} counts deployments that planned, {@code live} those of them that would call Connect,
     * {@code invalid} the exception types of the ones that did not.
     */
    public record Outcome(String refusedBy, int deployments, int planned, int live, List<String> invalid) {

        /** A short name for statistics: which exception, or how the deployments went. */
        public String label() {
            if (refusedBy != null) {
                return "refused: " + refusedBy;
            }
            if (deployments == 0) {
                return "nothing to deploy (ignored)";
            }
            return planned == deployments ? "planned" : planned == 0 ? "not planned: " + String.join(",", invalid) : "some planned";
        }
    }

    public static Outcome run(JsonNode event, DeployDefaults defaults, S3KeyPattern keys) {
        Batch batch;
        try {
            EventShape shape = EventShape.of(event);
            batch = shape == EventShape.FUNCTION_URL ? functionUrl(event) : Triggers.batch(shape, event, keys, GitHubTime.DEFAULT_POLICY);
        } catch (DeployerException refused) {
            return new Outcome(refused.getClass().getSimpleName(), 0, 0, 0, List.of());
        }
        int deployments = 0;
        int planned = 0;
        int live = 0;
        List<String> invalid = new ArrayList<>();
        for (Work work : batch.work()) {
            if (!(work instanceof Work.Deploy deploy)) {
                continue;
            }
            deployments++;
            try {
                DeployRequest request = DeployPlanner.plan(deploy.event(), defaults.withFallback(deploy.fallback()),
                        DefaultTemplates.none(), deploy.values(), batch.source().json());
                if (!deploy.event().problems().isEmpty()) {
                    throw new AssertionError("planned " + request + " although reading the event reported " + deploy.event().problems());
                }
                planned++;
                live += request.dryRun() ? 0 : 1;
            } catch (DeployerException notPlanned) {
                invalid.add(notPlanned.getClass().getSimpleName());
            }
        }
        return new Outcome(null, deployments, planned, live, List.copyOf(invalid));
    }

    /** What FunctionUrlHandler does before the runner: parse the request, read the body as JSON, pick the trigger. */
    private static Batch functionUrl(JsonNode event) {
        FunctionUrlRequest request = FunctionUrlRequest.parse(event);
        JsonNode body = body(request.body());
        String github = event.path("headers").path("x-github-event").asText(null);
        return github == null ? DirectEvents.from(body, Source.HTTP)
                : GitHubReleases.from(github, request.header("x-github-delivery"), body, GitHubTime.DEFAULT_POLICY,
                        GitHubTime.RECEIVED);
    }

    private static JsonNode body(byte[] body) {
        if (body.length == 0) {
            return MAPPER.createObjectNode();
        }
        try {
            return MAPPER.readTree(body);
        } catch (IOException unreadable) {
            throw new RequestRejectedException(400, "The request body is not valid JSON");
        }
    }
}
