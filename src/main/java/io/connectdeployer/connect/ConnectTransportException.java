package io.connectdeployer.connect;

/** No HTTP answer from Connect (timeout, connection refused or reset); worth a retry. */
public class ConnectTransportException extends RuntimeException {

    public ConnectTransportException(String message, Throwable cause) {
        super(message, cause);
    }
}
