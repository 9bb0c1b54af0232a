package io.connectdeployer.testing;

import java.util.HashMap;
import java.util.Map;

/**
 * CONNECT_TOKEN_SECRET_ID names a secret Secrets Manager does not have (ResourceNotFoundException from the first
 * read, at init), and CONNECT_TOKEN_TTL is 0 so every invocation reads it again: a test can then make the secret
 * throttled, denied or present between invocations. GITHUB_WEBHOOK_SECRET_ID and HTTP_BEARER_SECRET_ID name missing
 * secrets too, so nothing is cached and each Function URL request reads them. Set by the profile's own stand-in,
 * which registers the not-found answers before the application starts; see {@link RefusedConnectProfile} for why
 * not a config override.
 */
public class MissingSecretProfile extends OwnStandInsProfile {

    public static final String MISSING_SECRET_ID = "connect-deployer/missing-token";
    public static final String MISSING_WEBHOOK_SECRET_ID = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:missing-webhook-AbCdEf";
    public static final String MISSING_BEARER_SECRET_ID = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:missing-bearer-AbCdEf";

    @Override
    protected Class<StandIns> standIns() {
        return StandIns.class;
    }

    /** {@link WireMockStandIns} whose token, webhook and bearer secret ids answer ResourceNotFoundException. */
    public static class StandIns extends WireMockStandIns {

        @Override
        public Map<String, String> start() {
            Map<String, String> config = new HashMap<>(super.start());
            for (String secretId : new String[] { MISSING_SECRET_ID, MISSING_WEBHOOK_SECRET_ID, MISSING_BEARER_SECRET_ID }) {
                server().stubFor(SecretsManagerStubs.getSecretValue(secretId).willReturn(SecretsManagerStubs.notFound()));
            }
            config.put("connect.token-secret-id", MISSING_SECRET_ID);
            config.put("connect.token-ttl", "0s");
            config.put("github.webhook-secret-id", MISSING_WEBHOOK_SECRET_ID);
            config.put("http.bearer-secret-id", MISSING_BEARER_SECRET_ID);
            return config;
        }
    }
}
