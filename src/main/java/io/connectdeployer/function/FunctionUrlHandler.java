package io.connectdeployer.function;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import io.connectdeployer.config.DeploySettings;
import io.connectdeployer.connect.ConnectRateLimitedException;
import io.connectdeployer.error.DeployerException;
import io.connectdeployer.function.DeployResult.Status;
import io.connectdeployer.trigger.Batch;
import io.connectdeployer.trigger.DirectEvents;
import io.connectdeployer.trigger.FunctionUrlRequest;
import io.connectdeployer.trigger.GitHubReleases;
import io.connectdeployer.trigger.JsonBody;
import io.connectdeployer.trigger.RequestRejectedException;
import io.connectdeployer.trigger.Source;

/**
 * Answers a Lambda Function URL request. Every outcome, failures included, is an HTTP response: an error thrown
 * here would reach the caller as Lambda's bare 502, without the reason.
 */
@ApplicationScoped
public class FunctionUrlHandler {

    /** When Connect's 429 named no Retry-After, callers are told to wait this long. */
    static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(30);

    private final DeployRunner runner;
    private final RequestAuthenticator authenticator;
    private final DeploySettings settings;
    private final ObjectMapper mapper;
    private final ObjectReader bodyReader;

    FunctionUrlHandler(DeployRunner runner, RequestAuthenticator authenticator, DeploySettings settings, ObjectMapper mapper) {
        this.runner = runner;
        this.authenticator = authenticator;
        this.settings = settings;
        this.mapper = mapper;
        this.bodyReader = mapper.readerFor(JsonNode.class).with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    public FunctionUrlResponse handle(JsonNode event) {
        long started = System.nanoTime();
        Source source = Source.HTTP;
        try {
            FunctionUrlRequest request = FunctionUrlRequest.parse(event);
            String githubEvent = request.header("x-github-event");
            if (githubEvent == null) {
                authenticator.verifyCaller(request);
                return answer(runner.run(DirectEvents.from(json(request), Source.HTTP)));
            }
            source = Source.GITHUB;
            authenticator.verifyGitHub(request);
            String delivery = request.header("x-github-delivery");
            if ("ping".equals(githubEvent)) {
                return respond(200, Map.of(), new DeployResult(Status.IGNORED, source, delivery, List.of(), null));
            }
            return answer(runner.run(GitHubReleases.from(githubEvent, delivery, json(request), settings.githubPrereleases())));
        } catch (DeployerException refused) {
            InvocationLog.failure(source, null, null, refused, started);
            return respond(refused.httpStatus(), headers(refused),
                    new DeployResult(Status.FAILED, source, null, List.of(), DeployRunner.error(refused)));
        }
    }

    private FunctionUrlResponse answer(DeployRunner.Run run) {
        DeployResult result = run.result();
        return switch (result.status()) {
            case CREATED -> respond(201, Map.of(), result);
            case DRY_RUN, DUPLICATE -> respond(200, Map.of(), result);
            case IGNORED -> respond(202, Map.of(), result);
            // One deployment per HTTP request: its failure decides the status.
            case FAILED, PARTIAL -> respond(run.failures().get(0).httpStatus(), headers(run.failures().get(0)), result);
        };
    }

    private static Map<String, String> headers(DeployerException failure) {
        if (failure instanceof ConnectRateLimitedException limited) {
            return Map.of("retry-after", String.valueOf(limited.retryAfter().orElse(DEFAULT_RETRY_AFTER).toSeconds()));
        }
        if (failure instanceof RequestRejectedException rejected) {
            return rejected.headers();
        }
        return Map.of();
    }

    /** An empty body is an empty deploy event: a bare POST from CI deploys the configured defaults. */
    private JsonNode json(FunctionUrlRequest request) {
        return request.body().length == 0 ? mapper.createObjectNode() : JsonBody.parse(request.body(), bodyReader);
    }

    private FunctionUrlResponse respond(int status, Map<String, String> extra, DeployResult result) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("content-type", "application/json");
        headers.putAll(extra);
        try {
            return new FunctionUrlResponse(status, headers, mapper.writeValueAsString(result));
        } catch (JsonProcessingException impossible) {
            // Our own records always serialise; keep the answer well-formed even so.
            return new FunctionUrlResponse(500, headers, "{\"status\":\"failed\"}");
        }
    }
}
