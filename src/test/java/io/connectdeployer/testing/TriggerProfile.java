package io.connectdeployer.testing;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Trigger events carry no project or flow: the defaults name them, as DEPLOY_PROJECT and DEPLOY_FLOW_ID would
 * in Lambda. The Function URL is guarded by both secrets.
 */
public class TriggerProfile implements QuarkusTestProfile {

    public static final String FLOW_ID = "f-trigger-0001";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "deploy.project", "Demo",
                "deploy.flow-id", FLOW_ID,
                "github.webhook-secret-id", WireMockStandIns.WEBHOOK_SECRET_ID,
                "http.bearer-secret-id", WireMockStandIns.BEARER_SECRET_ID);
    }
}
