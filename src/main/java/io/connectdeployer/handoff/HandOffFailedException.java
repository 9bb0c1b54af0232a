package io.connectdeployer.handoff;

import io.connectdeployer.error.DeployerException;

/** The release could not be handed to the asynchronous invocation; GitHub shows the delivery as failed (503). */
public class HandOffFailedException extends DeployerException {

    public HandOffFailedException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public int httpStatus() {
        return 503;
    }
}
