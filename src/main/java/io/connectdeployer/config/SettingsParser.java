package io.connectdeployer.config;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.PatternSyntaxException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.connectdeployer.connect.ConnectDialect;
import io.connectdeployer.deadline.Deadline;
import io.connectdeployer.deadline.DeadlinePolicy;
import io.connectdeployer.deploy.App;
import io.connectdeployer.deploy.DefaultTemplates;
import io.connectdeployer.deploy.DeployDefaults;
import io.connectdeployer.deploy.Filter;
import io.connectdeployer.deploy.Problem;
import io.connectdeployer.event.FilterReader;
import io.connectdeployer.event.JsonFields;
import io.connectdeployer.trigger.ReleasePolicy;
import io.connectdeployer.trigger.S3KeyPattern;

/** Turns the raw CONNECT_* and DEPLOY_* values into {@link DeploySettings}, reporting every bad variable by name. */
public final class SettingsParser {

    private final ObjectMapper mapper;
    private final List<String> problems = new ArrayList<>();

    private SettingsParser(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * @param devMode in {@code quarkus:dev} an unset DEPLOY_DRY_RUN means "dry run unless a token secret is set",
     *        so the quick start works without AWS; everywhere else it means false
     */
    public static DeploySettings parse(ConnectConfig connect, DeployConfig deploy, DedupeConfig dedupe, FunctionConfig function,
            boolean devMode, ObjectMapper mapper) {
        return new SettingsParser(mapper).parse(connect, deploy, dedupe, function, devMode);
    }

    private DeploySettings parse(ConnectConfig connect, DeployConfig deploy, DedupeConfig dedupe, FunctionConfig function,
            boolean devMode) {
        URI apiUrl = apiUrl(connect.apiUrl());
        ConnectDialect dialect = ConnectDialect.fromSetting(connect.apiDialect()).orElse(null);
        if (dialect == null) {
            problems.add("CONNECT_API_DIALECT: '" + connect.apiDialect() + "' is not one of " + ConnectDialect.settings());
        }
        if (connect.maxAttempts() < 1) {
            problems.add("CONNECT_MAX_ATTEMPTS: must be at least 1, not " + connect.maxAttempts());
        }
        positive("CONNECT_CONNECT_TIMEOUT", connect.connectTimeout());
        positive("CONNECT_READ_TIMEOUT", connect.readTimeout());
        DeadlinePolicy deadline = DeadlinePolicy.resolve(function.timeout(), connect.timeBudget(), problems);
        notNegative("CONNECT_TOKEN_TTL", connect.tokenTtl());
        notNegative("CONNECT_RETRY_BASE_DELAY", connect.retryBaseDelay());
        notNegative("CONNECT_RETRY_MAX_DELAY", connect.retryMaxDelay());
        notNegative("CONNECT_SETTLE_TIME", connect.settleTime());
        boolean dryRun = deploy.dryRun().orElse(devMode && connect.tokenSecretId().isEmpty());
        if (!dryRun && connect.tokenSecretId().isEmpty()) {
            problems.add("CONNECT_TOKEN_SECRET_ID: required (the secret holding the Connect token) unless DEPLOY_DRY_RUN=true");
        }
        Duration attempt = connect.connectTimeout().plus(connect.readTimeout());
        if (!dryRun && deadline.budget().compareTo(Duration.ZERO) > 0 && attempt.compareTo(deadline.budget()) > 0) {
            // An attempt starts only when its timeouts fit in what is left, so none ever would.
            problems.add("CONNECT_CONNECT_TIMEOUT + CONNECT_READ_TIMEOUT: " + Deadline.text(attempt) + " do not fit in the "
                    + "invocation's deadline of " + Deadline.text(deadline.budget()) + " (" + deadline.origin()
                    + "), so no call to Connect could start: raise the function's timeout or lower CONNECT_READ_TIMEOUT");
        }
        App app = deploy.appName().isPresent() || deploy.appVersion().isPresent()
                ? new App(deploy.appName().orElse(null), deploy.appVersion().orElse(null))
                : null;
        DeployDefaults defaults = new DeployDefaults(
                deploy.project().orElse(null),
                deploy.groups().map(SettingsParser::commaSeparated).orElse(List.of()),
                deploy.filters().map(this::filters).orElse(List.of()),
                deploy.flowId().orElse(null),
                app,
                deploy.parameters().map(this::parameters).orElse(Map.of()),
                deploy.comment().orElse(null),
                dryRun);
        List<Problem> templateProblems = new ArrayList<>();
        DefaultTemplates templates = DefaultTemplates.compile(defaults, templateProblems);
        templateProblems.forEach(problem -> problems.add(problem.toString()));
        S3KeyPattern s3Keys = s3Keys(deploy.s3KeyPattern());
        if (s3Keys != null && deploy.routesPath().isPresent()) {
            s3Keys = s3Keys.routed();
        }
        positive("DEPLOY_GITHUB_MAX_AGE", deploy.githubMaxAge());
        deploy.routesPath().ifPresent(path -> {
            // GetParametersByPath wants a full path: one that starts with '/'; the routes are the parameters below it.
            if (!path.startsWith("/") || path.length() < 2 || path.contains("//")) {
                problems.add("DEPLOY_ROUTES_PATH: must be an SSM parameter path such as /connect-deployer/routes, not '" + path + "'");
            }
            positive("DEPLOY_ROUTES_TTL", deploy.routesTtl());
        });
        if (dedupe.table().isPresent()) {
            // Zero or less would keep no result at all: every duplicate would deploy again, without a word.
            positive("DEDUPE_TTL", dedupe.ttl());
        }
        if (dedupe.namespace().isBlank() || dedupe.namespace().contains("/")) {
            problems.add("DEDUPE_NAMESPACE: must be a non-empty name without '/' (it ends where the key's '/' is), not '"
                    + dedupe.namespace() + "'");
        }
        if (dedupe.table().isPresent() && dedupe.ttl().compareTo(deploy.githubMaxAge()) < 0) {
            // A replay inside the window must find the first delivery's record, or it would deploy again.
            problems.add("DEDUPE_TTL: must cover DEPLOY_GITHUB_MAX_AGE (" + deploy.githubMaxAge() + "), not "
                    + dedupe.ttl() + ", so every replayed GitHub delivery is either a duplicate or too old");
        }
        if (!problems.isEmpty()) {
            throw new InvalidConfigurationException(problems);
        }
        return new DeploySettings(apiUrl, dialect, defaults, templates, s3Keys,
                new ReleasePolicy(deploy.githubPrereleases(), deploy.githubMaxAge()), deadline, dedupe.namespace());
    }

    private URI apiUrl(String value) {
        try {
            URI uri = URI.create(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
            if (uri.getHost() != null && ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
                return uri;
            }
        } catch (IllegalArgumentException malformed) {
            // reported below
        }
        problems.add("CONNECT_API_URL: '" + value + "' is not an http(s) URL such as https://api.connect.jfrog.io");
        return null;
    }

    private S3KeyPattern s3Keys(String regex) {
        try {
            return S3KeyPattern.compile(regex);
        } catch (PatternSyntaxException invalid) {
            problems.add("DEPLOY_S3_KEY_PATTERN: not a valid regular expression (" + invalid.getDescription()
                    + " near index " + invalid.getIndex() + ")");
            return null;
        }
    }

    private void positive(String variable, Duration value) {
        if (value.isNegative() || value.isZero()) {
            problems.add(variable + ": must be a positive duration such as 10s");
        }
    }

    private void notNegative(String variable, Duration value) {
        if (value.isNegative()) {
            problems.add(variable + ": must not be negative");
        }
    }

    private List<Filter> filters(String json) {
        List<Problem> found = new ArrayList<>();
        List<Filter> filters = readJson("DEPLOY_FILTERS", json)
                .map(node -> FilterReader.read(node, "DEPLOY_FILTERS", found))
                .orElse(List.of());
        found.forEach(problem -> problems.add(problem.toString()));
        return filters;
    }

    private Map<String, String> parameters(String json) {
        List<Problem> found = new ArrayList<>();
        Map<String, String> parameters = readJson("DEPLOY_PARAMETERS", json)
                .map(node -> JsonFields.textMap(node, "DEPLOY_PARAMETERS", found))
                .orElse(null);
        found.forEach(problem -> problems.add(problem.toString()));
        return parameters == null ? Map.of() : parameters;
    }

    private Optional<JsonNode> readJson(String variable, String json) {
        try {
            return Optional.of(mapper.readTree(json));
        } catch (JsonProcessingException malformed) {
            problems.add(variable + ": not valid JSON (" + malformed.getOriginalMessage() + ")");
            return Optional.empty();
        }
    }

    private static List<String> commaSeparated(String value) {
        return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
