package io.connectdeployer.route;

/** The routing table could not be read (throttled, denied, unreachable); the message says what to do. */
public class RoutesUnavailableException extends RuntimeException {

    public RoutesUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
