package io.connectdeployer.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.connectdeployer.testing.Events;
import io.quarkus.amazon.lambda.runtime.MockEventServer;

/**
 * The README's quick start on a machine that has never seen AWS: {@code target/function.zip} run by the Lambda
 * Java runtime interface client with no {@code AWS_*} variable but the Runtime API's and an empty home, so no
 * region or credentials come from anywhere. Without a secret or a table the function must not need AWS at all;
 * with a secret and no region it must stop at init and say, in one line, to set AWS_REGION.
 */
class BareMachineIT {

    private static final Duration PATIENCE = Duration.ofSeconds(120);

    private RuntimeApiServer runtimeApi;
    private LambdaJavaRuntime function;

    @BeforeEach
    void startTheRuntimeApi() {
        runtimeApi = new RuntimeApiServer();
        runtimeApi.start(0);
    }

    @AfterEach
    void stopEverything() throws Exception {
        if (function != null) {
            function.close();
        }
        runtimeApi.close();
    }

    @Test
    void should_answer_the_dry_run_payload_when_no_secret_no_table_and_no_aws_settings_are_there() throws Exception {
        function = start("lambda-bare-dry-run.log", Map.of(
                "DEPLOY_DRY_RUN", "true",
                "DEPLOY_PROJECT", "Demo",
                "DEPLOY_FLOW_ID", "f-bare-0001"));

        JsonNode result = Events.parse(invoke(Files.readString(Path.of("events", "version-only.json"))));

        assertEquals(Events.parse("""
                {"status": "dry_run", "source": "direct", "deployments": [{"status": "dry_run", "project": "Demo",
                  "flow_id": "f-bare-0001", "app": {"name": "default_app", "version": "v1.2"}, "attempts": 0,
                  "payload": {"user_token": "***",
                    "device_filter": {"project": {"name": "Demo"}, "groups": [], "filters": []},
                    "deployment_configuration": {"flow_id": "f-bare-0001", "comment": "nightly v1.2",
                      "app": {"name": "default_app", "version": "v1.2"}}}}]}
                """), result);
        assertTrue(function.isAlive(), "the function process died: see target/lambda-bare-dry-run.log");
        assertFalse(function.log().contains("software.amazon.awssdk"), "the function touched the AWS SDK:\n" + function.log());
    }

    @Test
    void should_stop_at_init_with_one_line_naming_aws_region_when_a_secret_is_set_and_no_region_is_found() throws Exception {
        function = start("lambda-bare-no-region.log", Map.of(
                "CONNECT_TOKEN_SECRET_ID", "connect-deployer/token",
                "DEPLOY_PROJECT", "Demo",
                "DEPLOY_FLOW_ID", "f-bare-0001"));

        Optional<String> initError = runtimeApi.awaitInitError(PATIENCE);
        OptionalInt exit = function.awaitExit(PATIENCE);

        assertTrue(initError.isPresent(), "no init error reported: see target/lambda-bare-no-region.log");
        assertEquals(OptionalInt.of(1), exit, "the runtime exits after reporting the init error");
        List<String> naming = function.log().lines().filter(line -> line.contains("AWS_REGION")).toList();
        assertEquals(1, naming.size(), "lines naming AWS_REGION:\n" + String.join("\n", naming));
        assertTrue(naming.get(0).contains("Invalid configuration: CONNECT_TOKEN_SECRET_ID needs an AWS region and none was "
                + "found: set AWS_REGION (Lambda sets it itself) or a region in the AWS profile"), naming.get(0));
    }

    private LambdaJavaRuntime start(String log, Map<String, String> environment) throws Exception {
        Path zip = Path.of(System.getProperty("function.zip", "target/function.zip"));
        assertTrue(Files.exists(zip), zip + " is missing: run ./mvnw verify (it packages before this check)");
        return LambdaJavaRuntime.startWithoutAws(zip, "127.0.0.1:" + runtimeApi.getPort() + MockEventServer.BASE_PATH,
                environment, Path.of("target", log));
    }

    /** Posts the event and waits for the function's answer; a function that died at init never answers. */
    private String invoke(String event) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + runtimeApi.getPort() + MockEventServer.BASE_PATH))
                .header("content-type", "application/json")
                .timeout(PATIENCE)
                .POST(HttpRequest.BodyPublishers.ofString(event))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return response.body();
    }
}
