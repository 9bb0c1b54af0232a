package io.connectdeployer.function;

import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.connectdeployer.testing.ConnectStubs.DEPLOY_UPDATE;
import static io.connectdeployer.testing.Lambda.functionUrl;
import static io.connectdeployer.testing.Lambda.invoke;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;

import io.connectdeployer.testing.ConnectStubs;
import io.connectdeployer.testing.Events;
import io.connectdeployer.testing.GitHubDeliveries;
import io.connectdeployer.testing.InjectWireMock;
import io.connectdeployer.testing.Resources;
import io.connectdeployer.testing.Lambda.HttpAnswer;
import io.connectdeployer.testing.RoutesProfile;
import io.connectdeployer.testing.SsmStubs;
import io.connectdeployer.testing.WireMockStandIns;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** One function, many apps, on the Lambda path: the routing table read from SSM at init decides each deployment's flow. */
@QuarkusTest
@TestProfile(RoutesProfile.class)
class RoutesTest {

    @InjectWireMock
    WireMockServer wireMock;

    @BeforeEach
    void resetConnect() {
        WireMockStandIns.resetConnect(wireMock);
        ConnectStubs.answers(wireMock, 201, "{\"message\":\"Created\"}");
    }

    @Test
    void should_deploy_three_apps_uploaded_to_one_bucket_to_three_flows() {
        invoke(s3("gateway/v1.4.2/gateway.bin", "sensor/sensor-3.1.0.bin", "edge-agent/v2.0.0/agent.tar.gz"))
                .statusCode(200)
                .body("status", equalTo("created"))
                .body("deployments.route", equalTo(List.of("gateway", "sensor", "edge-agent")))
                .body("deployments.flow_id", equalTo(List.of("f-gateway", "f-sensor", "f-edge")));

        wireMock.verify(exactly(1), deployUpdate("f-gateway")
                .withRequestBody(matchingJsonPath("$.device_filter.groups[0].name", WireMock.equalTo("gateways")))
                .withRequestBody(matchingJsonPath("$.deployment_configuration.app.name", WireMock.equalTo("gateway")))
                .withRequestBody(matchingJsonPath("$.deployment_configuration.app.version", WireMock.equalTo("v1.4.2"))));
        wireMock.verify(exactly(1), deployUpdate("f-sensor")
                .withRequestBody(matchingJsonPath("$.deployment_configuration.app.name", WireMock.equalTo("sensor-fw")))
                .withRequestBody(matchingJsonPath("$.deployment_configuration.app.version", WireMock.equalTo("3.1.0")))
                .withRequestBody(matchingJsonPath("$.deployment_configuration.parameters_mapping.channel", WireMock.equalTo("beta"))));
        wireMock.verify(exactly(1), deployUpdate("f-edge")
                // the configured guard first (%test DEPLOY_FILTERS), then the route's own
                .withRequestBody(matchingJsonPath("$.device_filter.filters[0].value", WireMock.equalTo("online")))
                .withRequestBody(matchingJsonPath("$.device_filter.filters[1].value", WireMock.equalTo("edge")))
                .withRequestBody(matchingJsonPath("$.deployment_configuration.app.name", WireMock.equalTo("edge-agent"))));
        wireMock.verify(exactly(3), postRequestedFor(urlEqualTo(DEPLOY_UPDATE)));
    }

    @Test
    void should_ignore_an_object_no_route_takes_with_a_reason_instead_of_failing() {
        invoke(s3("docs/v1/manual.pdf"))
                .statusCode(200)
                .body("status", equalTo("ignored"))
                .body("deployments[0].status", equalTo("ignored"))
                .body("deployments[0].reason", equalTo("no route matched (of 8), and the global defaults cannot complete it: "
                        + "$.flow_id: required: set it in the event or in DEPLOY_FLOW_ID"));

        wireMock.verify(exactly(0), postRequestedFor(urlEqualTo(DEPLOY_UPDATE)));
    }

    @Test
    void should_deploy_two_repositories_releases_through_one_webhook_to_two_flows() {
        HttpAnswer gateway = functionUrl(GitHubDeliveries.released("b1b2c3d4-0000-4000-8000-000000000001"));
        HttpAnswer sensor = functionUrl(sensorRelease("b1b2c3d4-0000-4000-8000-000000000002"));

        assertEquals(201, gateway.status());
        assertEquals("gateway-releases", gateway.json().getString("deployments[0].route"));
        assertEquals(201, sensor.status());
        assertEquals("sensor-releases", sensor.json().getString("deployments[0].route"));
        wireMock.verify(exactly(1), deployUpdate("f-gateway-gh")
                .withRequestBody(matchingJsonPath("$.deployment_configuration.app.name", WireMock.equalTo("gateway-firmware"))));
        wireMock.verify(exactly(1), deployUpdate("f-sensor")
                .withRequestBody(matchingJsonPath("$.deployment_configuration.app.name", WireMock.equalTo("sensor-fw")))
                .withRequestBody(matchingJsonPath("$.deployment_configuration.app.version", WireMock.equalTo("v1.4.2"))));
    }

