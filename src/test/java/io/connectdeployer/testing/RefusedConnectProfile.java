package io.connectdeployer.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;


/**
 * Connect at a loopback port nothing listens on, so every attempt is refused; Secrets Manager is still WireMock.
 * The URL is set by the profile's own stand-in (see {@link OwnStandInsProfile} for why).
 */
public class RefusedConnectProfile extends OwnStandInsProfile {

    @Override
    protected Class<StandIns> standIns() {
        return StandIns.class;
    }

    /** {@link WireMockStandIns} with {@code connect.api-url} moved to a closed port. */
    public static class StandIns extends WireMockStandIns {

        @Override
        public Map<String, String> start() {
            Map<String, String> config = new HashMap<>(super.start());
            config.put("connect.api-url", "http://127.0.0.1:" + closedPort());
            return config;
        }

        /** A port that was free a moment ago; bound and released, so nothing listens on it. */
        private static int closedPort() {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
