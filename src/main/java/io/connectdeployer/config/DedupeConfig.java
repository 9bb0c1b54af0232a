package io.connectdeployer.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** DEDUPE_*: duplicate suppression in DynamoDB; off unless DEDUPE_TABLE is set. */
@ConfigMapping(prefix = "dedupe")
public interface DedupeConfig {

    /** DEDUPE_TABLE: the table (partition key {@code id}, TTL attribute {@code expires_at}). */
    Optional<String> table();

    /**
     * DEDUPE_TTL: how long a completed deployment's result answers its duplicates; longer than a claim holds, and at
     * least DEPLOY_GITHUB_MAX_AGE, so a replayed GitHub delivery is a duplicate until it is too old to deploy anyway.
     */
    @WithDefault("72h")
    Duration ttl();

    /**
     * DEDUPE_NAMESPACE: what every key starts with, so functions sharing a table never suppress each other. Default:
     * the function's name, which Lambda sets in AWS_LAMBDA_FUNCTION_NAME; outside Lambda, {@code connect-deployer}.
     */
    @WithDefault("${AWS_LAMBDA_FUNCTION_NAME:connect-deployer}")
    String namespace();

    /** DEDUPE_FAIL_OPEN: deploy without the claim when DynamoDB cannot be reached (risking a second rollout). */
    @WithDefault("false")
    boolean failOpen();
}
