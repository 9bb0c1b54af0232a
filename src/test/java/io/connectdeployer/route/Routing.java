package io.connectdeployer.route;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.connectdeployer.deploy.DeployDefaults;
import io.connectdeployer.deploy.Filter;
import io.connectdeployer.testing.Events;
import io.connectdeployer.trigger.Batch;
import io.connectdeployer.trigger.EventShape;
import io.connectdeployer.trigger.GitHubReleases;
import io.connectdeployer.trigger.ReleasePolicy;
import io.connectdeployer.trigger.S3KeyPattern;
import io.connectdeployer.trigger.Triggers;

/** Shared fixtures of the route tests: a global configuration, tables from JSON, trigger events as batches. */
final class Routing {

    static final String PATH = "/connect-deployer/routes";
    static final ObjectMapper MAPPER = new ObjectMapper();
    /** DEPLOY_PROJECT=Demo, DEPLOY_GROUPS=lab, DEPLOY_FILTERS=[device_state is online], DEPLOY_PARAMETERS={"region":"eu","channel":"stable"}. */
    static final DeployDefaults GLOBAL = new DeployDefaults("Demo", List.of("lab"),
            List.of(new Filter("device_state", "is", "online", null, null)), null, null,
            ordered("region", "eu", "channel", "stable"), null, false);

    private Routing() {
    }

    /** Parameters named {@code PATH/<name>}, in the order given: name, value, name, value... */
    static Map<String, String> parameters(String... nameValue) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < nameValue.length; i += 2) {
            parameters.put(PATH + "/" + nameValue[i], nameValue[i + 1]);
        }
        return parameters;
    }

    static RouteTable table(String... nameValue) {
        return RouteParser.parse(PATH, parameters(nameValue), GLOBAL, MAPPER);
    }

    static Batch batch(String fixture) {
        return batch(Events.load(fixture));
    }

    static Batch batch(JsonNode event) {
        return Triggers.batch(EventShape.of(event), event, S3KeyPattern.compile(S3KeyPattern.DEFAULT).routed(),
                new ReleasePolicy(false, Duration.ofHours(72)));
    }

    /** An S3 notification for one created object. */
    static Batch s3(String bucket, String key) {
        return batch(Events.parse("""
                {"Records": [{"eventVersion": "2.1", "eventSource": "aws:s3", "eventName": "ObjectCreated:Put",
                  "eventTime": "2026-11-30T10:00:00.000Z",
                  "s3": {"bucket": {"name": "%s"}, "object": {"key": "%s", "sequencer": "0A1B2C"}}}]}
                """.formatted(bucket, key)));
    }

    /** A published release of {@code repository} with tag {@code tag}, as GitHubWebhookHandler hands it on. */
    static Batch release(String repository, String tag) {
        JsonNode payload = Events.parse("""
                {"action": "released", "repository": {"name": "%s", "full_name": "%s"},
                 "release": {"id": 7, "tag_name": "%s", "published_at": "2026-11-30T10:00:00Z"}}
                """.formatted(repository.substring(repository.indexOf('/') + 1), repository, tag));
        return GitHubReleases.from("release", "d-1", payload, new ReleasePolicy(false, Duration.ofHours(72)),
                Instant.parse("2026-11-30T10:01:00Z"));
    }

    /** An EventBridge Scheduler schedule without input. */
    static Batch schedule(String name) {
        return batch(Events.parse("""
                {"version": "0", "id": "s-1", "detail-type": "Scheduled Event", "source": "aws.scheduler",
                 "account": "123456789012", "time": "2026-11-30T06:00:00Z", "region": "eu-west-1",
                 "resources": ["arn:aws:scheduler:eu-west-1:123456789012:schedule/default/%s"], "detail": "{}"}
                """.formatted(name)));
    }

    private static Map<String, String> ordered(String... nameValue) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < nameValue.length; i += 2) {
            map.put(nameValue[i], nameValue[i + 1]);
        }
        return map;
    }
}
