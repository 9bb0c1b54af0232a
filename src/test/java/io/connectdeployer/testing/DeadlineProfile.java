package io.connectdeployer.testing;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * A CONNECT_TIME_BUDGET of 1.5 s: long enough for a retry, far shorter than a Retry-After of 30 s. Attempts count
 * 400 ms + 400 ms (the %test read timeout, 1.5 s, would not fit once), and up to 20 of them, so it is the budget,
 * not CONNECT_MAX_ATTEMPTS, that stops the retries.
 */
public class DeadlineProfile implements QuarkusTestProfile {

    public static final long BUDGET_MS = 1500;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("connect.time-budget", BUDGET_MS + "ms", "connect.read-timeout", "400ms", "connect.max-attempts", "20");
    }
}
