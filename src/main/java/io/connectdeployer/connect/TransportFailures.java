package io.connectdeployer.connect;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;

import javax.net.ssl.SSLHandshakeException;

/**
 * Reads a failed call's causes for whether the request can have left the function. Only failures that happen before
 * a connection carries any byte of the request count as "not sent": anything else (timeouts while waiting, resets,
 * closed connections, malformed answers) may come after Connect read the request, and is treated as sent.
 */
final class TransportFailures {

    private TransportFailures() {
    }

    /** Netty's connect timeout and Vert.x's refused connection both extend {@link ConnectException}. */
    static boolean beforeSending(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof UnknownHostException
                    || cause instanceof NoRouteToHostException || cause instanceof SSLHandshakeException) {
                return true;
            }
        }
        return false;
    }

    /** The innermost cause, named: what the log and the error message say happened. */
    static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : " (" + message + ")");
    }
}
