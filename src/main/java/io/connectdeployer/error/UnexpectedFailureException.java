package io.connectdeployer.error;

/**
 * Something failed that no {@link DeployerException} describes: a bug. The caller is told only that; the exception
 * itself, with its stack trace, goes to the function's log.
 */
public class UnexpectedFailureException extends DeployerException {

    public UnexpectedFailureException(RuntimeException cause) {
        super("The function failed unexpectedly; its log has the details. Any claim on the event was released, so a"
                + " retry may deploy it.", cause);
    }

    @Override
    public String logMessage() {
        return getMessage() + " (" + getCause() + ")";
    }

    @Override
    public int httpStatus() {
        return 500;
    }
}
