package io.connectdeployer.function;

import static io.connectdeployer.function.InMemoryRunners.BUDGET;
import static io.connectdeployer.function.InMemoryRunners.KEY;
import static io.connectdeployer.function.InMemoryRunners.MAPPER;
import static io.connectdeployer.function.InMemoryRunners.keyed;
import static io.connectdeployer.testing.FakeConnectClient.reply;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;


import io.connectdeployer.connect.ConnectDialect;
import io.connectdeployer.error.DeployerException;
import io.connectdeployer.function.DeployResult.Deployment;
import io.connectdeployer.function.DeployResult.Status;
import io.connectdeployer.secrets.CachedTokenProvider;
import io.connectdeployer.secrets.TokenProvider;
import io.connectdeployer.testing.Events;
import io.connectdeployer.testing.FakeConnectClient;
import io.connectdeployer.testing.FakeNanoClock;
import io.connectdeployer.testing.FakeTokenProvider;
import io.connectdeployer.testing.GitHubTime;
import io.connectdeployer.testing.InMemoryDeduplicationStore;
import io.connectdeployer.testing.Reconcilers;
import io.connectdeployer.testing.RecordingSleeper;
import io.connectdeployer.testing.TestDeadlines;
import io.connectdeployer.trigger.Batch;
import io.connectdeployer.trigger.EventShape;
import io.connectdeployer.trigger.S3KeyPattern;
import io.connectdeployer.trigger.Triggers;

/**
 * One deadline per invocation, shared by everything the runner does for it (every record of a batch, the secret,
 * the claims), with the module's retry settings and a 25 s deadline; Connect, the secret and the table are in
 * memory and take their time on the test's clock, as a party that never answers takes all a call is given.
 */
class InvocationDeadlineTest {

    private final FakeNanoClock clock = new FakeNanoClock();
    private final long started = clock.getAsLong();
    private final FakeConnectClient connect = new FakeConnectClient();
    private final InMemoryDeduplicationStore store = new InMemoryDeduplicationStore();

    @Test
    void should_share_one_deadline_between_the_records_of_an_s3_event_when_connect_never_accepts_the_connection() {
        // given: three records, two of them builds
        connect.neverConnects(clock, Duration.ofSeconds(10));
        var event = Events.load("events/s3/multi-record.json");
        Batch batch = Triggers.batch(EventShape.of(event), event, S3KeyPattern.compile(S3KeyPattern.DEFAULT), GitHubTime.DEFAULT_POLICY);

        // when
        DeployRunner.Run run = runner().run(batch, TestDeadlines.after(BUDGET, clock));

        // then: the first build's two attempts use 20.25 s; 4.75 s is no time for the second build's first attempt
        assertEquals(List.of(Status.FAILED, Status.IGNORED, Status.FAILED),
                run.result().deployments().stream().map(Deployment::status).toList());
        assertEquals(List.of("ConnectUnavailableException", "DeadlineExceededException"),
                run.failures().stream().map(failure -> failure.getClass().getSimpleName()).toList());
        assertEquals(List.of(2, 0), run.failures().stream().map(DeployerException::attempts).toList());
        assertEquals(2, connect.calls());
        assertEquals(2, store.calls().size(), "the second build claims nothing: " + store.calls());
        assertTrue(store.calls().get(0).startsWith("claim connect-deployer/s3:") && store.calls().get(1).startsWith("release connect-deployer/s3:"), store.calls().toString());
        assertEquals(Duration.ofMillis(20_250), elapsed());
    }

    @Test
    void should_release_the_claim_after_the_deadline_when_reading_the_token_used_all_of_it() {
        // given: Secrets Manager never answers; the read is cut when the deadline passes
        TokenProvider tokens = new CachedTokenProvider("connect/token", "user_token", Duration.ofMinutes(5), (secretId, deadline) -> {
            clock.advance(deadline.timeoutFor("reading secret '" + secretId + "'"));
            throw deadline.exceeded("while reading secret '" + secretId + "'");
        }, MAPPER, clock);
        connect.answers(reply(201, "{}"));

        // when
        DeployRunner.Run run = runner(tokens).run(keyed(), TestDeadlines.after(BUDGET, clock));

        // then
        assertEquals("Out of time while reading secret 'connect/token': 0ms left of the test's 25s. Nothing further was attempted.",
                run.failures().get(0).getMessage());
        assertEquals(0, connect.calls());
        assertEquals(List.of("claim " + KEY, "release " + KEY), store.calls());
        assertFalse(store.holds(KEY), "released, so Lambda's retry can deploy");
        assertEquals(BUDGET, elapsed());
    }

    @Test
    void should_fail_out_of_time_and_call_connect_never_when_dynamodb_never_answers_the_claim() {
        // given
        store.hangOn(clock);
        connect.answers(reply(201, "{}"));

        // when
        DeployRunner.Run run = runner().run(keyed(), TestDeadlines.after(BUDGET, clock));

        // then
        assertEquals("Out of time while trying to claim " + KEY + ": 0ms left of the test's 25s. Nothing further was attempted.",
                run.failures().get(0).getMessage());
        assertTrue(run.failures().get(0).retryable());
        assertEquals(0, connect.calls());
        assertEquals(List.of("claim " + KEY), store.calls());
        assertEquals(BUDGET, elapsed());
    }

    @Test
    void should_keep_the_result_for_the_duplicates_when_connect_answers_just_as_the_deadline_passes() {
        // given: an attempt of 13 s fits in 13 s exactly, and uses all of it
        connect.answersAfter(clock, Duration.ofSeconds(13), reply(201, "{\"message\":\"Created\"}"));
        DeployRunner runner = runner();

        // when
        DeployResult created = runner.run(keyed(), TestDeadlines.after(Duration.ofSeconds(13), clock)).result();
        DeployResult again = runner.run(keyed(), TestDeadlines.after(BUDGET, clock)).result();

        // then
        assertEquals(List.of(Status.CREATED, Status.DUPLICATE), List.of(created.status(), again.status()));
        assertEquals(List.of("claim " + KEY, "complete " + KEY, "claim " + KEY), store.calls());
        assertEquals(1, connect.calls());
    }

    private DeployRunner runner() {
        return runner(new FakeTokenProvider("token-1"));
    }

    private DeployRunner runner(TokenProvider tokens) {
        return InMemoryRunners.runner(ConnectDialect.DEPLOY_UPDATE, S3KeyPattern.compile(S3KeyPattern.DEFAULT), connect, tokens,
                new RecordingSleeper(clock), clock, Reconcilers.deployUpdate(connect), store);
    }

    private Duration elapsed() {
        return Duration.ofNanos(clock.getAsLong() - started);
    }
}
