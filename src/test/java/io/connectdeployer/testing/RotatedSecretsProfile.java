package io.connectdeployer.testing;

import java.util.HashMap;
import java.util.Map;

/**
 * The Function URL guarded by a webhook secret and a bearer token that hold their values from before a rotation:
 * read and cached at init, so a test can rotate them (a newer stub for the same id) and see what the function
 * does with a caller who already has the new value. Its own application: the cached values are its state.
 * (The ids are named apart from {@link WireMockStandIns}'s, which the stand-ins below inherit and would shadow.)
 */
public class RotatedSecretsProfile extends OwnStandInsProfile {

    public static final String ROTATED_WEBHOOK_ID = "connect-deployer/rotated-webhook";
    public static final String ROTATED_BEARER_ID = "connect-deployer/rotated-bearer";
    public static final String WEBHOOK_SECRET_BEFORE = "webhook-secret-before-rotation";
    public static final String BEARER_TOKEN_BEFORE = "bearer-token-before-rotation";

    @Override
    protected Class<StandIns> standIns() {
        return StandIns.class;
    }

    /** {@link WireMockStandIns} plus both secrets with their values from before the rotation. */
    public static class StandIns extends WireMockStandIns {

        @Override
        public Map<String, String> start() {
            Map<String, String> config = new HashMap<>(super.start());
            server().stubFor(SecretsManagerStubs.getSecretValue(ROTATED_WEBHOOK_ID)
                    .willReturn(SecretsManagerStubs.secretString(ROTATED_WEBHOOK_ID, WEBHOOK_SECRET_BEFORE)));
            server().stubFor(SecretsManagerStubs.getSecretValue(ROTATED_BEARER_ID)
                    .willReturn(SecretsManagerStubs.secretString(ROTATED_BEARER_ID, BEARER_TOKEN_BEFORE)));
            config.put("github.webhook-secret-id", ROTATED_WEBHOOK_ID);
            config.put("http.bearer-secret-id", ROTATED_BEARER_ID);
            config.put("deploy.project", "Demo");
            config.put("deploy.flow-id", TriggerProfile.FLOW_ID);
            return config;
        }
    }
}
