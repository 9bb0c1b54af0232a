package io.connectdeployer.testing;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** A CONNECT_TIME_BUDGET of 1.5 s: long enough for a retry, far shorter than a Retry-After of 30 s. */
public class DeadlineProfile implements QuarkusTestProfile {

    public static final long BUDGET_MS = 1500;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("connect.time-budget", BUDGET_MS + "ms");
    }
}
