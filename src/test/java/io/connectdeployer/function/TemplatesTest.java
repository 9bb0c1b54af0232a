package io.connectdeployer.function;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.connectdeployer.testing.ConnectStubs.DEPLOY_UPDATE;
import static io.connectdeployer.testing.Lambda.invoke;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.connectdeployer.testing.ConnectStubs;
import io.connectdeployer.testing.Events;
import io.connectdeployer.testing.InjectWireMock;
import io.connectdeployer.testing.Markers;
import io.connectdeployer.testing.TemplatesProfile;
import io.connectdeployer.testing.TriggerProfile;
import io.connectdeployer.testing.WireMockStandIns;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Placeholders in DEPLOY_PARAMETERS and DEPLOY_COMMENT, filled from each event. */
@QuarkusTest
@TestProfile(TemplatesProfile.class)
@QuarkusTestResource(WireMockStandIns.class)
class TemplatesTest {

    @InjectWireMock
    WireMockServer wireMock;

    @BeforeEach
    void resetConnect() {
        WireMockStandIns.resetConnect(wireMock);
        ConnectStubs.answers(wireMock, 201, "{}");
    }

    @Test
    void should_fill_bucket_key_app_version_and_event_id_when_an_s3_object_is_put() {
        String versionId = Events.load("events/s3/put.json").at("/Records/0/s3/object/versionId").textValue();

        invoke("events/s3/put.json").statusCode(200).body("status", equalTo("created"));

        wireMock.verify(exactly(1), postRequestedFor(urlEqualTo(DEPLOY_UPDATE)).withRequestBody(equalToJson("""
                {"user_token": "%s",
                 "device_filter": {"project": {"name": "Demo"}, "groups": [],
                                   "filters": [{"type": "device_state", "operand": "is", "value": "online"}]},
                 "deployment_configuration": {"flow_id": "%s",
                   "comment": "%s",
                   "app": {"name": "gateway", "version": "v1.4.2"},
                   "parameters_mapping": {"artifact_url": "s3://firmware-releases/gateway/v1.4.2/gateway-fw.bin",
                                          "region": "eu"}}}
                """.formatted(WireMockStandIns.currentToken(), TriggerProfile.FLOW_ID, Markers.marked("gateway v1.4.2 (event "
                + versionId + ")", "s3:firmware-releases/gateway/v1.4.2/gateway-fw.bin@" + versionId)))));
    }

    @Test
    void should_name_each_unfilled_placeholder_and_call_nothing_when_the_event_has_no_bucket() {
        invoke("events/eventbridge/scheduled.json")
                .statusCode(500)
                .body("errorMessage", equalTo("io.connectdeployer.deploy.InvalidDeployEventException: Invalid deploy event, "
                        + "nothing was deployed (2 problems): "
                        + "DEPLOY_PARAMETERS.artifact_url: no value for ${bucket}, ${key} in the schedule event (it provides: ${event_id}, ${time}); "
                        + "DEPLOY_COMMENT: no value for ${app}, ${version} in the schedule event (it provides: ${event_id}, ${time})"));

        wireMock.verify(exactly(0), postRequestedFor(urlEqualTo(DEPLOY_UPDATE)));
    }
}
