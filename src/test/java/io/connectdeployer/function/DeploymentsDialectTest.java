package io.connectdeployer.function;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

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

    @InjectWireMock
    WireMockServer wireMock;

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

    public static class DeploymentsDialect implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("connect.api-dialect", "deployments");
        }
    }
}
