package io.connectdeployer.function;

import static io.connectdeployer.function.InMemoryRunners.BUDGET;
import static io.connectdeployer.function.InMemoryRunners.KEY;
import static io.connectdeployer.function.InMemoryRunners.MAPPER;
import static io.connectdeployer.function.InMemoryRunners.keyed;
import static io.connectdeployer.function.InMemoryRunners.runner;
import static io.connectdeployer.testing.FakeConnectClient.reply;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;


import io.connectdeployer.connect.ConnectBodies;
import io.connectdeployer.connect.ConnectDialect;
import io.connectdeployer.connect.Reconciler;
import io.connectdeployer.function.DeployResult.Deployment;
import io.connectdeployer.function.DeployResult.Status;
import io.connectdeployer.testing.Events;
import io.connectdeployer.testing.FakeConnectClient;
import io.connectdeployer.testing.FakeNanoClock;
import io.connectdeployer.testing.FakeTokenProvider;
import io.connectdeployer.testing.GitHubTime;
import io.connectdeployer.testing.InMemoryDeduplicationStore;
import io.connectdeployer.testing.RecordingSleeper;
import io.connectdeployer.testing.TestDeadlines;
import io.connectdeployer.trigger.Batch;
import io.connectdeployer.trigger.EventShape;
import io.connectdeployer.trigger.Triggers;

/**
 * A request that reached Connect and got no answer, with the module's retry settings and a 25 s deadline: never
 * sent again blindly. In the deployments dialect the marker is looked up in Connect's list after the settle time;
 * in the deploy_update dialect (no list) the claim is marked uncertain and every later delivery ends the same way.
 */
class LostAnswerTest {

    private static final Duration SETTLE = Duration.ofSeconds(2);
    /** The marker of {@link #KEY}: see DeploymentMarkerTest. */
    private static final String MARKER = "[cd:59bac6e0af95]";
    private static final String RESET = "no answer from http://connect: SocketException (Connection reset)";

    private final FakeNanoClock clock = new FakeNanoClock();
    private final RecordingSleeper sleeper = new RecordingSleeper(clock);
    private final FakeConnectClient connect = new FakeConnectClient();
    private final InMemoryDeduplicationStore store = new InMemoryDeduplicationStore();

    @Test
    void should_mark_the_claim_uncertain_and_fail_every_later_delivery_the_same_way_without_sending_again_in_the_deploy_update_dialect() {
        // given
        connect.failsToAnswer(RESET).answers(reply(201, "{}"));

        // when
        DeployRunner.Run first = run(ConnectDialect.DEPLOY_UPDATE, keyed());
        DeployRunner.Run retry = run(ConnectDialect.DEPLOY_UPDATE, keyed());

        // then
        assertEquals(Status.UNCERTAIN, first.result().status());
        Deployment deployment = first.result().deployments().get(0);
        assertEquals(Status.UNCERTAIN, deployment.status());
        assertEquals("ConnectOutcomeUnknownException", deployment.error().type());
        assertTrue(deployment.error().message().startsWith("Outcome unknown: Connect may have started this deployment: the "
                + "request was sent, then " + RESET + ", and the deploy_update API has no list of deployments to look it up in."),
                deployment.error().message());
        assertTrue(deployment.error().message().endsWith("Look for: project Demo, flow f-1, app gateway v1, comment ending in "
                + MARKER + "."), deployment.error().message());
        assertEquals(Status.UNCERTAIN, retry.result().status());
        assertTrue(retry.result().deployments().get(0).error().message().startsWith("Outcome unknown: an earlier delivery of "
                + "this event (dedupe key '" + KEY + "') sent it to Connect and got no answer;"));
        assertEquals(1, connect.calls());
        assertTrue(store.uncertain(KEY));
        assertEquals(List.of("claim " + KEY, "uncertain " + KEY, "claim " + KEY), store.calls());
        assertEquals(List.of(), connect.listCalls());
    }

