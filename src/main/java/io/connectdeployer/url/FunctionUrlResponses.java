package io.connectdeployer.url;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.connectdeployer.connect.ConnectRateLimitedException;
import io.connectdeployer.error.DeployerException;
import io.connectdeployer.function.DeployResult;
import io.connectdeployer.function.DeployResult.Status;
import io.connectdeployer.function.DeployRunner;
import io.connectdeployer.trigger.RequestRejectedException;
import io.connectdeployer.trigger.Source;

/** Turns results and failures into Function URL responses: one status per outcome, the result as the JSON body. */
@ApplicationScoped
public class FunctionUrlResponses {

    /** When Connect's 429 named no Retry-After, callers are told to wait this long. */
    static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(30);

    private final ObjectMapper mapper;

    public FunctionUrlResponses(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    FunctionUrlResponse answer(DeployRunner.Run run) {
        DeployResult result = run.result();
        return switch (result.status()) {
            case CREATED -> respond(201, Map.of(), result);
            case DRY_RUN, DUPLICATE -> respond(200, Map.of(), result);
            case ACCEPTED, IGNORED -> respond(202, Map.of(), result);
            // One deployment per HTTP request: its failure decides the status.
            case FAILED, PARTIAL, UNCERTAIN -> respond(run.failures().get(0).httpStatus(), headers(run.failures().get(0)), result);
        };
    }

    /** A request refused before any deployment was planned. */
    FunctionUrlResponse refused(Source source, String eventId, DeployerException refused) {
        return respond(refused.httpStatus(), headers(refused),
                new DeployResult(Status.FAILED, source, eventId, List.of(), DeployRunner.error(refused)));
    }

    FunctionUrlResponse respond(int status, Map<String, String> extra, DeployResult result) {
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

    private static Map<String, String> headers(DeployerException failure) {
        if (failure instanceof ConnectRateLimitedException limited) {
            return Map.of("retry-after", String.valueOf(limited.retryAfter().orElse(DEFAULT_RETRY_AFTER).toSeconds()));
        }
        if (failure instanceof RequestRejectedException rejected) {
            return rejected.headers();
        }
        return Map.of();
    }
}
