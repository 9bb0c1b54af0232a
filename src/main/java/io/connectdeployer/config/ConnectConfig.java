package io.connectdeployer.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** CONNECT_* environment variables: where Connect is, how to authenticate, how hard to try. */
@ConfigMapping(prefix = "connect")
public interface ConnectConfig {

    /** CONNECT_API_URL: base URL of the Connect API. */
    @WithDefault("https://api.connect.jfrog.io")
    String apiUrl();

    /** CONNECT_API_DIALECT: deploy_update (POST /v2/deploy_update) or deployments (POST /api/v2/{project}/deployments). */
    @WithDefault("deploy_update")
    String apiDialect();

    /** CONNECT_TOKEN_SECRET_ID: name or ARN of the Secrets Manager secret holding the Connect user token. */
    Optional<String> tokenSecretId();

    /** CONNECT_TOKEN_SECRET_KEY: the key holding the token when the secret string is a JSON object. */
    @WithDefault("user_token")
    String tokenSecretKey();

    /** CONNECT_TOKEN_TTL: how long a read token is reused before Secrets Manager is asked again. */
    @WithDefault("5m")
    Duration tokenTtl();

    /** CONNECT_MAX_ATTEMPTS: attempts per deployment, counting the first, on 429, 5xx and no answer. */
    @WithDefault("5")
    int maxAttempts();

    /** CONNECT_CONNECT_TIMEOUT: TCP connect timeout per attempt. */
    @WithDefault("3s")
    Duration connectTimeout();

    /** CONNECT_READ_TIMEOUT: wait for Connect's answer per attempt. */
    @WithDefault("10s")
    Duration readTimeout();

    /** CONNECT_RETRY_BASE_DELAY: first backoff ceiling; doubles per attempt (full jitter). */
    @WithDefault("500ms")
    Duration retryBaseDelay();

    /** CONNECT_RETRY_MAX_DELAY: largest backoff ceiling. */
    @WithDefault("8s")
    Duration retryMaxDelay();

    /**
     * CONNECT_SETTLE_TIME: after a request Connect may have received without answering, how long to wait before
     * looking it up in Connect's list of deployments (the deployments dialect), so a deployment still being written
     * is found.
     */
    @WithDefault("2s")
    Duration settleTime();

    /**
     * CONNECT_TIME_BUDGET: an explicit deadline per invocation, counted from its start; everything that can wait
     * (Connect attempts, secret reads, DynamoDB, the hand-off) shares it. Unset, it is FUNCTION_TIMEOUT less a
     * safety margin; set, it must leave at least 2 s of FUNCTION_TIMEOUT.
     */
    Optional<Duration> timeBudget();
}
