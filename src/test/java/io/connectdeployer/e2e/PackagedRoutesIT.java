package io.connectdeployer.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;

import io.connectdeployer.testing.Events;
import io.connectdeployer.testing.GitHubDeliveries;
import io.connectdeployer.testing.RoutesProfile;
import io.connectdeployer.testing.SdkClients;
import io.quarkus.amazon.lambda.runtime.MockEventServer;
import io.restassured.response.ValidatableResponse;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * Routes end to end: {@code target/function.zip} run by the Lambda Java runtime, its routing table read from SSM in
 * {@code moto_server} at init ({@link RoutesProfile#routes()}), no DEPLOY_FLOW_ID: only a route completes a deployment.
 */
class PackagedRoutesIT {

    private static final Path ZIP = Path.of(System.getProperty("function.zip", "target/function.zip"));

    private static MotoServer moto;
    private static WireMockServer connect;
    private static RuntimeApiServer runtimeApi;
    private static LambdaJavaRuntime function;

    @BeforeAll
    static void startEverything() throws Exception {
        Assumptions.assumeTrue(MotoServer.installed(), "moto_server is not installed: end-to-end routes check skipped");
        assertTrue(Files.exists(ZIP), ZIP + " is missing: run ./mvnw verify (it packages before this check)");
        moto = MotoServer.start();
        try (SsmClient ssm = SdkClients.at(SsmClient.builder(), moto.endpoint());
                SecretsManagerClient secrets = SdkClients.at(SecretsManagerClient.builder(), moto.endpoint())) {
            RoutesProfile.routes().forEach((name, value) -> ssm.putParameter(p -> p.name(name).value(value).type(ParameterType.STRING)));
            secrets.createSecret(s -> s.name("routes-e2e/token").secretString("{\"user_token\":\"tok-routes-e2e\"}"));
            // GitHub's documented example secret, which GitHubDeliveries signs with.
            secrets.createSecret(s -> s.name("routes-e2e/webhook").secretString("It's a Secret to Everybody"));
        }
        connect = new WireMockServer(options().dynamicPort());
        connect.start();
        runtimeApi = new RuntimeApiServer();
        runtimeApi.start(0);
        Map<String, String> environment = new HashMap<>();
        environment.put("AWS_REGION", "eu-west-1");
        environment.put("AWS_ACCESS_KEY_ID", "testing");
        environment.put("AWS_SECRET_ACCESS_KEY", "testing");
        environment.put("AWS_ENDPOINT_URL_SECRETS_MANAGER", moto.endpoint());
        environment.put("AWS_ENDPOINT_URL_SSM", moto.endpoint());
        environment.put("AWS_LAMBDA_FUNCTION_NAME", "connect-deployer-routes-e2e");
        environment.put("CONNECT_API_URL", connect.baseUrl());
        environment.put("CONNECT_TOKEN_SECRET_ID", "routes-e2e/token");
        environment.put("GITHUB_WEBHOOK_SECRET_ID", "routes-e2e/webhook");
        environment.put("DEPLOY_PROJECT", "Demo");
        environment.put("DEPLOY_ROUTES_PATH", RoutesProfile.PATH);
        function = LambdaJavaRuntime.start(ZIP, "127.0.0.1:" + runtimeApi.getPort() + MockEventServer.BASE_PATH, environment,
                "lambda-function-routes.log");
    }

    @AfterAll
    static void stopEverything() throws Exception {
        for (AutoCloseable running : new AutoCloseable[] { function, runtimeApi, connect == null ? null : connect::stop, moto }) {
            if (running != null) {
                running.close();
            }
        }
    }

    @BeforeEach
    void resetConnect() {
        connect.resetAll();
        connect.stubFor(post("/v2/deploy_update").willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"message\":\"Created\"}")));
    }

    @Test
    void should_deploy_three_apps_uploaded_to_one_bucket_to_three_flows() throws Exception {
        invoke(s3("gateway/v1.4.2/gateway.bin", "sensor/sensor-3.1.0.bin", "edge-agent/v2.0.0/agent.tar.gz", "docs/v1/manual.pdf"))
                .statusCode(200)
                .body("status", equalTo("created"))
                .body("deployments.status", equalTo(List.of("created", "created", "created", "ignored")))
                .body("deployments.route", equalTo(Arrays.asList("gateway", "sensor", "edge-agent", null)));

        connect.verify(exactly(1), deployUpdate("f-gateway", "gateway", "v1.4.2"));
        connect.verify(exactly(1), deployUpdate("f-sensor", "sensor-fw", "3.1.0"));
        connect.verify(exactly(1), deployUpdate("f-edge", "edge-agent", "v2.0.0"));
        connect.verify(exactly(3), postRequestedFor(urlEqualTo("/v2/deploy_update")));
        assertTrue(function.log().contains("routes: 8 loaded from " + RoutesProfile.PATH), function.log());
    }

    @Test
    void should_deploy_two_repositories_releases_through_one_webhook_to_two_flows() {
        ObjectNode sensor = GitHubDeliveries.released("routes-e2e-sensor");
        ObjectNode payload = (ObjectNode) Events.parse(sensor.get("body").textValue());
        ((ObjectNode) payload.get("repository")).put("name", "sensor-firmware").put("full_name", "octo-org/sensor-firmware");
        ((ObjectNode) payload.get("release")).put("id", 99);

        invoke(GitHubDeliveries.released("routes-e2e-gateway").toString()).statusCode(200).body("statusCode", equalTo(201));
        invoke(GitHubDeliveries.withBody(sensor, payload.toString(), "It's a Secret to Everybody").toString())
                .statusCode(200).body("statusCode", equalTo(201));

        connect.verify(exactly(1), deployUpdate("f-gateway-gh", "gateway-firmware", "v1.4.2"));
        connect.verify(exactly(1), deployUpdate("f-sensor", "sensor-fw", "v1.4.2"));
    }

    @Test
    void should_deploy_each_apps_defaults_when_its_schedule_fires() {
        invoke(schedule("nightly-gateway", "routes-e2e-s1")).statusCode(200).body("deployments[0].route", equalTo("gateway-nightly"));
        invoke(schedule("nightly-sensor", "routes-e2e-s2")).statusCode(200).body("deployments[0].route", equalTo("sensor-nightly"));

        connect.verify(exactly(1), deployUpdate("f-gateway", "gateway-fw", "stable"));
        connect.verify(exactly(1), deployUpdate("f-sensor", "sensor-fw", "stable"));
    }

    private static RequestPatternBuilder deployUpdate(String flowId, String app, String version) {
        return postRequestedFor(urlEqualTo("/v2/deploy_update"))
                .withRequestBody(matchingJsonPath("$.user_token", WireMock.equalTo("tok-routes-e2e")))
                .withRequestBody(matchingJsonPath("$.deployment_configuration.flow_id", WireMock.equalTo(flowId)))
                .withRequestBody(matchingJsonPath("$.deployment_configuration.app.name", WireMock.equalTo(app)))
                .withRequestBody(matchingJsonPath("$.deployment_configuration.app.version", WireMock.equalTo(version)));
    }

    private static String s3(String... keys) {
        StringBuilder records = new StringBuilder();
        for (int i = 0; i < keys.length; i++) {
            records.append(i == 0 ? "" : ",").append("""
                    {"eventVersion": "2.1", "eventSource": "aws:s3", "eventName": "ObjectCreated:Put",
                     "eventTime": "2026-11-30T10:00:00.000Z",
                     "s3": {"bucket": {"name": "firmware-releases"}, "object": {"key": "%s", "sequencer": "0A%d"}}}
                    """.formatted(keys[i], i));
        }
        return "{\"Records\": [" + records + "]}";
    }

    private static String schedule(String name, String id) {
        return """
                {"version": "0", "id": "%s", "detail-type": "Scheduled Event", "source": "aws.scheduler",
                 "account": "123456789012", "time": "%s", "region": "eu-west-1",
                 "resources": ["arn:aws:scheduler:eu-west-1:123456789012:schedule/default/%s"], "detail": "{}"}
                """.formatted(id, Instant.now(), name);
    }

    private static ValidatableResponse invoke(String event) {
        return given().baseUri("http://127.0.0.1:" + runtimeApi.getPort()).basePath(MockEventServer.BASE_PATH)
                .contentType("application/json").body(event)
                .when().post().then();
    }
}
