package io.connectdeployer.handoff;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.connectdeployer.deadline.Deadline;
import io.connectdeployer.deadline.DeadlineExceededException;
import io.connectdeployer.testing.FakeNanoClock;
import io.connectdeployer.testing.SdkClients;
import io.connectdeployer.testing.TestDeadlines;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * The hand-off's Invoke call over the real SDK against a WireMock Lambda that takes its time: the call gets
 * whichever is shorter, what is left of the invocation's deadline or the 5 s GitHub's 10 s allow it.
 */
class LambdaReleaseHandOffTest {

    private static final String TARGET = "connect-deployer:live";
    private static final String INVOKE = "/2015-03-31/functions/connect-deployer%3Alive/invocations";
    private static final byte[] EVENT = "{\"github_release_handoff\":{}}".getBytes(StandardCharsets.UTF_8);

    private static WireMockServer server;
    private static LambdaClient lambda;

    @BeforeAll
    static void startLambda() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
        lambda = SdkClients.at(LambdaClient.builder(), server.baseUrl());
    }

    @AfterAll
    static void stop() {
        lambda.close();
        server.stop();
    }

    @BeforeEach
    void reset() {
        server.resetAll();
    }

    @Test
    void should_fail_out_of_time_when_less_than_5_seconds_are_left_and_lambda_does_not_answer_in_them() {
        server.stubFor(post(urlEqualTo(INVOKE)).willReturn(aResponse().withStatus(202).withFixedDelay(2000)));
        // a clock that stands still: the SDK's own timer ends the call
        Deadline deadline = TestDeadlines.after(Duration.ofMillis(500), new FakeNanoClock());

        long started = System.nanoTime();
        DeadlineExceededException error = assertThrows(DeadlineExceededException.class,
                () -> new LambdaReleaseHandOff(lambda, TARGET).send(EVENT, deadline));
        long elapsed = Duration.ofNanos(System.nanoTime() - started).toMillis();

        assertTrue(error.getMessage().startsWith("Out of time while handing the release to connect-deployer:live: "), error.getMessage());
        assertTrue(elapsed >= 400 && elapsed < 3000, "cut after " + elapsed + " ms");
    }

    @Test
    void should_fail_the_hand_off_after_5_seconds_when_more_is_left_and_lambda_does_not_answer() {
        server.stubFor(post(urlEqualTo(INVOKE)).willReturn(aResponse().withStatus(202).withFixedDelay(5600)));

        long started = System.nanoTime();
        HandOffFailedException error = assertThrows(HandOffFailedException.class,
                () -> new LambdaReleaseHandOff(lambda, TARGET).send(EVENT, TestDeadlines.ample()));
        long elapsed = Duration.ofNanos(System.nanoTime() - started).toMillis();

        assertEquals("The release could not be handed to connect-deployer:live: Lambda did not accept it within 5s", error.getMessage());
        assertEquals(503, error.httpStatus());
        assertTrue(elapsed >= 4900 && elapsed < 7000, "cut after " + elapsed + " ms");
    }
}
