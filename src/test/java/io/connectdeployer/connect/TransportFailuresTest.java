package io.connectdeployer.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;

import javax.net.ssl.SSLHandshakeException;

import jakarta.ws.rs.ProcessingException;

import org.junit.jupiter.api.Test;

import io.netty.channel.ConnectTimeoutException;
import io.vertx.core.http.HttpClosedException;

class TransportFailuresTest {

    private static ProcessingException wrapped(Throwable cause) {
        return new ProcessingException(cause);
    }

    @Test
    void should_count_failures_before_a_connection_carried_the_request_as_not_sent() {
        assertTrue(TransportFailures.beforeSending(wrapped(new ConnectException("Connection refused"))));
        assertTrue(TransportFailures.beforeSending(wrapped(new ConnectTimeoutException("connection timed out: connect.example.com"))));
        assertTrue(TransportFailures.beforeSending(wrapped(new UnknownHostException("connect.example.com"))));
        assertTrue(TransportFailures.beforeSending(wrapped(new NoRouteToHostException("No route to host"))));
        assertTrue(TransportFailures.beforeSending(wrapped(new SSLHandshakeException("PKIX path building failed"))));
    }

    @Test
    void should_count_everything_after_the_connection_as_maybe_sent() {
        assertFalse(TransportFailures.beforeSending(wrapped(new SocketTimeoutException("Read timed out"))));
        assertFalse(TransportFailures.beforeSending(wrapped(new TimeoutException("The timeout period of 400ms has been exceeded"))));
        assertFalse(TransportFailures.beforeSending(wrapped(new SocketException("Connection reset"))));
        assertFalse(TransportFailures.beforeSending(wrapped(new HttpClosedException("Connection was closed"))));
        assertFalse(TransportFailures.beforeSending(wrapped(new IOException("Broken pipe"))));
    }

    @Test
    void should_name_the_innermost_cause_and_its_message() {
        assertEquals("SocketException (Connection reset)",
                TransportFailures.describe(wrapped(new IOException("outer", new SocketException("Connection reset")))));
        assertEquals("TimeoutException", TransportFailures.describe(wrapped(new TimeoutException())));
    }
}
