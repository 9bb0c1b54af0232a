package io.connectdeployer.testing;

import java.util.HashMap;
import java.util.Map;

/** {@link TriggerProfile} with GITHUB_HANDOFF_TARGET set: verified releases go to Lambda's Invoke API (WireMock). */
public class HandOffProfile extends TriggerProfile {

    public static final String TARGET = "arn:aws:lambda:eu-west-1:123456789012:function:connect-deployer:live";
    /** Where the SDK sends Invoke for {@link #TARGET} (the ARN URL-encoded in the path). */
    public static final String INVOKE_PATH = "/2015-03-31/functions/arn%3Aaws%3Alambda%3Aeu-west-1%3A123456789012%3Afunction%3Aconnect-deployer%3Alive/invocations";

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
        overrides.put("github.handoff-target", TARGET);
        return overrides;
    }
}
