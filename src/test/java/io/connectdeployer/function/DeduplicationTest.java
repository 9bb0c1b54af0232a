package io.connectdeployer.function;

import io.connectdeployer.route.Routes;
import io.connectdeployer.testing.GitHubTime;
import static io.connectdeployer.testing.FakeConnectClient.reply;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.connectdeployer.config.DeploySettings;
import io.connectdeployer.config.InvalidConfigurationException;
import io.connectdeployer.connect.ConnectBodies;
import io.connectdeployer.connect.ConnectDeployer;
import io.connectdeployer.connect.ConnectDialect;
import io.connectdeployer.connect.RetryPolicy;
import io.connectdeployer.deploy.DefaultTemplates;
import io.connectdeployer.dedupe.DeploymentInProgressException;
import io.connectdeployer.deploy.DeployDefaults;
import io.connectdeployer.function.DeployResult.Deployment;
import io.connectdeployer.function.DeployResult.Status;
import io.connectdeployer.testing.Events;
import io.connectdeployer.testing.FakeConnectClient;
import io.connectdeployer.testing.FakeNanoClock;
import io.connectdeployer.testing.FakeTokenProvider;
import io.connectdeployer.testing.InMemoryDeduplicationStore;
import io.connectdeployer.testing.RecordingSleeper;
import io.connectdeployer.testing.TestDeadlines;
import io.connectdeployer.trigger.Batch;
import io.connectdeployer.trigger.EventShape;
import io.connectdeployer.trigger.S3KeyPattern;
import io.connectdeployer.trigger.Triggers;
import io.connectdeployer.testing.Reconcilers;

