package io.connectdeployer.runtime;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.connectdeployer.config.DeploySettings;
import io.connectdeployer.connect.ConnectClient;
import io.connectdeployer.deploy.App;
import io.connectdeployer.deploy.DeployPlanner;
import io.connectdeployer.deploy.DeployRequest;
import io.connectdeployer.deploy.Filter;
import io.connectdeployer.error.DeployerException;
import io.connectdeployer.function.DeployResult;
import io.connectdeployer.function.DeployResult.Deployment;
import io.connectdeployer.function.DeployResult.Status;
import io.connectdeployer.function.DeployRunner;
import io.connectdeployer.route.RouteParser;
import io.connectdeployer.route.RouteTable;
import io.connectdeployer.trigger.BearerToken;
import io.connectdeployer.trigger.EventShape;
import io.connectdeployer.trigger.Source;
import io.connectdeployer.trigger.Triggers;
import io.connectdeployer.trigger.WebhookSignature;
import io.connectdeployer.trigger.Work;
import io.connectdeployer.url.FunctionUrlResponse;

/**
 * Runs the pure paths once during init, so the first real event does not pay for loading and linking them (and a
 * SnapStart snapshot holds them warm): recognising each event shape, planning, building and writing a payload and
 * a result, reading and matching a routing table, the HMAC and digest code. Nothing leaves the process and nothing
 * is deployed.
 */
final class Priming {

    private static final List<String> SAMPLES = List.of(
            "{\"app\":{\"name\":\"prime\",\"version\":\"0\"}}",
            "{\"Records\":[{\"eventSource\":\"aws:s3\",\"eventName\":\"ObjectCreated:Put\",\"eventTime\":\"1970-01-01T00:00:00Z\","
                    + "\"s3\":{\"bucket\":{\"name\":\"prime\"},\"object\":{\"key\":\"prime/0/x+y.bin\",\"sequencer\":\"00\"}}}]}",
            "{\"version\":\"0\",\"id\":\"prime\",\"detail-type\":\"Scheduled Event\",\"source\":\"aws.events\","
                    + "\"time\":\"1970-01-01T00:00:00Z\",\"resources\":[\"arn:aws:events:eu-west-1:0:rule/prime\"],\"detail\":{}}",
            "{\"github_release_handoff\":{\"event\":\"release\",\"delivery\":\"prime\",\"received_at\":\"1970-01-01T00:00:00Z\","
                    + "\"payload\":{\"action\":\"released\",\"repository\":{\"name\":\"prime\",\"full_name\":\"o/prime\"},"
                    + "\"release\":{\"id\":1,\"tag_name\":\"0\",\"published_at\":\"1970-01-01T00:00:00Z\"}}}}");

    private Priming() {
    }

    /** A route with a source list, a glob and a key pattern: reading a routing table and matching one are warm too. */
    private static final Map<String, String> ROUTES = Map.of("/prime/prime", "{\"priority\":1,\"project\":\"prime\","
            + "\"flow_id\":\"f-prime\",\"match\":{\"source\":[\"direct\"],\"app\":\"pr?me*\",\"key_pattern\":\"(?<app>[^/]+)/.*\"}}");

    static void run(DeploySettings settings, ObjectMapper mapper, ConnectClient client) throws JsonProcessingException {
        RouteTable routes = RouteParser.parse("/prime", ROUTES, settings.defaults(), mapper);
        for (String sample : SAMPLES) {
            var event = mapper.readTree(sample);
            var batch = Triggers.batch(EventShape.of(event), event, settings.s3Keys(), settings.github());
            for (var work : batch.work()) {
                if (work instanceof Work.Deploy deploy) {
                    routes.first(batch.source(), deploy);
                    plan(settings, batch.source(), deploy);
                }
            }
        }
        DeployRequest request = new DeployRequest("prime", List.of("prime"), List.of(new Filter("tag", "is", "prime", null, null)),
                "f-prime", new App("prime", "0"), Map.of("prime", "0"), "prime", true);
        Deployment deployment = new Deployment(Status.DRY_RUN, "prime", "prime", "f-prime", request.app(), null, 0, null,
                settings.dialect().payload(request, DeployRunner.MASK), null, null, null);
        String result = mapper.writeValueAsString(new DeployResult(Status.DRY_RUN, Source.DIRECT, null, List.of(deployment), null));
        mapper.writeValueAsString(new FunctionUrlResponse(200, Map.of("content-type", "application/json"), result));
        WebhookSignature.matches("prime", result.getBytes(StandardCharsets.UTF_8), "sha256=00");
        BearerToken.matches("Bearer prime", "prime");
        client.prime(request);
    }

    private static void plan(DeploySettings settings, Source source, Work.Deploy deploy) {
        try {
            DeployPlanner.plan(deploy.event(), settings.defaults().withFallback(deploy.fallback()),
                    settings.templates(), deploy.values(), source.json());
        } catch (DeployerException expected) {
            // The defaults may not make the sample valid (no DEPLOY_FLOW_ID); the error path is primed as well.
        }
    }
}
