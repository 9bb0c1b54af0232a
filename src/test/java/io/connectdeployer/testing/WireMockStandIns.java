package io.connectdeployer.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * One WireMock server standing in for the remote parties: Connect (its REST paths), AWS Secrets Manager
 * (JSON over POST / with {@code X-Amz-Target: secretsmanager.GetSecretValue}) and Lambda's Invoke API
 * ({@code POST /2015-03-31/functions/<name>/invocations}, stubbed by the tests that hand releases off). Started before the application so
 * the function reads its token at init exactly as in Lambda.
 */
public class WireMockStandIns implements QuarkusTestResourceLifecycleManager {

    public static final String SECRET_ID = "connect-deployer/test-token";
    public static final String FIRST_TOKEN = "tok-first-0123456789abcdef";
    /** GitHub's documented example secret; the signed fixtures under events/github were made with it (sign.py). */
    public static final String WEBHOOK_SECRET_ID = "connect-deployer/github-webhook";
    public static final String WEBHOOK_SECRET = "It's a Secret to Everybody";
    public static final String BEARER_SECRET_ID = "connect-deployer/bearer";
    public static final String BEARER_TOKEN = "test-bearer-token";

    private static volatile String currentToken = FIRST_TOKEN;
    private static StubMapping secretStub;

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
        putSecret(server, currentToken);
        putSecret(server, WEBHOOK_SECRET_ID, WEBHOOK_SECRET);
        putSecret(server, BEARER_SECRET_ID, BEARER_TOKEN);
        // The SDK's standard chains read these, as they read AWS_ENDPOINT_URL_SECRETS_MANAGER etc. in Lambda.
        System.setProperty("aws.endpointUrlSecretsManager", server.baseUrl());
        System.setProperty("aws.endpointUrlLambda", server.baseUrl());
        System.setProperty("aws.region", "eu-west-1");
        System.setProperty("aws.accessKeyId", "test");
        System.setProperty("aws.secretAccessKey", "test");
        // Returned too, so an @QuarkusIntegrationTest passes them to the packaged jar or native binary it launches.
        return Map.of(
                "connect.api-url", server.baseUrl(),
                "connect.token-secret-id", SECRET_ID,
                "aws.endpointUrlSecretsManager", server.baseUrl(),
                "aws.endpointUrlLambda", server.baseUrl(),
                "aws.region", "eu-west-1",
                "aws.accessKeyId", "test",
                "aws.secretAccessKey", "test");
    }

    /** The running server, for stand-ins that register more before the application starts. */
    protected WireMockServer server() {
        return server;
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(server,
                new TestInjector.AnnotatedAndMatchesType(InjectWireMock.class, WireMockServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    /** Forgets the requests and the Connect stubs of the last test; the secrets stay. */
    public static void resetConnect(WireMockServer server) {
        server.resetRequests();
        server.getStubMappings().stream()
                .filter(stub -> stub.getRequest().getUrl() == null || !stub.getRequest().getUrl().equals("/"))
                .forEach(server::removeStub);
        server.resetScenarios();
    }

    /** The token the secret holds now; tests that rotate it leave the new one in place, and the function's cache follows. */
    public static String currentToken() {
        return currentToken;
    }

    /** Another secret (webhook, bearer) by its id; it wins over the token's catch-all stub. */
    public static void putSecret(WireMockServer server, String secretId, String secretString) {
        server.stubFor(post(urlEqualTo("/")).atPriority(1)
                .withHeader("X-Amz-Target", equalTo("secretsmanager.GetSecretValue"))
                .withRequestBody(matchingJsonPath("$.SecretId", equalTo(secretId)))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody("{\"ARN\":\"arn:aws:secretsmanager:eu-west-1:123456789012:secret:" + secretId
                                + "-AbCdEf\",\"Name\":\"" + secretId + "\",\"SecretString\":\"" + secretString
                                + "\",\"VersionId\":\"v1\"}")));
    }

    /** Rotates the secret's value, as Secrets Manager rotation would. */
    public static void putSecret(WireMockServer server, String token) {
        currentToken = token;
        if (secretStub != null) {
            server.removeStub(secretStub);
        }
        secretStub = server.stubFor(post(urlEqualTo("/")).atPriority(5)
                .withHeader("X-Amz-Target", equalTo("secretsmanager.GetSecretValue"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody("{\"ARN\":\"arn:aws:secretsmanager:eu-west-1:123456789012:secret:" + SECRET_ID
                                + "-AbCdEf\",\"Name\":\"" + SECRET_ID + "\",\"SecretString\":\"{\\\"user_token\\\":\\\""
                                + token + "\\\"}\",\"VersionId\":\"v1\"}")));
    }
}
