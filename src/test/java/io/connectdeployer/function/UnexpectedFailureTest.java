package io.connectdeployer.function;

import static io.connectdeployer.testing.Lambda.FUNQY_ERROR;
import static io.connectdeployer.testing.Lambda.functionUrl;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.connectdeployer.testing.Events;
import io.connectdeployer.testing.InMemoryDeduplicationStore;
import io.connectdeployer.testing.Lambda;
import io.connectdeployer.testing.Lambda.HttpAnswer;
import io.connectdeployer.testing.Resources;
import io.connectdeployer.testing.UnexpectedFailureProfile;
import io.connectdeployer.testing.WireMockStandIns;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * A bug (an exception none of our types describes) in the middle of a deployment, through the real Lambda path:
 * the claim is released all the same, so the retry can deploy, and a Function URL caller gets a JSON 500 that says
 * nothing of the bug; the log keeps it.
 */
@QuarkusTest
@TestProfile(UnexpectedFailureProfile.class)
@QuarkusTestResource(WireMockStandIns.class)
class UnexpectedFailureTest {

    private static final String NAMESPACE = "connect-deployer/";

    @Inject
    InMemoryDeduplicationStore table;

    @Test
    void should_release_the_claim_and_fail_the_invocation_when_a_direct_deployment_hits_a_bug() {
        // given
        String event = "{\"app\":{\"name\":\"gateway\",\"version\":\"v1.4.2\"},\"idempotency_key\":\"bug-direct-1\"}";

        // when
        Lambda.invoke(Events.parse(event)).statusCode(500).body("errorType", equalTo(FUNQY_ERROR));

        // then
        assertFalse(table.holds(NAMESPACE + "direct:bug-direct-1"));
    }

    @Test
    void should_answer_a_json_500_without_the_bug_and_release_the_claim_when_a_function_url_deployment_hits_one() {
        // given
        ObjectNode request = (ObjectNode) Events.load("events/function-url/plain.json");
        request.put("body", "{\"app\":{\"name\":\"gateway\",\"version\":\"v1.4.2\"},\"idempotency_key\":\"bug-url-1\"}");

        // when
        HttpAnswer answer = functionUrl(request);

        // then
        assertEquals(500, answer.status());
        assertEquals("application/json", answer.headers().get("content-type"));
        assertEquals("failed", answer.json().getString("status"));
        assertEquals("http", answer.json().getString("source"));
        assertEquals(List.of(), answer.json().getList("deployments"));
        assertEquals("UnexpectedFailureException", answer.json().getString("error.type"));
        assertEquals("The function failed unexpectedly; its log has the details. Any claim on the event was released, so a"
                + " retry may deploy it.", answer.json().getString("error.message"));
        assertFalse(answer.body().contains(UnexpectedFailureProfile.BUG), answer.body());
        assertFalse(answer.body().contains("IllegalStateException"), answer.body());
        assertFalse(answer.body().contains("\tat ") || answer.body().contains("at io."), answer.body());
        assertFalse(table.holds(NAMESPACE + "http:bug-url-1"));
        assertTrue(Resources.testLog().contains(UnexpectedFailureProfile.BUG), "the log keeps the bug for the operator");
    }
}
