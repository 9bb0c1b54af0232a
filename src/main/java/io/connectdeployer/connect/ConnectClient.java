package io.connectdeployer.connect;

import io.connectdeployer.deploy.DeployRequest;

/** One call to Connect, no retries: the edge between the pure core and the network. */
public interface ConnectClient {

    /**
     * Sends the deployment with this token.
     *
     * @throws ConnectTransportException when no HTTP answer came back (timeout, refused, reset), saying whether the
     *         request may have reached Connect
     */
    ConnectReply deploy(DeployRequest request, String token);

    /**
     * Reads one page of the fleet's deployments ({@code GET /api/v2/{project}/deployments}); {@code after} is the
     * page token, null for the first.
     *
     * @throws ConnectTransportException when no HTTP answer came back
     */
    ConnectReply listDeployments(String project, String after, int limit, String token);

    /** Loads the request path once at init without sending anything anywhere; a no-op where there is nothing to load. */
    default void prime(DeployRequest sample) {
    }
}