    @Test
    void should_be_created_with_connects_deployment_when_the_list_holds_the_marker_after_a_lost_answer() {
        // given
        connect.failsToAnswer(RESET).answers(reply(201, "{}"));
        connect.lists(reply(200, "{\"deployments\":[{\"deployment_uuid\":\"dp-77\",\"comment\":\"" + MARKER + "\"}]}"));

        // when
        DeployRunner.Run run = run(ConnectDialect.DEPLOYMENTS, keyed());

        // then
        Deployment deployment = run.result().deployments().get(0);
        assertEquals(Status.CREATED, deployment.status());
        assertNull(deployment.httpStatus());
        assertEquals(1, deployment.attempts());
        assertEquals("dp-77", deployment.connectResponse().path("deployment_uuid").asText());
        assertEquals("Connect's answer was lost (" + RESET + "); found deployment dp-77 by its marker " + MARKER
                + " in Connect's list of deployments", deployment.reason());
        assertEquals(1, connect.calls());
        assertEquals(List.of("Demo?limit=1000"), connect.listCalls());
        assertEquals(List.of(SETTLE), sleeper.sleeps());
        assertTrue(store.result(KEY).contains("dp-77"), store.result(KEY));
    }

    @Test
    void should_send_again_once_the_whole_list_shows_connect_did_not_make_it() {
        // given
        connect.failsToAnswer(RESET).answers(reply(201, "{\"deployment_uuid\":\"dp-78\"}"));
        connect.lists(reply(200, "{\"deployments\":[{\"deployment_uuid\":\"dp-1\",\"comment\":\"older\"}]}"));

        // when
        DeployRunner.Run run = run(ConnectDialect.DEPLOYMENTS, keyed());

        // then
        Deployment deployment = run.result().deployments().get(0);
        assertEquals(Status.CREATED, deployment.status());
        assertEquals(201, deployment.httpStatus());
        assertEquals(2, deployment.attempts());
        assertEquals(2, connect.calls());
        assertEquals(1, connect.listCalls().size());
        assertEquals(SETTLE, sleeper.sleeps().get(0));
    }

    @Test
    void should_read_the_next_page_by_its_token_before_deciding() {
        // given
        connect.failsToAnswer(RESET).answers(reply(201, "{}"));
        StringBuilder full = new StringBuilder("{\"deployments\":[");
        for (int i = 0; i < 1000; i++) {
            full.append(i == 0 ? "" : ",").append("{\"comment\":\"other\"}");
        }
        full.append("],\"next\":\"page-2\"}");
        connect.lists(reply(200, full.toString()),
                reply(200, "{\"deployments\":[{\"deployment_uuid\":\"dp-79\",\"comment\":\"v1 " + MARKER + "\"}]}"));

        // when
        DeployRunner.Run run = run(ConnectDialect.DEPLOYMENTS, keyed());

        // then
        assertEquals(Status.CREATED, run.result().status());
        assertEquals(List.of("Demo?limit=1000", "Demo?limit=1000&after=page-2"), connect.listCalls());
        assertEquals(1, connect.calls());
    }

    @Test
    void should_be_uncertain_not_absent_when_the_list_call_fails() {
        // given
        connect.failsToAnswer(RESET).answers(reply(201, "{}"));
        connect.lists(reply(500, "{\"message\":\"Internal Server Error\"}"));

        // when
        DeployRunner.Run run = run(ConnectDialect.DEPLOYMENTS, keyed());

        // then
        Deployment deployment = run.result().deployments().get(0);
        assertEquals(Status.UNCERTAIN, deployment.status());
        assertTrue(deployment.error().message().contains(", and looking it up failed: Connect answered HTTP 500 to GET "
                + "/api/v2/Demo/deployments (Internal Server Error)."), deployment.error().message());
        assertEquals(1, connect.calls());
        assertTrue(store.uncertain(KEY));
    }

