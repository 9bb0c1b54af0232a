package io.connectdeployer.url;

import java.util.Map;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** What a Lambda Function URL turns into the HTTP response: status, headers, and the JSON body as text. */
@RegisterForReflection
public record FunctionUrlResponse(int statusCode, Map<String, String> headers, String body) {

    public FunctionUrlResponse {
        headers = Map.copyOf(headers);
    }
}
