package io.connectdeployer.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Secrets stay secret: every answer, error message and log line the fault tests capture is scanned for the
 * Connect token (the first, the current, and each one a test rotated in), the GitHub webhook secret and the
 * bearer token. One assertion over all of it, run after each fault test class.
 */
public final class SecretScan {

    private static final Set<String> ROTATED_TOKENS = new LinkedHashSet<>();
    private static final List<String> CAPTURED = new ArrayList<>();

    private SecretScan() {
    }

    /** A token a test put in the secret; scanned for from then on. */
    public static synchronized String rotatedIn(String token) {
        ROTATED_TOKENS.add(token);
        return token;
    }

    /** An answer or error message the function gave; returned unchanged. */
    public static synchronized String captured(String text) {
        if (text != null) {
            CAPTURED.add(text);
        }
        return text;
    }

    public static synchronized int capturedCount() {
        return CAPTURED.size();
    }

    /** The secrets of the Quarkus tests: tokens, webhook secret, bearer token. */
    public static synchronized Set<String> secrets() {
        Set<String> secrets = new LinkedHashSet<>();
        secrets.add(WireMockStandIns.FIRST_TOKEN);
        secrets.add(WireMockStandIns.currentToken());
        secrets.addAll(ROTATED_TOKENS);
        secrets.add(WireMockStandIns.WEBHOOK_SECRET);
        secrets.add(WireMockStandIns.BEARER_TOKEN);
        return secrets;
    }

    /** Scans target/quarkus-test.log and everything captured so far for every secret. */
    public static synchronized void assertNothingLeaked() {
        List<String> texts = new ArrayList<>(CAPTURED);
        texts.add(Resources.testLog());
        assertNoneIn(texts, secrets(), "target/quarkus-test.log and " + CAPTURED.size() + " captured answers and errors");
    }

    /**
     * A body for a caller not yet authenticated holds nothing only the operator should read: no secret id or ARN,
     * no variable, no IAM hint. Lists what it found.
     */
    public static void assertNothingForOperators(String body, String... secretIds) {
        List<String> found = new ArrayList<>();
        for (String operatorsOnly : List.of("arn:aws", "_SECRET_ID", "AWS_IAM", "secretsmanager")) {
            if (body.contains(operatorsOnly)) {
                found.add(operatorsOnly);
            }
        }
        for (String secretId : secretIds) {
            if (body.contains(secretId)) {
                found.add(secretId);
            }
        }
        assertEquals(List.of(), found, "the answer to an unauthenticated caller holds operator details: " + body);
    }

    /** The one assertion: no text holds any secret. Lists each leak by secret and where it was found. */
    public static void assertNoneIn(Collection<String> texts, Collection<String> secrets, String what) {
        List<String> leaks = new ArrayList<>();
        int index = 0;
        for (String text : texts) {
            for (String secret : secrets) {
                int at = text.indexOf(secret);
                if (at >= 0) {
                    leaks.add("secret #" + List.copyOf(secrets).indexOf(secret) + " in text #" + index + " near: "
                            + text.substring(Math.max(0, at - 80), at).replace('\n', ' ') + "<SECRET>");
                }
            }
            index++;
        }
        assertEquals(List.of(), leaks, "a secret appears in " + what);
    }
}
