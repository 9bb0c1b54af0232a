package io.connectdeployer.function;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.connectdeployer.testing.ConnectStubs.json;
import static io.restassured.RestAssured.given;

import java.util.Map;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import io.connectdeployer.deploy.DeploymentMarker;
import io.connectdeployer.testing.InjectWireMock;
import io.connectdeployer.testing.Resources;
import io.connectdeployer.testing.WireMockStandIns;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** CONNECT_API_DIALECT=deployments: JFrog's current API, bearer token, project in the path, flow_uuid in the body. */
@QuarkusTest
@TestProfile(DeploymentsDialectTest.DeploymentsDialect.class)
@QuarkusTestResource(value = WireMockStandIns.class, restrictToAnnotatedClass = true)
class DeploymentsDialectTest {

    private static final String DEPLOYMENTS = "/api/v2/Demo/deployments";

    @InjectWireMock
    WireMockServer wireMock;

    @BeforeEach
    void resetConnect() {
        WireMockStandIns.resetConnect(wireMock);
    }

    @Test
    void should_post_to_the_project_deployments_with_a_bearer_token_when_the_dialect_is_deployments() {
        wireMock.stubFor(post("/api/v2/Demo/deployments").willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"deployment_uuid\":\"dp-1234-abcd\"}")));

        given().contentType("application/json").body(Resources.text("events/direct/seed-example.json"))
                .when().post()
                .then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("created"))
                .body("deployments[0].connect_response.deployment_uuid", org.hamcrest.Matchers.equalTo("dp-1234-abcd"));

        wireMock.verify(exactly(1), postRequestedFor(urlEqualTo("/api/v2/Demo/deployments"))
                .withHeader("Authorization", equalTo("Bearer " + WireMockStandIns.currentToken()))
                .withRequestBody(equalToJson(Resources.text("connect/deployments-seed-example.json"))));
    }

    // ---- a lost answer, looked up by its marker in Connect's list --------------------------------------------------

    @Test
    void should_be_created_without_sending_again_when_the_connection_breaks_after_connect_read_the_request_and_the_list_holds_the_marker() {
        String key = key();
        String marker = DeploymentMarker.of("connect-deployer/direct:" + key).text();
        wireMock.stubFor(post(DEPLOYMENTS).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        wireMock.stubFor(get(urlPathEqualTo(DEPLOYMENTS)).withQueryParam("limit", equalTo("1000")).willReturn(json(200,
                "{\"deployments\":[{\"deployment_uuid\":\"dp-0001\",\"comment\":\"older\"},"
                        + "{\"deployment_uuid\":\"dp-0002\",\"comment\":\"gw " + key + " " + marker + "\"}]}")));

        given().contentType("application/json").body(event(key)).when().post()
                .then().statusCode(200)
                .body("status", Matchers.equalTo("created"))
                .body("deployments[0].connect_response.deployment_uuid", Matchers.equalTo("dp-0002"))
                .body("deployments[0].reason", Matchers.endsWith("found deployment dp-0002 by its marker " + marker
                        + " in Connect's list of deployments"));

        wireMock.verify(exactly(1), postRequestedFor(urlEqualTo(DEPLOYMENTS))
                .withRequestBody(matchingJsonPath("$.deployment_configuration.comment", equalTo("gw " + key + " " + marker))));
        wireMock.verify(exactly(1), getRequestedFor(urlPathEqualTo(DEPLOYMENTS))
                .withHeader("Authorization", equalTo("Bearer " + WireMockStandIns.currentToken())));
    }

    @Test
    void should_send_again_once_when_the_whole_list_shows_connect_did_not_make_it() {
        String key = key();
        String scenario = "lost-then-created-" + key;
        wireMock.stubFor(post(DEPLOYMENTS).inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("sent"));
        wireMock.stubFor(post(DEPLOYMENTS).inScenario(scenario).whenScenarioStateIs("sent")
                .willReturn(json(201, "{\"deployment_uuid\":\"dp-0003\"}")));
        wireMock.stubFor(get(urlPathEqualTo(DEPLOYMENTS)).willReturn(json(200, "{\"deployments\":[{\"comment\":\"older\"}]}")));

        given().contentType("application/json").body(event(key)).when().post()
                .then().statusCode(200)
                .body("status", Matchers.equalTo("created"))
                .body("deployments[0].attempts", Matchers.equalTo(2))
                .body("deployments[0].connect_response.deployment_uuid", Matchers.equalTo("dp-0003"));

        wireMock.verify(exactly(2), postRequestedFor(urlEqualTo(DEPLOYMENTS)));
        wireMock.verify(exactly(1), getRequestedFor(urlPathEqualTo(DEPLOYMENTS)));
    }

    @Test
    void should_fail_as_outcome_unknown_without_sending_again_when_the_list_cannot_be_read() {
        String key = key();
        wireMock.stubFor(post(DEPLOYMENTS).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        wireMock.stubFor(get(urlPathEqualTo(DEPLOYMENTS)).willReturn(json(500, "{\"message\":\"Internal Server Error\"}")));

        given().contentType("application/json").body(event(key)).when().post()
                .then().statusCode(500)
                .body("errorMessage", Matchers.startsWith("io.connectdeployer.connect.ConnectOutcomeUnknownException: Outcome "
                        + "unknown: Connect may have started this deployment"))
                .body("errorMessage", Matchers.containsString("looking it up failed: Connect answered HTTP 500 to GET "
                        + "/api/v2/Demo/deployments (Internal Server Error)"));

        wireMock.verify(exactly(1), postRequestedFor(urlEqualTo(DEPLOYMENTS)));
    }

    private static String key() {
        return "lost-" + System.nanoTime();
    }

    private static String event(String key) {
        return "{\"project\":\"Demo\",\"flow_id\":\"f-1\",\"comment\":\"gw " + key + "\",\"idempotency_key\":\"" + key + "\"}";
    }

    public static class DeploymentsDialect implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("connect.api-dialect", "deployments", "connect.settle-time", "50ms");
        }
    }
}
