package io.connectdeployer.connect;

import io.connectdeployer.error.DeployerException;

/** Connect refused the deployment (400 and other final 4xx); retrying the same request cannot help. */
public class ConnectRejectedException extends DeployerException {

    private final int connectStatus;

    public ConnectRejectedException(int connectStatus, String errorMessage) {
        super("Connect rejected the deployment (HTTP " + connectStatus + "): " + errorMessage
                + ". Not retried: fix the event or the DEPLOY_* defaults.");
        this.connectStatus = connectStatus;
    }

    public int connectStatus() {
        return connectStatus;
    }

    @Override
    public int httpStatus() {
        return connectStatus == 400 ? 400 : 502;
    }

    /** Connect refused this request for what it is; sending it again gets the same answer. */
    @Override
    public boolean retryable() {
        return false;
    }
}
