package io.connectdeployer.connect;

import io.connectdeployer.error.DeployerException;

/** Connect answered 5xx, timed out or could not be reached on every attempt. */
public class ConnectUnavailableException extends DeployerException {

    public ConnectUnavailableException(int attempts, String lastFailure) {
        super("Connect was unavailable on all " + attempts + " attempt(s); last: " + lastFailure
                + ". Check CONNECT_API_URL and Connect's status; the event is kept by Lambda's retry and dead-letter queue.");
    }

    @Override
    public int httpStatus() {
        return 502;
    }
}
