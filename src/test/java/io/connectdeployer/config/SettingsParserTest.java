package io.connectdeployer.config;

import io.connectdeployer.trigger.ReleasePolicy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.connectdeployer.connect.ConnectDialect;
import io.connectdeployer.deadline.DeadlinePolicy;
import io.connectdeployer.deploy.App;
import io.connectdeployer.deploy.DefaultTemplates;
import io.connectdeployer.deploy.DeployDefaults;
import io.connectdeployer.deploy.Filter;
import io.connectdeployer.trigger.S3KeyPattern;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

class SettingsParserTest {

    private static final String SECRET_ID = "connect.token-secret-id";

    private static DeploySettings parse(Map<String, String> properties, boolean devMode) {
        // Quarkus registers its converter for durations such as "25s"; plain SmallRye only reads ISO-8601 ("PT25S").
        // Its interceptors too: expressions (DEDUPE_NAMESPACE's default) expand, DEPLOY_PARAMETERS stays verbatim.
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .addDefaultInterceptors()
                .addDiscoveredInterceptors()
                .withConverter(Duration.class, 100, new DurationConverter())
                .withMapping(ConnectConfig.class)
                .withMapping(DeployConfig.class)
                .withMapping(DedupeConfig.class)
                .withMapping(FunctionConfig.class)
                .withSources(new PropertiesConfigSource(properties, "test", 100))
                .build();
        return SettingsParser.parse(config.getConfigMapping(ConnectConfig.class),
                config.getConfigMapping(DeployConfig.class), config.getConfigMapping(DedupeConfig.class),
                config.getConfigMapping(FunctionConfig.class), devMode, new ObjectMapper());
    }

    private static InvalidConfigurationException parseFails(Map<String, String> properties) {
        return assertThrows(InvalidConfigurationException.class, () -> parse(properties, false));
    }

    @Test
    void should_use_the_documented_defaults_when_only_the_secret_id_is_set() {
        // when
        DeploySettings settings = parse(Map.of(SECRET_ID, "connect/token"), false);

        // then
        assertEquals(new DeploySettings(URI.create("https://api.connect.jfrog.io"), ConnectDialect.DEPLOY_UPDATE,
                DeployDefaults.none(), DefaultTemplates.none(), S3KeyPattern.compile(S3KeyPattern.DEFAULT),
                new ReleasePolicy(false, Duration.ofHours(72)),
                new DeadlinePolicy(Duration.ofSeconds(27), Optional.empty(), false), "connect-deployer"), settings);
    }

