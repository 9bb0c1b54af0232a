package io.connectdeployer.route;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.connectdeployer.deadline.Deadline;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.GetParametersByPathResponse;
import software.amazon.awssdk.services.ssm.model.Parameter;
import software.amazon.awssdk.services.ssm.model.SsmException;

/**
 * GetParametersByPath through the AWS SDK, one page after another (10 parameters a page, SSM's maximum), with
 * decryption, so a route may be a SecureString. AWS_ENDPOINT_URL_SSM or AWS_ENDPOINT_URL point it at an emulator.
 */
public final class SsmRouteReader implements RouteReader {

    private final SsmClient client;

    public SsmRouteReader(SsmClient client) {
        this.client = client;
    }

    @Override
    public Map<String, String> read(String path, Deadline deadline) {
        String what = "reading the routes under " + path;
        Map<String, String> parameters = new LinkedHashMap<>();
        String next = null;
        try {
            do {
                // Each page gets what is left of the deadline, as a secret read does.
                Duration timeout = deadline.timeoutFor(what);
                String token = next;
                GetParametersByPathResponse page = client.getParametersByPath(request -> request.path(path)
                        .recursive(false).withDecryption(true).maxResults(10).nextToken(token)
                        .overrideConfiguration(call -> call.apiCallTimeout(timeout)));
                for (Parameter parameter : page.parameters()) {
                    parameters.put(parameter.name(), parameter.value());
                }
                next = page.nextToken();
            } while (next != null && !next.isEmpty());
        } catch (SsmException refused) {
            String code = refused.awsErrorDetails() == null ? "" + refused.statusCode() : refused.awsErrorDetails().errorCode();
            if (refused.isThrottlingException() || refused.statusCode() >= 500) {
                throw new RoutesUnavailableException("The routes under " + path + " could not be read: SSM answered " + code
                        + " (HTTP " + refused.statusCode() + ") after the SDK's retries; a later read should succeed", refused);
            }
            throw new RoutesUnavailableException("The routes under " + path + " could not be read (" + code + "): grant the "
                    + "function ssm:GetParametersByPath on that path (and kms:Decrypt on the key of SecureString routes)", refused);
        } catch (ApiCallTimeoutException cut) {
            throw deadline.exceeded("while " + what, cut);
        } catch (SdkClientException unreachable) {
            throw new RoutesUnavailableException("SSM could not be reached for the routes under " + path + ": "
                    + unreachable.getMessage(), unreachable);
        }
        return parameters;
    }
}
