package io.connectdeployer.dedupe;

import java.time.Instant;

import io.connectdeployer.error.DeployerException;

/** The same event is being deployed by another invocation right now; retrying later finds its result. */
public class DeploymentInProgressException extends DeployerException {

    public DeploymentInProgressException(String key, Instant until) {
        super("Event '" + key + "' is being deployed by another invocation (claimed until " + until
                + "); nothing was sent. A retry after that returns its result.");
    }

    @Override
    public int httpStatus() {
        return 409;
    }

    @Override
    public boolean retryable() {
        return true;
    }
}
