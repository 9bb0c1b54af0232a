package io.connectdeployer.function;

import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.connectdeployer.function.ConnectFaultsTest.UNAVAILABLE;
import static io.connectdeployer.function.ConnectFaultsTest.assertFailureLogged;
import static io.connectdeployer.function.ConnectFaultsTest.deploy;
import static io.connectdeployer.function.ConnectFaultsTest.functionUrl;
import static io.connectdeployer.function.ConnectFaultsTest.millisSince;
import static io.connectdeployer.function.ConnectFaultsTest.version;
import static io.connectdeployer.testing.ConnectStubs.DEPLOY_UPDATE;
import static io.connectdeployer.testing.Lambda.FUNQY_ERROR;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.connectdeployer.testing.InjectWireMock;
import io.connectdeployer.testing.Lambda.HttpAnswer;
import io.connectdeployer.testing.RefusedConnectProfile;
import io.connectdeployer.testing.SecretScan;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Connect's port refuses every connection: retried at once (no answer is retryable), then ConnectUnavailableException. */
@QuarkusTest
@TestProfile(RefusedConnectProfile.class)
class ConnectRefusedTest {

    @ConfigProperty(name = "connect.api-url")
    String apiUrl;

    @InjectWireMock
    WireMockServer wireMock;

    @AfterAll
    static void secretsStaySecret() {
        SecretScan.assertNothingLeaked();
    }

    @Test
    void should_fail_as_unavailable_after_five_quick_attempts_when_the_connection_is_refused() {
        String version = version();

        long started = System.nanoTime();
        deploy(version).statusCode(500)
                .body("errorType", equalTo(FUNQY_ERROR))
                .body("errorMessage", startsWith(UNAVAILABLE + ": Connect was unavailable on all 5 attempt(s); last: could not reach "
                        + apiUrl + ": "))
                .body("errorMessage", containsString("refused"));
        long elapsed = millisSince(started);

        assertTrue(apiUrl.startsWith("http://127.0.0.1:"), apiUrl);
        assertTrue(elapsed < 2000, "a refusal is immediate and the %test backoff at most 20 ms, yet it took " + elapsed + " ms");
        wireMock.verify(exactly(0), postRequestedFor(urlEqualTo(DEPLOY_UPDATE)));
        assertFailureLogged(version, 5);
    }

    @Test
    void should_answer_502_when_connect_refuses_connections_for_a_function_url_request() {
        String version = version();

        HttpAnswer answer = functionUrl(version);

        assertEquals(502, answer.status());
        assertEquals("failed", answer.json().getString("status"));
        assertEquals("ConnectUnavailableException", answer.json().getString("deployments[0].error.type"));
        assertEquals(5, answer.json().getInt("deployments[0].attempts"));
        assertFailureLogged(version, 5);
    }
}
