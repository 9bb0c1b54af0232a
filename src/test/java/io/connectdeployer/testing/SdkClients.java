package io.connectdeployer.testing;

import java.net.URI;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

/** AWS SDK clients as Wiring builds them (URL-connection HTTP client, the SDK's default retries), aimed at a stand-in. */
public final class SdkClients {

    private SdkClients() {
    }

    /** E.g. {@code SdkClients.at(LambdaClient.builder(), server.baseUrl())}. */
    public static <B extends AwsClientBuilder<B, C> & SdkSyncClientBuilder<B, C>, C> C at(B builder, String endpoint) {
        return builder.endpointOverride(URI.create(endpoint))
                .region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.builder().build())
                .build();
    }
}
