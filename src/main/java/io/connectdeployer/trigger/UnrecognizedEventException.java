package io.connectdeployer.trigger;

import io.connectdeployer.error.DeployerException;

/** The event has none of the shapes this function knows; says what it looks like. Nothing was deployed. */
public class UnrecognizedEventException extends DeployerException {

    /**
     * Short enough to read whole in a dead-letter queue's console or an alarm's notification: Lambda's
     * {@code errorMessage}, which is our type's name, ": " and the message, fits in it.
     */
    public static final int MAX_REPORTED_LENGTH = 400;

    private static final int MAX_MESSAGE_LENGTH = MAX_REPORTED_LENGTH - UnrecognizedEventException.class.getName().length() - 2;

    private static final String PREFIX = "Unrecognised event, nothing was deployed: ";
    private static final String SUFFIX = ". Expected a deploy event, an S3 event notification, an EventBridge event or a "
            + "Lambda Function URL request (payload format 2.0)";

    public UnrecognizedEventException(String what) {
        super(PREFIX + ForeignEvents.cut(what, MAX_MESSAGE_LENGTH - PREFIX.length() - SUFFIX.length()) + SUFFIX);
    }

    @Override
    public int httpStatus() {
        return 400;
    }
}
