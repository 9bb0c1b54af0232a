package io.connectdeployer.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

/** Invokes the function through Quarkus's mock Lambda event server, as the Lambda runtime would. */
public final class Lambda {

    /** Funqy wraps what a function throws; Lambda reports this type and a message that starts with ours. */
    public static final String FUNQY_ERROR = "io.quarkus.funqy.runtime.ApplicationException";

    private Lambda() {
    }

    public static ValidatableResponse invoke(String resource) {
        return invokeJson(Resources.text(resource));
    }

    public static ValidatableResponse invoke(JsonNode event) {
        return invokeJson(event.toString());
    }

    /** An invocation that must end with our exception type at the start of Lambda's error message. */
    public static ValidatableResponse invokeFailing(String resource, String exceptionType) {
        return invoke(resource).statusCode(500)
                .body("errorType", equalTo(FUNQY_ERROR))
                .body("errorMessage", startsWith(exceptionType + ": "));
    }

    /** A Function URL request: the function's answer read as the HTTP response Lambda would send. */
    public static HttpAnswer functionUrl(JsonNode request) {
        JsonPath answer = invoke(request).statusCode(200).extract().jsonPath();
        return new HttpAnswer(answer.getInt("statusCode"), answer.getMap("headers"), answer.getString("body"));
    }

    public static HttpAnswer functionUrl(String resource) {
        return functionUrl(Events.load(resource));
    }

    private static ValidatableResponse invokeJson(String json) {
        return given().contentType("application/json").body(json).when().post().then();
    }

    /** Status, headers and the raw body text, with the body also readable as JSON paths. */
    public record HttpAnswer(int status, Map<String, String> headers, String body) {

        public JsonPath json() {
            return JsonPath.from(body);
        }
    }
}
