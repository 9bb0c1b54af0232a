package io.connectdeployer.function;

import java.util.stream.Collectors;

import io.connectdeployer.error.DeployerException;

/**
 * Some deployments of a multi-record event failed in a way a retry could fix (or none succeeded): the invocation
 * fails so Lambda retries it and, in the end, the dead-letter queue keeps it. Lists every entry's outcome.
 */
public class DeploymentsFailedException extends DeployerException {

    public DeploymentsFailedException(DeployResult result) {
        super(result.deployments().size() + " deployments, not all started: " + result.deployments().stream()
                .map(d -> (d.eventId() == null ? "?" : d.eventId()) + " " + d.status().json()
                        + (d.error() == null ? "" : " (" + d.error().type() + ": " + d.error().message() + ")"))
                .collect(Collectors.joining("; ")));
    }

    @Override
    public int httpStatus() {
        return 502;
    }
}
