package io.connectdeployer.function;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.connectdeployer.testing.ConnectStubs.DEPLOY_UPDATE;
import static io.connectdeployer.testing.Lambda.invoke;
import static io.connectdeployer.testing.Lambda.invokeFailing;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;

import io.connectdeployer.testing.ConnectStubs;
import io.connectdeployer.testing.Events;
import io.connectdeployer.testing.InjectWireMock;
import io.connectdeployer.testing.Markers;
import io.connectdeployer.testing.TriggerProfile;
import io.connectdeployer.testing.WireMockStandIns;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** S3 event notifications: one deployment per created object whose key matches the default key pattern. */
@QuarkusTest
@TestProfile(TriggerProfile.class)
@QuarkusTestResource(WireMockStandIns.class)
class S3TriggerTest {

    @InjectWireMock
    WireMockServer wireMock;

    @BeforeEach
    void resetConnect() {
        WireMockStandIns.resetConnect(wireMock);
    }

    @Test
    void should_deploy_the_app_and_version_in_the_key_when_an_object_is_put() {
        ConnectStubs.answers(wireMock, 201, "{\"message\":\"Created\"}");

        invoke("events/s3/put.json")
                .statusCode(200)
                .body("status", equalTo("created"))
                .body("source", equalTo("s3"))
                .body("deployments[0].status", equalTo("created"))
                .body("deployments[0].event_id", equalTo(versionIdOf("events/s3/put.json")))
                .body("deployments[0].app.name", equalTo("gateway"))
                .body("deployments[0].app.version", equalTo("v1.4.2"));

        wireMock.verify(exactly(1), postRequestedFor(urlEqualTo(DEPLOY_UPDATE)).withRequestBody(equalToJson("""
                {"user_token": "%s",
                 "device_filter": {"project": {"name": "Demo"}, "groups": [],
                                   "filters": [{"type": "device_state", "operand": "is", "value": "online"}]},
                 "deployment_configuration": {"flow_id": "%s",
                                              "comment": "%s",
                                              "app": {"name": "gateway", "version": "v1.4.2"},
                                              "parameters_mapping": {"region": "eu"}}}
                """.formatted(WireMockStandIns.currentToken(), TriggerProfile.FLOW_ID,
                Markers.marked("New object s3://firmware-releases/gateway/v1.4.2/gateway-fw.bin",
                        "s3:firmware-releases/gateway/v1.4.2/gateway-fw.bin@" + versionIdOf("events/s3/put.json"))))));
    }

    @Test
    void should_decode_the_key_when_s3_sends_it_url_encoded() {
        ConnectStubs.answers(wireMock, 201, "{}");

        invoke("events/s3/put-encoded-key.json")
                .statusCode(200)
                .body("deployments[0].event_id", equalTo("0055AED6DCD90281E6"))
                .body("deployments[0].app.name", equalTo("camera hub"))
                .body("deployments[0].app.version", equalTo("v2.0 beta"));

        wireMock.verify(exactly(1), postRequestedFor(urlEqualTo(DEPLOY_UPDATE))
                .withRequestBody(matchingJsonPath("$.deployment_configuration.comment",
                        WireMock.equalTo(Markers.marked("New object s3://firmware-releases/camera hub/v2.0 beta/fw(1).bin",
                                "s3:firmware-releases/camera hub/v2.0 beta/fw(1).bin@0055AED6DCD90281E6")))));
    }

    @Test
    void should_answer_ignored_and_call_nothing_when_the_key_does_not_match_the_pattern() {
        ConnectStubs.answers(wireMock, 201, "{}");

        invoke("events/s3/put-unmatched-key.json")
                .statusCode(200)
                .body("status", equalTo("ignored"))
                .body("deployments[0].status", equalTo("ignored"))
                .body("deployments[0].reason", containsString("key 'readme.txt' does not match DEPLOY_S3_KEY_PATTERN"));

        wireMock.verify(exactly(0), postRequestedFor(urlEqualTo(DEPLOY_UPDATE)));
    }

    @Test
    void should_deploy_each_created_object_and_skip_the_delete_when_one_event_has_three_records() {
        ConnectStubs.answers(wireMock, 201, "{}");

        invoke("events/s3/multi-record.json")
                .statusCode(200)
                .body("status", equalTo("created"))
                .body("deployments.status", equalTo(List.of("created", "ignored", "created")))
                .body("deployments[0].app.version", equalTo("v1.5.0"))
                .body("deployments[1].reason", equalTo("S3 event ObjectRemoved:Delete is not an object creation"))
                .body("deployments[2].app.name", equalTo("sensor"));

        wireMock.verify(exactly(2), postRequestedFor(urlEqualTo(DEPLOY_UPDATE)));
    }

    @Test
    void should_return_a_partial_result_when_connect_rejects_one_record_for_good() {
        ConnectStubs.answers(wireMock, 201, "{}");
        wireMock.stubFor(post(DEPLOY_UPDATE).withRequestBody(matchingJsonPath("$.deployment_configuration.app.name",
                WireMock.equalTo("sensor")))
                .willReturn(ConnectStubs.json(400, "{\"error_message\":\"App sensor does not exist\"}")));

        invoke("events/s3/multi-record.json")
                .statusCode(200)
                .body("status", equalTo("partial"))
                .body("deployments.status", equalTo(List.of("created", "ignored", "failed")))
                .body("deployments[2].error.type", equalTo("ConnectRejectedException"))
                .body("deployments[2].error.message", containsString("App sensor does not exist"))
                .body("deployments[0].error", nullValue());

        wireMock.verify(exactly(2), postRequestedFor(urlEqualTo(DEPLOY_UPDATE)));
    }

    @Test
    void should_fail_the_invocation_naming_each_record_by_its_object_so_lambda_retries_when_one_record_failed_for_a_passing_reason() {
        ConnectStubs.answers(wireMock, 201, "{}");
        wireMock.stubFor(post(DEPLOY_UPDATE).withRequestBody(matchingJsonPath("$.deployment_configuration.app.name",
                WireMock.equalTo("sensor")))
                .willReturn(ConnectStubs.json(503, "{}")));

        invokeFailing("events/s3/multi-record.json", "io.connectdeployer.function.DeploymentsFailedException")
                .body("errorMessage", startsWith("io.connectdeployer.function.DeploymentsFailedException: 3 deployments, not all started: "
                        + "s3://firmware-releases/gateway/v1.5.0/gateway-fw.bin created; "
                        + "s3://firmware-releases/gateway/v1.3.0/gateway-fw.bin ignored; "
                        + "s3://firmware-releases/sensor/v3.1.0/sensor-fw.bin failed (ConnectUnavailableException: "));
    }

    private static String versionIdOf(String resource) {
        return Events.load(resource).at("/Records/0/s3/object/versionId").textValue();
    }
}
