package io.connectdeployer.testing;

import java.util.HashMap;
import java.util.Map;

/**
 * DEPLOY_PARAMETERS and DEPLOY_COMMENT with placeholders, set exactly as a user sets them in Lambda's
 * environment: Quarkus's own ${...} expansion must leave them for the function to fill per event.
 */
public class TemplatesProfile extends TriggerProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
        overrides.put("deploy.parameters", "{\"artifact_url\":\"s3://${bucket}/${key}\",\"region\":\"eu\"}");
        overrides.put("deploy.comment", "${app} ${version} (event ${event_id})");
        return overrides;
    }
}
