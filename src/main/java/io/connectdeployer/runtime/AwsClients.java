package io.connectdeployer.runtime;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.connectdeployer.config.AwsRegion;
import io.connectdeployer.config.ConnectConfig;
import io.connectdeployer.config.DedupeConfig;
import io.connectdeployer.config.DeployConfig;
import io.connectdeployer.config.FunctionUrlConfig;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * The AWS SDK clients. Each is built when first injected, which only a setting that needs it causes, so with no
 * secret and no table the SDK is never touched. All share one HTTP client, the region resolved at startup and
 * one credentials rule: another client is one more producer like {@link #dynamoDb}. No client has an overall call
 * timeout: each call gets one from the deadline it runs under (the request's {@code apiCallTimeout}).
 */
@ApplicationScoped
public class AwsClients {

    /** The settings that reach AWS; any of them set makes the region required at startup. */
    @Produces
    @Singleton
    AwsRegion region(ConnectConfig connect, FunctionUrlConfig.GitHub github, FunctionUrlConfig.Http http, DedupeConfig dedupe,
            DeployConfig deploy) {
        Map<String, Optional<String>> awsSettings = new LinkedHashMap<>();
        awsSettings.put("CONNECT_TOKEN_SECRET_ID", connect.tokenSecretId());
        awsSettings.put("GITHUB_WEBHOOK_SECRET_ID", github.webhookSecretId());
        awsSettings.put("HTTP_BEARER_SECRET_ID", http.bearerSecretId());
        awsSettings.put("DEDUPE_TABLE", dedupe.table());
        awsSettings.put("GITHUB_HANDOFF_TARGET", github.handoffTarget());
        awsSettings.put("DEPLOY_ROUTES_PATH", deploy.routesPath());
        return AwsRegion.resolve(awsSettings, AwsClients::sdkRegionChain);
    }

    @Produces
    @Singleton
    SecretsManagerClient secretsManager(SdkHttpClient http, AwsRegion region) {
        return configure(SecretsManagerClient.builder(), http, region).build();
    }

    @Produces
    @Singleton
    DynamoDbClient dynamoDb(SdkHttpClient http, AwsRegion region) {
        return configure(DynamoDbClient.builder(), http, region).build();
    }

    /** The routing table's store (DEPLOY_ROUTES_PATH); each read's timeout comes from the deadline it runs under. */
    @Produces
    @Singleton
    SsmClient ssm(SdkHttpClient http, AwsRegion region) {
        return configure(SsmClient.builder(), http, region).build();
    }

    /** Each call's timeout is set per request, from the invocation's deadline (see LambdaReleaseHandOff). */
    @Produces
    @Singleton
    LambdaClient lambda(SdkHttpClient http, AwsRegion region) {
        return configure(LambdaClient.builder(), http, region).build();
    }

    /** One HTTP client, the JDK's URLConnection, for every AWS service. */
    @Produces
    @Singleton
    SdkHttpClient awsHttpClient(ConnectConfig connect) {
        return UrlConnectionHttpClient.builder()
                .connectionTimeout(connect.connectTimeout())
                .socketTimeout(connect.readTimeout())
                .build();
    }

    /**
     * In Lambda the credentials are environment variables: naming that provider skips the default chain's probing
     * of profile files, system properties and container endpoints, a measurable part of init. Elsewhere (tests,
     * a laptop) the default chain applies.
     */
    private static <B extends AwsClientBuilder<B, ?> & SdkSyncClientBuilder<B, ?>> B configure(B builder, SdkHttpClient http,
            AwsRegion region) {
        builder.httpClient(http).region(Region.of(region.required()));
        if (System.getenv("AWS_ACCESS_KEY_ID") != null && System.getenv("AWS_SECRET_ACCESS_KEY") != null) {
            builder.credentialsProvider(EnvironmentVariableCredentialsProvider.create());
        }
        return builder;
    }

    /**
     * The SDK's own chain: the aws.region system property, AWS_REGION (not AWS_DEFAULT_REGION, which only the CLI
     * reads), the profile files, then EC2's metadata service. Lambda always sets AWS_REGION, so there it stops at
     * the first step.
     */
    private static Optional<String> sdkRegionChain() {
        try {
            return Optional.of(new DefaultAwsRegionProviderChain().getRegion().id());
        } catch (SdkClientException none) {
            return Optional.empty();
        }
    }
}
