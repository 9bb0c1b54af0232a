package io.connectdeployer.connect;

/**
 * No HTTP answer from Connect. {@code requestSent} tells the two cases apart: false when the request cannot have
 * reached Connect (connection refused or timed out, name not resolved, TLS handshake failed), so sending it again is
 * safe; true when it may have (a read timeout, a reset or a broken answer after the request went out), so Connect may
 * have started the deployment and sending it again could start a second one.
 */
public class ConnectTransportException extends RuntimeException {

    private final boolean requestSent;

    public ConnectTransportException(String message, Throwable cause, boolean requestSent) {
        super(message, cause);
        this.requestSent = requestSent;
    }

    public boolean requestSent() {
        return requestSent;
    }
}
