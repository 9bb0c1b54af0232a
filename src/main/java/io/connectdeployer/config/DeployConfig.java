package io.connectdeployer.config;

import java.time.Duration;
import java.util.Optional;

import io.connectdeployer.trigger.ReleasePolicy;
import io.connectdeployer.trigger.S3KeyPattern;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** DEPLOY_* environment variables: the defaults an event's missing fields take. JSON values are parsed by {@link SettingsParser}. */
@ConfigMapping(prefix = "deploy")
public interface DeployConfig {

    /** DEPLOY_PROJECT: Connect project name. */
    Optional<String> project();

    /** DEPLOY_FLOW_ID: update flow id. */
    Optional<String> flowId();

    /** DEPLOY_APP_NAME: Connect app name. */
    Optional<String> appName();

    /** DEPLOY_APP_VERSION: app version. */
    Optional<String> appVersion();

    /** DEPLOY_GROUPS: comma-separated group names (replaced by an event's groups). */
    Optional<String> groups();

    /** DEPLOY_FILTERS: JSON array of filters that always apply. */
    Optional<String> filters();

    /** DEPLOY_PARAMETERS: JSON object of update parameters (merged with an event's, key by key). */
    Optional<String> parameters();

    /** DEPLOY_COMMENT: deployment comment. */
    Optional<String> comment();

    /** DEPLOY_DRY_RUN: true to build and return payloads without calling Connect. */
    Optional<Boolean> dryRun();

    /** DEPLOY_S3_KEY_PATTERN: which S3 keys deploy, with optional named groups {@code app} and {@code version}. */
    @WithDefault(S3KeyPattern.DEFAULT)
    String s3KeyPattern();

    /** DEPLOY_GITHUB_PRERELEASES: true to deploy GitHub prereleases too. */
    @WithDefault("false")
    boolean githubPrereleases();

    /** DEPLOY_GITHUB_MAX_AGE: a release published longer ago is refused (GitHub signs no time, so old deliveries replay). */
    @WithDefault(ReleasePolicy.DEFAULT_MAX_AGE)
    Duration githubMaxAge();

    /** DEPLOY_ROUTES_PATH: SSM Parameter Store path holding one parameter per route (e.g. /connect-deployer/routes); unset: no routes. */
    Optional<String> routesPath();

    /** DEPLOY_ROUTES_TTL: how long the routes read from SSM are used before they are read again. */
    @WithDefault("5m")
    Duration routesTtl();
}
