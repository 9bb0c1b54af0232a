package io.connectdeployer.function;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.connectdeployer.error.DeployerException;
import io.connectdeployer.function.DeployResult.Deployment;

/**
 * Some deployments of a multi-record event failed in a way a retry could fix (or none succeeded): the invocation
 * fails so Lambda retries it and, in the end, the dead-letter queue keeps it. Lists every entry's outcome.
 */
public class DeploymentsFailedException extends DeployerException {

    /** @param names what each entry is about ({@code s3://bucket/key}), in the order of the result's deployments */
    public DeploymentsFailedException(List<String> names, DeployResult result) {
        super(result.deployments().size() + " deployments, not all started: " + IntStream.range(0, result.deployments().size())
                .mapToObj(index -> entry(index < names.size() ? names.get(index) : null, result.deployments().get(index)))
                .collect(Collectors.joining("; ")));
    }

    private static String entry(String name, Deployment d) {
        return (name == null ? "?" : name) + " " + d.status().json()
                + (d.error() == null ? "" : " (" + d.error().type() + ": " + d.error().message() + ")");
    }

    @Override
    public int httpStatus() {
        return 502;
    }
}