/** Duplicate suppression around real planning and retries, with Connect and the table in memory. */
class DeduplicationTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    private static final String NAMESPACE = "connect-deployer";
    private static final String S3_KEY = NAMESPACE + "/s3:firmware-releases/gateway/v1.4.2/gateway-fw.bin@096fKKXTRTtl3on89fVO.nfljtsv6qko";
    private static final Duration CLAIM = Duration.ofMinutes(1);
    private static final DeployDefaults DEFAULTS = new DeployDefaults("Demo", List.of(), List.of(), "f-1", null, Map.of(), null, false);

    private final FakeConnectClient connect = new FakeConnectClient();
    private final InMemoryDeduplicationStore store = new InMemoryDeduplicationStore();

    private DeployRunner runner(DeployDefaults defaults, boolean failOpen) {
        return runner(defaults, failOpen, NAMESPACE);
    }

    private DeployRunner runner(DeployDefaults defaults, boolean failOpen, String namespace) {
        DeploySettings settings = new DeploySettings(URI.create("https://connect.example.com"), ConnectDialect.DEPLOY_UPDATE,
                defaults, DefaultTemplates.none(), S3KeyPattern.compile(S3KeyPattern.DEFAULT), GitHubTime.DEFAULT_POLICY,
                TestDeadlines.ROOMY, namespace);
        FakeNanoClock clock = new FakeNanoClock();
        ConnectDeployer deployer = new ConnectDeployer(connect, new FakeTokenProvider("token-1"),
                new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofSeconds(13)), new RecordingSleeper(clock),
                clock, () -> 0.5, new ConnectBodies(MAPPER), Reconcilers.deployUpdate(connect));
        return new DeployRunner(settings, deployer, deduplicator(NOW, failOpen), Routes.NONE);
    }

    /** A Deduplicator on the shared table whose clock stands at {@code now}: one invocation, at that time. */
    private Deduplicator deduplicator(Instant now, boolean failOpen) {
        return new Deduplicator(Optional.of(store), CLAIM, Duration.ofHours(24), failOpen, Clock.fixed(now, ZoneOffset.UTC), MAPPER);
    }

    private DeployRunner runner() {
        return runner(DEFAULTS, false);
    }

    private static Batch batch(JsonNode event) {
        return Triggers.batch(EventShape.of(event), event, S3KeyPattern.compile(S3KeyPattern.DEFAULT), GitHubTime.DEFAULT_POLICY);
    }

    private static Batch s3Put() {
        return batch(Events.load("events/s3/put.json"));
    }

    /** The same upload under another version id and sequencer. */
    private static Batch s3Put(String versionId, String sequencer) {
        ObjectNode event = (ObjectNode) Events.load("events/s3/put.json");
        ((ObjectNode) event.at("/Records/0/s3/object")).put("versionId", versionId).put("sequencer", sequencer);
        return batch(event);
    }

    private static Deployment deployment(String eventId) {
        return new Deployment(Status.CREATED, eventId, "Demo", "f-1", null, 201, 1, null, null, null, null, null);
    }

    @Test
    void should_call_connect_once_and_answer_duplicate_when_the_same_s3_event_arrives_three_times() {
        // given
        connect.answers(reply(201, "{\"message\":\"Created\"}"));
        DeployRunner runner = runner();

        // when
        List<DeployResult> results = List.of(runner.run(s3Put(), TestDeadlines.ample()).result(),
                runner.run(s3Put(), TestDeadlines.ample()).result(), runner.run(s3Put(), TestDeadlines.ample()).result());

        // then
        assertEquals(1, connect.calls());
        assertEquals(List.of(Status.CREATED, Status.DUPLICATE, Status.DUPLICATE), results.stream().map(DeployResult::status).toList());
        assertEquals(results.get(0).deployments().get(0).app(), results.get(2).deployments().get(0).app());
        assertEquals(201, results.get(2).deployments().get(0).httpStatus());
        assertEquals("Created", results.get(2).deployments().get(0).connectResponse().get("message").textValue());
    }

    @Test
    void should_release_the_claim_so_the_retry_deploys_when_connect_failed() {
        // given
        connect.answers(reply(503, "{}"), reply(503, "{}"), reply(201, "{}"));
        DeployRunner runner = runner();

        // when
        DeployRunner.Run first = runner.run(s3Put(), TestDeadlines.ample());
        DeployRunner.Run retry = runner.run(s3Put(), TestDeadlines.ample());

        // then
        assertEquals(Status.FAILED, first.result().status());
        assertEquals(Status.CREATED, retry.result().status());
        assertEquals(3, connect.calls());
    }

    @Test
    void should_fail_retryably_and_call_nothing_when_another_invocation_holds_the_claim() {
        // given
        store.claim(S3_KEY, "another-invocation", NOW, NOW.plusSeconds(30), TestDeadlines.ample());
        connect.answers(reply(201, "{}"));

        // when
        DeployRunner.Run run = runner().run(s3Put(), TestDeadlines.ample());

        // then
        assertEquals("DeploymentInProgressException", run.result().deployments().get(0).error().type());
        assertTrue(run.failures().get(0).retryable());
        assertEquals(0, connect.calls());
    }

    @Test
    void should_take_over_and_deploy_when_the_claim_of_a_dead_invocation_expired() {
        // given
        store.claim(S3_KEY, "a-dead-invocation", NOW.minusSeconds(600), NOW.minusSeconds(1), TestDeadlines.ample());
        connect.answers(reply(201, "{}"));

        // when
        DeployRunner.Run run = runner().run(s3Put(), TestDeadlines.ample());

        // then
        assertEquals(Status.CREATED, run.result().status());
        assertEquals(1, connect.calls());
    }

    @Test
    void should_release_the_claim_so_the_retry_deploys_when_the_deployment_fails_unexpectedly() {
        // given
        connect.failsUnexpectedly(new IllegalStateException("a bug")).answers(reply(201, "{}"));
        DeployRunner runner = runner();

        // when
        IllegalStateException bug = assertThrows(IllegalStateException.class, () -> runner.run(s3Put(), TestDeadlines.ample()));
        boolean heldAfterTheBug = store.holds(S3_KEY);
        DeployRunner.Run retry = runner.run(s3Put(), TestDeadlines.ample());

        // then
        assertEquals("a bug", bug.getMessage());
        assertFalse(heldAfterTheBug);
        assertEquals(Status.CREATED, retry.result().status());
        assertEquals(2, connect.calls());
    }

    @Test
    void should_leave_the_second_claim_alone_when_the_first_invocation_completes_after_a_takeover() {
        // given: the first invocation outlived its claim, and a redelivery took it over
        Deduplicator first = deduplicator(NOW, false);
        Deduplicator second = deduplicator(NOW.plus(CLAIM).plusSeconds(1), false);
        Deduplicator.Ticket late = first.claim(S3_KEY, TestDeadlines.ample());
        Deduplicator.Ticket takenOver = second.claim(S3_KEY, TestDeadlines.ample());

        // when
        first.completed(late, deployment("by-the-first"), TestDeadlines.ample());

        // then
        assertFalse(takenOver.duplicate());
        assertNull(store.result(S3_KEY));
        second.completed(takenOver, deployment("by-the-second"), TestDeadlines.ample());
        assertEquals("by-the-second", deduplicator(NOW.plus(CLAIM.multipliedBy(3)), false).claim(S3_KEY, TestDeadlines.ample()).earlier().eventId());
    }

    @Test
    void should_leave_the_second_claim_alone_when_the_first_invocation_releases_after_a_takeover() {
        // given
        Deduplicator first = deduplicator(NOW, false);
        Deduplicator second = deduplicator(NOW.plus(CLAIM).plusSeconds(1), false);
        Deduplicator.Ticket late = first.claim(S3_KEY, TestDeadlines.ample());
        second.claim(S3_KEY, TestDeadlines.ample());

        // when
        first.failed(late, TestDeadlines.ample());

        // then
        assertTrue(store.holds(S3_KEY));
        DeploymentInProgressException third = assertThrows(DeploymentInProgressException.class,
                () -> deduplicator(NOW.plus(CLAIM).plusSeconds(2), false).claim(S3_KEY, TestDeadlines.ample()));
        assertTrue(third.getMessage().contains("claimed until " + NOW.plus(CLAIM.multipliedBy(2)).plusSeconds(1)), third.getMessage());
    }

    @ParameterizedTest(name = "DEDUPE_TTL={0} for a claim of PT1M")
    @ValueSource(strings = { "PT1M", "PT30S" })
    void should_refuse_to_start_naming_dedupe_ttl_when_it_is_not_longer_than_a_claim(String ttl) {
        // when
        InvalidConfigurationException error = assertThrows(InvalidConfigurationException.class, () -> new Deduplicator(
                Optional.of(store), CLAIM, Duration.parse(ttl), false, Clock.fixed(NOW, ZoneOffset.UTC), MAPPER));

        // then
        assertEquals("Invalid configuration: DEDUPE_TTL: must be longer than a claim holds (PT1M), not " + ttl, error.getMessage());
    }

    @Test
    void should_deploy_in_each_function_when_two_functions_share_the_table() {
        // given
        connect.answers(reply(201, "{}"));

        // when
        DeployResult gateways = runner(DEFAULTS, false, "gateway-deployer").run(s3Put(), TestDeadlines.ample()).result();
        DeployResult cameras = runner(DEFAULTS, false, "camera-deployer").run(s3Put(), TestDeadlines.ample()).result();

        // then
        assertEquals(List.of(Status.CREATED, Status.CREATED), List.of(gateways.status(), cameras.status()));
        assertTrue(store.holds("gateway-deployer/s3:firmware-releases/gateway/v1.4.2/gateway-fw.bin@096fKKXTRTtl3on89fVO.nfljtsv6qko"));
        assertTrue(store.holds("camera-deployer/s3:firmware-releases/gateway/v1.4.2/gateway-fw.bin@096fKKXTRTtl3on89fVO.nfljtsv6qko"));
        assertEquals(2, connect.calls());
    }

    @Test
    void should_call_connect_once_when_s3_sends_one_upload_as_a_notification_and_through_eventbridge() {
        // given
        connect.answers(reply(201, "{}"));
        DeployRunner runner = runner();

        // when
        DeployResult notified = runner.run(s3Put(), TestDeadlines.ample()).result();
        DeployResult bridged = runner.run(batch(Events.load("events/eventbridge/s3-object-created-put.json")), TestDeadlines.ample()).result();

        // then
        assertEquals(List.of(Status.CREATED, Status.DUPLICATE), List.of(notified.status(), bridged.status()));
        assertEquals(1, connect.calls());
    }

    @Test
    void should_deploy_again_when_a_key_is_uploaded_again_while_versioning_is_suspended() {
        // given: S3 reports the version id "null" for both uploads; only their sequencers differ
        connect.answers(reply(201, "{}"));
        DeployRunner runner = runner();

        // when
        DeployResult first = runner.run(s3Put("null", "0055AED6DCD90281E5"), TestDeadlines.ample()).result();
        DeployResult again = runner.run(s3Put("null", "0055AED6DCD9FFFFFF"), TestDeadlines.ample()).result();

        // then
        assertEquals(List.of(Status.CREATED, Status.CREATED), List.of(first.status(), again.status()));
        assertEquals(2, connect.calls());
    }

    @Test
    void should_fail_retryably_and_call_nothing_when_the_table_is_unreachable() {
        // given
        store.goDown();
        connect.answers(reply(201, "{}"));

        // when
        DeployRunner.Run run = runner().run(s3Put(), TestDeadlines.ample());

        // then
        assertEquals("DedupeUnavailableException", run.result().deployments().get(0).error().type());
        assertTrue(run.failures().get(0).retryable());
        assertEquals(0, connect.calls());
    }

    @Test
    void should_deploy_without_the_check_when_the_table_is_unreachable_and_fail_open_is_set() {
        // given
        store.goDown();
        connect.answers(reply(201, "{}"));

        // when
        DeployRunner.Run run = runner(DEFAULTS, true).run(s3Put(), TestDeadlines.ample());

        // then
        assertEquals(Status.CREATED, run.result().status());
        assertEquals(1, connect.calls());
    }

    @Test
    void should_claim_nothing_when_the_deployment_is_a_dry_run() {
        // given
        DeployDefaults dryRun = new DeployDefaults("Demo", List.of(), List.of(), "f-1", null, Map.of(), null, true);

        // when
        DeployRunner.Run run = runner(dryRun, false).run(s3Put(), TestDeadlines.ample());

        // then
        assertEquals(Status.DRY_RUN, run.result().status());
        assertFalse(store.holds(S3_KEY));
    }

    @Test
    void should_claim_nothing_when_the_event_is_invalid() {
        // given
        DeployDefaults noFlow = new DeployDefaults("Demo", List.of(), List.of(), null, null, Map.of(), null, false);

        // when
        DeployRunner.Run run = runner(noFlow, false).run(s3Put(), TestDeadlines.ample());

        // then
        assertEquals("InvalidDeployEventException", run.result().deployments().get(0).error().type());
        assertFalse(store.holds(S3_KEY));
        assertEquals(0, connect.calls());
    }

    @Test
    void should_key_a_direct_event_on_its_idempotency_key_and_not_at_all_without_one() {
        // given
        connect.answers(reply(201, "{}"));
        DeployRunner runner = runner();
        var keyed = Events.parse("{\"app\":{\"name\":\"gateway\",\"version\":\"v1\"},\"idempotency_key\":\"ci-run-812\"}");
        var unkeyed = Events.parse("{\"app\":{\"name\":\"gateway\",\"version\":\"v1\"}}");

        // when
        runner.run(Triggers.batch(EventShape.DEPLOY_EVENT, keyed, null, GitHubTime.DEFAULT_POLICY), TestDeadlines.ample());
        DeployResult again = runner.run(Triggers.batch(EventShape.DEPLOY_EVENT, keyed, null, GitHubTime.DEFAULT_POLICY),
                TestDeadlines.ample()).result();
        runner.run(Triggers.batch(EventShape.DEPLOY_EVENT, unkeyed, null, GitHubTime.DEFAULT_POLICY), TestDeadlines.ample());
        runner.run(Triggers.batch(EventShape.DEPLOY_EVENT, unkeyed, null, GitHubTime.DEFAULT_POLICY), TestDeadlines.ample());

        // then
        assertEquals(Status.DUPLICATE, again.status());
        assertTrue(store.holds(NAMESPACE + "/direct:ci-run-812"));
        assertEquals(3, connect.calls());
    }

    @Test
    void should_call_connect_once_when_a_ci_sends_two_custom_events_with_one_idempotency_key() {
        // given
        connect.answers(reply(201, "{}"));
        DeployRunner runner = runner();
        ObjectNode first = (ObjectNode) Events.load("events/eventbridge/custom-release.json");
        ((ObjectNode) first.get("detail")).put("idempotency_key", "ci-run-812");
        // PutEvents sent again: EventBridge gives the event a new id.
        ObjectNode second = first.deepCopy().put("id", "0f1e2d3c-4b5a-4978-8877-665544332211");

        // when
        DeployResult created = runner.run(Triggers.batch(EventShape.of(first), first, null, GitHubTime.DEFAULT_POLICY),
                TestDeadlines.ample()).result();
        DeployResult again = runner.run(Triggers.batch(EventShape.of(second), second, null, GitHubTime.DEFAULT_POLICY),
                TestDeadlines.ample()).result();

        // then
        assertEquals(List.of(Status.CREATED, Status.DUPLICATE), List.of(created.status(), again.status()));
        assertTrue(store.holds(NAMESPACE + "/eventbridge:ci-run-812"));
        assertEquals(1, connect.calls());
    }

    @Test
    void should_call_connect_once_when_scheduler_delivers_one_firing_twice() {
        // given
        connect.answers(reply(201, "{}"));
        DeployRunner runner = runner();
        var firing = Events.load("events/scheduler/no-input.json");

        // when
        DeployResult created = runner.run(Triggers.batch(EventShape.of(firing), firing, null, GitHubTime.DEFAULT_POLICY),
                TestDeadlines.ample()).result();
        DeployResult again = runner.run(Triggers.batch(EventShape.of(firing), firing, null, GitHubTime.DEFAULT_POLICY),
                TestDeadlines.ample()).result();

        // then
        assertEquals(List.of(Status.CREATED, Status.DUPLICATE), List.of(created.status(), again.status()));
        assertTrue(store.holds(NAMESPACE + "/schedule:arn:aws:scheduler:eu-west-1:123456789012:schedule/default/nightly-gateway@2026-11-28T03:00:00Z"));
        assertEquals(1, connect.calls());
    }
}
