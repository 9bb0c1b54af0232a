package io.connectdeployer.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;

/**
 * Secrets Manager's GetSecretValue as WireMock plays it: AWS JSON 1.1 over {@code POST /}, errors as a 400 with
 * {@code __type} in the body and the {@code x-amzn-ErrorType} header, as the service answers them.
 */
public final class SecretsManagerStubs {

    private static final String TARGET = "secretsmanager.GetSecretValue";
    private static final String CONTENT_TYPE = "application/x-amz-json-1.1";

    private SecretsManagerStubs() {
    }

    /** GetSecretValue for this secret id; priority 1, over WireMockStandIns' catch-all token stub. */
    public static MappingBuilder getSecretValue(String secretId) {
        return post(urlEqualTo("/")).atPriority(1)
                .withHeader("X-Amz-Target", equalTo(TARGET))
                .withRequestBody(matchingJsonPath("$.SecretId", equalTo(secretId)));
    }

    /** The requests that read this secret. */
    public static RequestPatternBuilder readsOf(String secretId) {
        return postRequestedFor(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo(TARGET))
                .withRequestBody(matchingJsonPath("$.SecretId", equalTo(secretId)));
    }

    /** A current value: {@code secretString} as the secret's string (escaped into the JSON answer). */
    public static ResponseDefinitionBuilder secretString(String secretId, String secretString) {
        return aResponse().withStatus(200).withHeader("Content-Type", CONTENT_TYPE)
                .withBody("{\"ARN\":\"arn:aws:secretsmanager:eu-west-1:123456789012:secret:" + secretId + "-AbCdEf\",\"Name\":\""
                        + secretId + "\",\"SecretString\":" + com.fasterxml.jackson.databind.node.TextNode.valueOf(secretString)
                        + ",\"VersionId\":\"v1\"}");
    }

    /** An error as the AWS JSON protocol carries it, e.g. {@code awsError(400, "ThrottlingException", "Rate exceeded")}. */
    public static ResponseDefinitionBuilder awsError(int status, String type, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", CONTENT_TYPE)
                .withHeader("x-amzn-ErrorType", type)
                .withBody("{\"__type\":\"" + type + "\",\"message\":\"" + message + "\"}");
    }

    public static ResponseDefinitionBuilder throttled() {
        return awsError(400, "ThrottlingException", "Rate exceeded");
    }

    public static ResponseDefinitionBuilder accessDenied(String secretId) {
        return awsError(400, "AccessDeniedException", "User: arn:aws:sts::123456789012:assumed-role/connect-deployer/fn is not "
                + "authorized to perform: secretsmanager:GetSecretValue on resource: " + secretId);
    }

    public static ResponseDefinitionBuilder notFound() {
        return awsError(400, "ResourceNotFoundException", "Secrets Manager can't find the specified secret.");
    }
}
