package io.connectdeployer.trigger;

import java.util.Map;

import io.connectdeployer.error.DeployerException;

/** A Function URL request refused before any deployment: wrong method, too large, unauthenticated, unreadable. */
public class RequestRejectedException extends DeployerException {

    private final int status;
    private final Map<String, String> headers;

    public RequestRejectedException(int status, String message) {
        this(status, message, Map.of());
    }

    public RequestRejectedException(int status, String message, Map<String, String> headers) {
        super(message);
        this.status = status;
        this.headers = Map.copyOf(headers);
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
