package io.connectdeployer.error;

import io.connectdeployer.connect.ConnectCalls;

/**
 * A failure with a message a user can act on. Its class name is the error type Lambda reports to the caller and
 * to the dead-letter target, so each subclass names one thing that went wrong. Messages never hold a secret.
 */
public abstract class DeployerException extends RuntimeException {

    protected DeployerException(String message) {
        super(message, null, false, false);
    }

    protected DeployerException(String message, Throwable cause) {
        super(message, cause, false, false);
    }

    private int attempts;
    private ConnectCalls connectCalls;

    /** How many calls to Connect this failure took; 0 when it ended before calling Connect. */
    public int attempts() {
        return attempts;
    }

    /** Records the calls to Connect made before this failure, for the log line and the result. */
    public DeployerException afterAttempts(int count) {
        this.attempts = count;
        return this;
    }

    /** What the calls to Connect cost before this failure, for the metrics; null when it ended before the Connect path. */
    public ConnectCalls connectCalls() {
        return connectCalls;
    }

    /** Records what the calls to Connect cost, as the failure leaves the Connect path. */
    public DeployerException withConnectCalls(ConnectCalls calls) {
        this.connectCalls = calls;
        return this;
    }

    /** What the log line says: the message, and in some failures what only the operator should read. */
    public String logMessage() {
        return getMessage();
    }

    /** The HTTP status a Function URL caller gets for this failure. */
    public abstract int httpStatus();

    /** True when the same event may succeed later (Connect busy or down, a secret not yet readable). */
    public boolean retryable() {
        return httpStatus() >= 500 || httpStatus() == 429;
    }
}