    @Test
    void should_deploy_each_apps_defaults_when_its_schedule_fires() {
        invoke(schedule("nightly-gateway", "a0000000-0000-4000-8000-000000000001")).statusCode(200)
                .body("deployments[0].route", equalTo("gateway-nightly"));
        invoke(schedule("nightly-sensor", "a0000000-0000-4000-8000-000000000002")).statusCode(200)
                .body("deployments[0].route", equalTo("sensor-nightly"));

        wireMock.verify(exactly(1), deployUpdate("f-gateway")
                .withRequestBody(matchingJsonPath("$.deployment_configuration.app.name", WireMock.equalTo("gateway-fw")))
                .withRequestBody(matchingJsonPath("$.deployment_configuration.app.version", WireMock.equalTo("stable"))));
        wireMock.verify(exactly(1), deployUpdate("f-sensor")
                .withRequestBody(matchingJsonPath("$.deployment_configuration.app.name", WireMock.equalTo("sensor-fw")))
                .withRequestBody(matchingJsonPath("$.deployment_configuration.comment", WireMock.matching("nightly sensor-fw stable .*"))));
    }

    @Test
    void should_show_the_route_in_a_dry_run_and_let_the_event_name_its_own_flow() {
        invoke(Events.parse("{\"app\": {\"name\": \"tool\", \"version\": \"1\"}, \"dry_run\": true}"))
                .statusCode(200)
                .body("deployments[0].status", equalTo("dry_run"))
                .body("deployments[0].route", equalTo("manual"))
                .body("deployments[0].payload.deployment_configuration.flow_id", equalTo("f-manual"));
        invoke(Events.parse("{\"flow_id\": \"f-own\", \"app\": {\"name\": \"tool\", \"version\": \"1\"}, \"dry_run\": true}"))
                .statusCode(200)
                .body("deployments[0].route", equalTo("manual"))
                .body("deployments[0].flow_id", equalTo("f-own"));

        wireMock.verify(exactly(0), postRequestedFor(urlEqualTo(DEPLOY_UPDATE)));
    }

    @Test
    void should_name_the_route_in_the_result_and_the_log_line_when_the_routed_deployment_cannot_be_planned() {
        // The "manual" route takes direct calls; without a version the deployment cannot be planned.
        invoke(Events.parse("{\"app\": {\"name\": \"unplannable-tool\"}}"))
                .statusCode(500)
                .body("errorMessage", startsWith("io.connectdeployer.deploy.InvalidDeployEventException: "));

        // Only this class routes, and only this test fails a deployment: the one line the log holds with the route.
        List<String> lines = Resources.testLog().lines().filter(line -> line.contains("deploy failed: ")
                && line.contains(" route=")).toList();
        assertEquals(1, lines.size(), () -> "one routed failure line expected, got " + lines);
        assertTrue(lines.get(0).contains("deploy failed: source=direct event=- route=manual project=- flow=- app=-"), lines.get(0));
        assertTrue(lines.get(0).contains("$.app.version: required"), lines.get(0));
        wireMock.verify(exactly(0), postRequestedFor(urlEqualTo(DEPLOY_UPDATE)));
    }

    @Test
    void should_read_the_table_once_at_init_and_not_per_event() {
        invoke(s3("gateway/v1.4.3/gateway.bin")).statusCode(200).body("deployments[0].route", equalTo("gateway"));

        // resetConnect forgot the requests of init and earlier tests: none since, with the table fresh
        wireMock.verify(exactly(0), SsmStubs.readsOf(RoutesProfile.PATH));
    }

    private static com.github.tomakehurst.wiremock.matching.RequestPatternBuilder deployUpdate(String flowId) {
        return postRequestedFor(urlEqualTo(DEPLOY_UPDATE))
                .withRequestBody(matchingJsonPath("$.deployment_configuration.flow_id", WireMock.equalTo(flowId)));
    }

    /** One S3 notification with one created object per key, in bucket firmware-releases. */
    private static JsonNode s3(String... keys) {
        StringBuilder records = new StringBuilder();
        for (int i = 0; i < keys.length; i++) {
            records.append(i == 0 ? "" : ",").append("""
                    {"eventVersion": "2.1", "eventSource": "aws:s3", "eventName": "ObjectCreated:Put",
                     "eventTime": "2026-11-30T10:00:00.000Z",
                     "s3": {"bucket": {"name": "firmware-releases"}, "object": {"key": "%s", "sequencer": "%s"}}}
                    """.formatted(keys[i], Long.toHexString(System.nanoTime()) + i));
        }
        return Events.parse("{\"Records\": [" + records + "]}");
    }

    private static JsonNode schedule(String name, String id) {
        return Events.parse("""
                {"version": "0", "id": "%s", "detail-type": "Scheduled Event", "source": "aws.scheduler",
                 "account": "123456789012", "time": "%s", "region": "eu-west-1",
                 "resources": ["arn:aws:scheduler:eu-west-1:123456789012:schedule/default/%s"], "detail": "{}"}
                """.formatted(id, Instant.now().toString(), name));
    }

    /** The fixture's release as if published in octo-org/sensor-firmware. */
    private static ObjectNode sensorRelease(String delivery) {
        ObjectNode request = GitHubDeliveries.released(delivery);
        ObjectNode payload = (ObjectNode) Events.parse(request.get("body").textValue());
        ((ObjectNode) payload.get("repository")).put("name", "sensor-firmware").put("full_name", "octo-org/sensor-firmware");
        ((ObjectNode) payload.get("release")).put("id", 99);
        return GitHubDeliveries.withBody(request, payload.toString(), WireMockStandIns.WEBHOOK_SECRET);
    }
}