    @Test
    void should_read_every_deploy_default_when_all_deploy_variables_are_set() {
        // given
        Map<String, String> properties = new HashMap<>(Map.of(SECRET_ID, "connect/token",
                "connect.api-url", "https://connect.example.com/", "connect.api-dialect", "deployments",
                "deploy.project", "Demo", "deploy.flow-id", "f-dd0c-73b9", "deploy.app-name", "default_app",
                "deploy.app-version", "v1.1", "deploy.groups", " TestGroup1, TestGroup2 ,,",
                "deploy.filters", "[{\"type\":\"device_state\",\"operand\":\"is\",\"value\":\"online\"}]",
                "deploy.parameters", "{\"region\":\"eu\"}"));
        properties.put("deploy.comment", "from the defaults");

        // when
        DeploySettings settings = parse(properties, false);

        // then
        assertEquals(new DeploySettings(URI.create("https://connect.example.com"), ConnectDialect.DEPLOYMENTS,
                new DeployDefaults("Demo", List.of("TestGroup1", "TestGroup2"),
                        List.of(new Filter("device_state", "is", "online", null, null)), "f-dd0c-73b9",
                        new App("default_app", "v1.1"), Map.of("region", "eu"), "from the defaults", false),
                DefaultTemplates.none(), S3KeyPattern.compile(S3KeyPattern.DEFAULT), new ReleasePolicy(false, Duration.ofHours(72)),
                new DeadlinePolicy(Duration.ofSeconds(27), Optional.empty(), false), "connect-deployer"), settings);
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "connect.api-url      | ftp://connect.example.com | CONNECT_API_URL: 'ftp://connect.example.com' is not an http(s) URL such as https://api.connect.jfrog.io",
            "connect.api-url      | not a url                 | CONNECT_API_URL: 'not a url' is not an http(s) URL such as https://api.connect.jfrog.io",
            "connect.api-dialect  | graphql                   | CONNECT_API_DIALECT: 'graphql' is not one of deploy_update, deployments",
            "connect.max-attempts | 0                         | CONNECT_MAX_ATTEMPTS: must be at least 1, not 0",
            "connect.time-budget  | 0s                        | CONNECT_TIME_BUDGET: must be a positive duration such as 10s",
            "deploy.filters       | '[{\"type\":\"tag\",\"operand\":\"equals\",\"value\":\"x\"}]' | DEPLOY_FILTERS[0].operand: 'equals' is not one of is, is_not",
            "deploy.filters       | '{\"type\":\"tag\"}'      | DEPLOY_FILTERS: must be an array of filter objects, not an object",
            "deploy.parameters    | '{\"port\":22}'           | 'DEPLOY_PARAMETERS.port: must be a string, not a number (quote it: \"22\")'",
            "deploy.parameters    | '{\"url\":\"s3://${buckt}/${key}\"}' | 'DEPLOY_PARAMETERS.url: unknown placeholder ${buckt}; known: ${bucket}, ${key}, ${app}, ${version}, ${tag}, ${repository}, ${release_url}, ${event_id}, ${time}'",
            "deploy.comment       | 'Build ${versoin}'        | 'DEPLOY_COMMENT: unknown placeholder ${versoin}; known: ${bucket}, ${key}, ${app}, ${version}, ${tag}, ${repository}, ${release_url}, ${event_id}, ${time}'",
            "deploy.s3-key-pattern | '(?<app>[^/]+/'          | DEPLOY_S3_KEY_PATTERN: not a valid regular expression (Unclosed group near index 13)",
            "dedupe.namespace     | fleet/a                   | DEDUPE_NAMESPACE: must be a non-empty name without '/' (it ends where the key's '/' is), not 'fleet/a'" })
    void should_name_the_variable_and_what_is_wrong_when_one_value_is_bad(String property, String value, String problem) {
        // when
        InvalidConfigurationException error = parseFails(Map.of(SECRET_ID, "connect/token", property, value));

        // then
        assertEquals("Invalid configuration: " + problem, error.getMessage());
    }

    @Test
    void should_name_both_variables_when_the_dedupe_ttl_is_shorter_than_the_github_replay_window() {
        // when
        InvalidConfigurationException error = parseFails(Map.of(SECRET_ID, "connect/token", "dedupe.table", "dedupe",
                "dedupe.ttl", "24h"));

        // then
        assertEquals("Invalid configuration: DEDUPE_TTL: must cover DEPLOY_GITHUB_MAX_AGE (PT72H), not PT24H, so every "
                + "replayed GitHub delivery is either a duplicate or too old", error.getMessage());
    }

    @ParameterizedTest(name = "DEDUPE_TTL={0}")
    @CsvSource({ "0s", "-1s" })
    void should_name_dedupe_ttl_when_it_is_not_positive_and_a_table_is_set(String ttl) {
        // when
        InvalidConfigurationException error = parseFails(Map.of(SECRET_ID, "connect/token", "dedupe.table", "dedupe",
                "dedupe.ttl", ttl, "deploy.github-max-age", "1s"));

        // then
        assertEquals("Invalid configuration: DEDUPE_TTL: must be a positive duration such as 10s; DEDUPE_TTL: must cover "
                + "DEPLOY_GITHUB_MAX_AGE (PT1S), not " + Duration.parse("PT" + ttl.toUpperCase()) + ", so every replayed GitHub"
                + " delivery is either a duplicate or too old", error.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "neither set                          | ''                 | ''        | connect-deployer",
            "Lambda's function name               | gateway-deployer   | ''        | gateway-deployer",
            "DEDUPE_NAMESPACE over the name       | gateway-deployer   | fleet-a   | fleet-a" })
    void should_namespace_dedupe_keys_by_the_setting_else_the_function_name_else_connect_deployer(String condition,
            String functionName, String namespace, String expected) {
        // given
        Map<String, String> properties = new HashMap<>(Map.of(SECRET_ID, "connect/token"));
        if (!functionName.isEmpty()) {
            properties.put("AWS_LAMBDA_FUNCTION_NAME", functionName);
        }
        if (!namespace.isEmpty()) {
            properties.put("dedupe.namespace", namespace);
        }

        // when
        DeploySettings settings = parse(properties, false);

        // then
        assertEquals(expected, settings.dedupeNamespace());
    }

    @Test
    void should_accept_a_shorter_dedupe_ttl_when_there_is_no_dedupe_table() {
        // when
        DeploySettings settings = parse(Map.of(SECRET_ID, "connect/token", "dedupe.ttl", "1h", "deploy.github-max-age", "2h"), false);

        // then
        assertEquals(new ReleasePolicy(false, Duration.ofHours(2)), settings.github());
    }

    @Test
    void should_quote_the_parser_when_deploy_filters_is_not_json() {
        // when
        InvalidConfigurationException error = parseFails(Map.of(SECRET_ID, "connect/token", "deploy.filters", "online"));

        // then
        assertEquals("Invalid configuration: DEPLOY_FILTERS: not valid JSON (Unrecognized token 'online': was expecting "
                + "(JSON String, Number, Array, Object or token 'null', 'true' or 'false'))", error.getMessage());
    }

    @Test
    void should_report_every_bad_variable_in_one_error_when_several_are_wrong() {
        // given
        Map<String, String> properties = Map.of("connect.api-url", "ftp://connect.example.com",
                "connect.api-dialect", "graphql", "connect.max-attempts", "0",
                "deploy.filters", "[{\"type\":\"device_state\",\"operand\":\"is_not\",\"value\":\"online\"}]",
                "deploy.parameters", "{\"port\":22}");

        // when
        InvalidConfigurationException error = parseFails(properties);

        // then
        assertEquals("Invalid configuration: "
                + "CONNECT_API_URL: 'ftp://connect.example.com' is not an http(s) URL such as https://api.connect.jfrog.io; "
                + "CONNECT_API_DIALECT: 'graphql' is not one of deploy_update, deployments; "
                + "CONNECT_MAX_ATTEMPTS: must be at least 1, not 0; "
                + "CONNECT_TOKEN_SECRET_ID: required (the secret holding the Connect token) unless DEPLOY_DRY_RUN=true; "
                + "DEPLOY_FILTERS[0].operand: a device_state filter takes only the operand 'is'; "
                + "DEPLOY_PARAMETERS.port: must be a string, not a number (quote it: \"22\")", error.getMessage());
    }

    @Test
    void should_require_the_secret_id_when_no_dry_run_is_configured() {
        // when
        InvalidConfigurationException error = parseFails(Map.of());

        // then
        assertEquals("Invalid configuration: CONNECT_TOKEN_SECRET_ID: required (the secret holding the Connect token) "
                + "unless DEPLOY_DRY_RUN=true", error.getMessage());
    }

    @Test
    void should_split_trim_and_drop_empty_names_when_deploy_groups_has_stray_commas_and_spaces() {
        // when
        DeploySettings settings = parse(Map.of(SECRET_ID, "connect/token", "deploy.groups", " a, b ,,"), false);

        // then
        assertEquals(List.of("a", "b"), settings.defaults().groups());
    }

    @ParameterizedTest(name = "devMode {0}, properties {1} -> dry run {2}")
    @CsvSource(delimiter = '|', value = {
            "true  | ''                                     | true",
            "true  | connect.token-secret-id=connect/token  | false",
            "false | deploy.dry-run=true                    | true" })
    void should_dry_run_when_dev_mode_has_no_secret_or_dry_run_is_set(boolean devMode, String property, boolean expected) {
        // given
        Map<String, String> properties = property.isEmpty() ? Map.of()
                : Map.of(property.substring(0, property.indexOf('=')), property.substring(property.indexOf('=') + 1));

        // when
        DeploySettings settings = parse(properties, devMode);

        // then
        assertEquals(expected, settings.defaults().dryRun());
    }
    @Test
    void should_compile_the_templated_values_when_deploy_parameters_and_comment_hold_placeholders() {
        // when
        DeploySettings settings = parse(Map.of(SECRET_ID, "connect/token",
                "deploy.parameters", "{\"url\":\"s3://${bucket}/${key}\",\"region\":\"eu\"}",
                "deploy.comment", "Release ${tag}"), false);

        // then
        assertEquals(List.of("url"), List.copyOf(settings.templates().parameters().keySet()));
        assertEquals("Release ${tag}", settings.templates().comment().source());
    }

    @Test
    void should_take_the_configured_key_pattern_and_prerelease_switch_when_set() {
        // when
        DeploySettings settings = parse(Map.of(SECRET_ID, "connect/token",
                "deploy.s3-key-pattern", "builds/(?<version>[^/]+)\\.bin", "deploy.github-prereleases", "true"), false);

        // then
        assertEquals("builds/(?<version>[^/]+)\\.bin", settings.s3Keys().regex());
        assertEquals(true, settings.github().deployPrereleases());
    }

    @ParameterizedTest(name = "{0}=-1s")
    @CsvSource({ "connect.retry-base-delay, CONNECT_RETRY_BASE_DELAY", "connect.retry-max-delay, CONNECT_RETRY_MAX_DELAY" })
    void should_name_the_variable_when_a_retry_delay_is_negative(String property, String variable) {
        // when
        InvalidConfigurationException error = parseFails(Map.of(SECRET_ID, "connect/token", property, "-1s"));

        // then
        assertEquals("Invalid configuration: " + variable + ": must not be negative", error.getMessage());
    }

    // ---- the deadline --------------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "FUNCTION_TIMEOUT={0} CONNECT_TIME_BUDGET={1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "30s | ''  | 27  | FUNCTION_TIMEOUT 30s less a 3s safety margin",
            "30s | 25s | 25  | CONNECT_TIME_BUDGET, within FUNCTION_TIMEOUT 30s",
            "30s | 28s | 28  | CONNECT_TIME_BUDGET, within FUNCTION_TIMEOUT 30s",
            "''  | 20s | 20  | CONNECT_TIME_BUDGET",
            "''  | ''  | 27  | an assumed function timeout of 30s less a 3s safety margin",
            "15m | ''  | 810 | FUNCTION_TIMEOUT 15m less a 1m30s safety margin" })
    void should_derive_the_deadline_from_the_function_timeout_unless_the_budget_overrides_it(String timeout, String budget,
            long expectedSeconds, String origin) {
        // given
        Map<String, String> properties = new HashMap<>(Map.of(SECRET_ID, "connect/token"));
        if (!timeout.isEmpty()) {
            properties.put("function.timeout", timeout);
        }
        if (!budget.isEmpty()) {
            properties.put("connect.time-budget", budget);
        }

        // when
        DeadlinePolicy deadline = parse(properties, false).deadline();

        // then
        assertEquals(Duration.ofSeconds(expectedSeconds), deadline.budget());
        assertEquals(origin, deadline.origin());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "function.timeout=30s,connect.time-budget=29s | CONNECT_TIME_BUDGET: 29s leaves less than 2s of FUNCTION_TIMEOUT (30s) to end the invocation: at most 28s, or leave it unset (27s)",
            "function.timeout=2s,deploy.dry-run=true       | FUNCTION_TIMEOUT: must be longer than the 2s safety margin, not 2s",
            "function.timeout=10s                          | CONNECT_CONNECT_TIMEOUT + CONNECT_READ_TIMEOUT: 13s do not fit in the invocation's deadline of 8s (FUNCTION_TIMEOUT 10s less a 2s safety margin), so no call to Connect could start: raise the function's timeout or lower CONNECT_READ_TIMEOUT",
            "connect.time-budget=12s                       | CONNECT_CONNECT_TIMEOUT + CONNECT_READ_TIMEOUT: 13s do not fit in the invocation's deadline of 12s (CONNECT_TIME_BUDGET), so no call to Connect could start: raise the function's timeout or lower CONNECT_READ_TIMEOUT" })
    void should_refuse_to_start_when_the_deadline_settings_leave_no_margin_or_no_whole_attempt(String settings, String problem) {
        // given
        Map<String, String> properties = new HashMap<>(Map.of(SECRET_ID, "connect/token"));
        for (String setting : settings.split(",")) {
            properties.put(setting.substring(0, setting.indexOf('=')), setting.substring(setting.indexOf('=') + 1));
        }

        // when
        InvalidConfigurationException error = parseFails(properties);

        // then
        assertEquals("Invalid configuration: " + problem, error.getMessage());
    }

    @Test
    void should_start_with_a_deadline_too_short_for_connect_when_every_deployment_is_a_dry_run() {
        // when
        DeploySettings settings = parse(Map.of("function.timeout", "10s", "deploy.dry-run", "true"), false);

        // then
        assertEquals(Duration.ofSeconds(8), settings.deadline().budget());
    }
}
