package io.connectdeployer.url;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * GitHub webhook deliveries, rerun against the native binary ({@code ./mvnw verify -Dnative}), which polls the mock event
 * server itself. A Funqy JVM jar does not poll on its own; {@code PackagedFunctionIT} runs it under the Lambda
 * runtime client instead.
 */
@QuarkusIntegrationTest
class GitHubWebhookNativeIT extends GitHubWebhookTest {
}
