package io.connectdeployer.connect;

import io.connectdeployer.deploy.DeployRequest;

/** One POST to Connect, no retries: the edge between the pure core and the network. */
public interface ConnectClient {

    /**
     * Sends the deployment with this token.
     *
     * @throws ConnectTransportException when no HTTP answer came back (timeout, refused, reset)
     */
    ConnectReply deploy(DeployRequest request, String token);

    /** Loads the request path once at init without sending anything anywhere; a no-op where there is nothing to load. */
    default void prime(DeployRequest sample) {
    }
}
