package io.connectdeployer.testing;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import io.connectdeployer.connect.ConnectClient;
import io.connectdeployer.connect.ConnectReply;
import io.connectdeployer.connect.ConnectTransportException;
import io.connectdeployer.deploy.DeployRequest;

/** Connect in memory: answers each call with the next scripted reply (or transport failure), then the last forever. */
public final class FakeConnectClient implements ConnectClient {

    private final Deque<Supplier<ConnectReply>> script = new ArrayDeque<>();
    private final List<String> tokens = new ArrayList<>();

    public static ConnectReply reply(int status, String body) {
        return new ConnectReply(status, body, Optional.empty());
    }

    public static ConnectReply reply(int status, String body, Duration retryAfter) {
        return new ConnectReply(status, body, Optional.of(retryAfter));
    }

    public FakeConnectClient answers(ConnectReply... replies) {
        for (ConnectReply reply : replies) {
            script.add(() -> reply);
        }
        return this;
    }

    public FakeConnectClient failsToAnswer(String message) {
        script.add(() -> {
            throw new ConnectTransportException(message, null);
        });
        return this;
    }

    /** Connect that never answers: each call takes the read timeout on the test's clock, then fails as a timeout does. */
    public FakeConnectClient neverAnswers(FakeNanoClock clock, Duration readTimeout) {
        script.add(() -> {
            clock.advance(readTimeout);
            throw new ConnectTransportException("no answer from http://connect: SocketTimeoutException", null);
        });
        return this;
    }

    /** Connect slow to answer: the call takes {@code took} on the test's clock, then answers. */
    public FakeConnectClient answersAfter(FakeNanoClock clock, Duration took, ConnectReply reply) {
        script.add(() -> {
            clock.advance(took);
            return reply;
        });
        return this;
    }

    /** The next call fails as a bug would: with none of our exception types. */
    public FakeConnectClient failsUnexpectedly(RuntimeException bug) {
        script.add(() -> {
            throw bug;
        });
        return this;
    }

    @Override
    public ConnectReply deploy(DeployRequest request, String token) {
        tokens.add(token);
        Supplier<ConnectReply> next = script.size() > 1 ? script.poll() : script.peek();
        if (next == null) {
            throw new IllegalStateException("no reply scripted");
        }
        return next.get();
    }

    /** The token of each call, in order. */
    public List<String> tokens() {
        return List.copyOf(tokens);
    }

    public int calls() {
        return tokens.size();
    }
}