    @Test
    void should_be_uncertain_not_absent_when_the_list_call_gets_no_answer() {
        // given
        connect.failsToAnswer(RESET).answers(reply(201, "{}"));
        connect.listFailsToAnswer("no answer from http://connect: ReadTimeoutException");

        // when
        DeployRunner.Run run = run(ConnectDialect.DEPLOYMENTS, keyed());

        // then
        Deployment deployment = run.result().deployments().get(0);
        assertEquals(Status.UNCERTAIN, deployment.status());
        assertTrue(deployment.error().message().contains(", and looking it up failed: no answer from http://connect: "
                + "ReadTimeoutException."), deployment.error().message());
        assertEquals(1, connect.calls());
        assertTrue(store.uncertain(KEY));
    }

    @Test
    void should_be_uncertain_when_a_full_page_gives_no_token_for_the_next() {
        // given
        connect.failsToAnswer(RESET).answers(reply(201, "{}"));
        StringBuilder full = new StringBuilder("[");
        for (int i = 0; i < 1000; i++) {
            full.append(i == 0 ? "" : ",").append("{\"comment\":\"other\"}");
        }
        connect.lists(reply(200, full.append("]").toString()));

        // when
        DeployRunner.Run run = run(ConnectDialect.DEPLOYMENTS, keyed());

        // then
        assertEquals(Status.UNCERTAIN, run.result().status());
        assertEquals(1, connect.calls());
    }

    @Test
    void should_be_uncertain_without_looking_up_when_the_event_has_no_key_to_mark_it_with() {
        // given
        connect.failsToAnswer(RESET).answers(reply(201, "{}"));
        Batch unkeyed = Triggers.batch(EventShape.DEPLOY_EVENT, Events.parse("{\"app\":{\"name\":\"gateway\",\"version\":\"v1\"}}"),
                null, GitHubTime.DEFAULT_POLICY);

        // when
        DeployRunner.Run run = run(ConnectDialect.DEPLOYMENTS, unkeyed);

        // then
        Deployment deployment = run.result().deployments().get(0);
        assertEquals(Status.UNCERTAIN, deployment.status());
        assertTrue(deployment.error().message().contains(", and its event carries no key (such as idempotency_key), so it "
                + "has no marker to look up."), deployment.error().message());
        assertEquals(List.of(), connect.listCalls());
        assertEquals(List.of(), store.calls());
    }

    @Test
    void should_be_uncertain_when_no_time_is_left_to_settle_and_look_it_up() {
        // given: Connect holds the request for 11 s; the 14 s left are less than settling (2 s) and one list call (13 s)
        connect.neverAnswers(clock, Duration.ofSeconds(11));

        // when
        DeployRunner.Run run = run(ConnectDialect.DEPLOYMENTS, keyed());

        // then
        assertTrue(run.result().deployments().get(0).error().message().contains(
                ", and no time was left to look it up in Connect's list of deployments."));
        assertEquals(List.of(), connect.listCalls());
        assertTrue(store.uncertain(KEY));
    }

    @Test
    void should_show_the_marker_at_the_end_of_the_comment_in_a_dry_run() {
        // given
        Batch dryRun = Triggers.batch(EventShape.DEPLOY_EVENT, Events.parse("{\"app\":{\"name\":\"gateway\",\"version\":\"v1\"},"
                + "\"comment\":\"nightly\",\"idempotency_key\":\"ci-run-812\",\"dry_run\":true}"), null, GitHubTime.DEFAULT_POLICY);

        // when
        DeployRunner.Run run = run(ConnectDialect.DEPLOY_UPDATE, dryRun);

        // then
        assertEquals("nightly " + MARKER, run.result().deployments().get(0).payload().deploymentConfiguration().comment());
        assertEquals(0, connect.calls());
    }

    private DeployRunner.Run run(ConnectDialect dialect, Batch batch) {
        Reconciler reconciler = new Reconciler(connect, new ConnectBodies(MAPPER), dialect, SETTLE, Duration.ofSeconds(13), sleeper);
        return runner(dialect, null, connect, new FakeTokenProvider("token-1"), sleeper, clock, reconciler, store)
                .run(batch, TestDeadlines.after(BUDGET, clock));
    }
}
