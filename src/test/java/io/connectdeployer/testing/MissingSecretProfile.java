package io.connectdeployer.testing;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

import com.github.tomakehurst.wiremock.client.WireMock;


/**
 * CONNECT_TOKEN_SECRET_ID names a secret Secrets Manager does not have (ResourceNotFoundException from the first
 * read, at init), and CONNECT_TOKEN_TTL is 0 so every invocation reads it again: a test can then make the secret
 * throttled, denied or present between invocations. Set by the profile's own stand-in, which registers the
 * not-found answer before the application starts; see {@link RefusedConnectProfile} for why not a config override.
 */
public class MissingSecretProfile extends OwnStandInsProfile {

    public static final String MISSING_SECRET_ID = "connect-deployer/missing-token";

    @Override
    protected Class<StandIns> standIns() {
        return StandIns.class;
    }

    /** {@link WireMockStandIns} whose token secret id answers ResourceNotFoundException. */
    public static class StandIns extends WireMockStandIns {

        @Override
        public Map<String, String> start() {
            Map<String, String> config = new HashMap<>(super.start());
            URI server = URI.create(config.get("connect.api-url"));
            new WireMock(server.getHost(), server.getPort()).register(
                    SecretsManagerStubs.getSecretValue(MISSING_SECRET_ID).willReturn(SecretsManagerStubs.notFound()));
            config.put("connect.token-secret-id", MISSING_SECRET_ID);
            config.put("connect.token-ttl", "0s");
            return config;
        }
    }
}
