package io.connectdeployer.trigger;

import java.util.Map;

import io.connectdeployer.error.DeployerException;

/**
 * A Function URL request refused before any deployment: wrong method, too large, unauthenticated, unreadable.
 * The message goes to a caller not yet authenticated; what only the operator should read is a log-only detail.
 */
public class RequestRejectedException extends DeployerException {

    private final int status;
    private final Map<String, String> headers;
    private final String logDetail;

    public RequestRejectedException(int status, String message) {
        this(status, message, Map.of());
    }

    public RequestRejectedException(int status, String message, Map<String, String> headers) {
        this(status, message, headers, null);
    }

    /** @param logDetail for the log line only (a secret's id, a variable, an IAM hint); null for none */
    public RequestRejectedException(int status, String message, Map<String, String> headers, String logDetail) {
        super(message);
        this.status = status;
        this.headers = Map.copyOf(headers);
        this.logDetail = logDetail;
    }

    @Override
    public String logMessage() {
        return logDetail == null ? getMessage() : getMessage() + " (" + logDetail + ")";
    }

    /** Extra response headers, e.g. {@code allow} on a 405. */
    public Map<String, String> headers() {
        return headers;
    }

    @Override
    public int httpStatus() {
        return status;
    }
}
