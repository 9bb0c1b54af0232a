package io.connectdeployer.trigger;

import io.connectdeployer.error.DeployerException;

/** The event has none of the shapes this function knows; names what it saw. Nothing was deployed. */
public class UnrecognizedEventException extends DeployerException {

    public UnrecognizedEventException(String what) {
        super("Unrecognised event, nothing was deployed: " + what + ". Expected a deploy event, an S3 event "
                + "notification, an EventBridge event or a Lambda Function URL request (payload format 2.0)");
    }

    @Override
    public int httpStatus() {
        return 400;
    }
}
