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
    private final Deque<Supplier<ConnectReply>> lists = new ArrayDeque<>();
    private final List<String> tokens = new ArrayList<>();
    private final List<String> listCalls = new ArrayList<>();

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

    /** The request went out and no answer came back (a reset or a broken answer): Connect may have acted on it. */
    public FakeConnectClient failsToAnswer(String message) {
        script.add(() -> {
            throw new ConnectTransportException(message, null, true);
        });
        return this;
    }

    /** The request never left (refused, connect timeout, DNS): safe to send again. */
    public FakeConnectClient failsToConnect(String message) {
        script.add(() -> {
            throw new ConnectTransportException(message, null, false);
        });
        return this;
    }

    /** Connect that never answers: each call takes the read timeout on the test's clock, then fails as a timeout does. */
    public FakeConnectClient neverAnswers(FakeNanoClock clock, Duration readTimeout) {
        script.add(() -> {
            clock.advance(readTimeout);
            throw new ConnectTransportException("no answer from http://connect: SocketTimeoutException", null, true);
        });
        return this;
    }

    /** Connect that never takes the connection: each call takes the connect timeout on the test's clock; nothing was sent. */
    public FakeConnectClient neverConnects(FakeNanoClock clock, Duration connectTimeout) {
        script.add(() -> {
            clock.advance(connectTimeout);
            throw new ConnectTransportException("could not reach http://connect: ConnectTimeoutException", null, false);
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

    /** Answers each call for the list of deployments with the next of these, then the last forever. */
    public FakeConnectClient lists(ConnectReply... replies) {
        for (ConnectReply reply : replies) {
            lists.add(() -> reply);
        }
        return this;
    }

    /** The next call for the list of deployments gets no answer. */
    public FakeConnectClient listFailsToAnswer(String message) {
        lists.add(() -> {
            throw new ConnectTransportException(message, null, true);
        });
        return this;
    }

    @Override
    public ConnectReply listDeployments(String project, String after, int limit, String token) {
        listCalls.add(project + "?limit=" + limit + (after == null ? "" : "&after=" + after));
        Supplier<ConnectReply> next = lists.size() > 1 ? lists.poll() : lists.peek();
        if (next == null) {
            throw new IllegalStateException("no list reply scripted");
        }
        return next.get();
    }

    /** Each call for the list: "project?limit=n[&after=token]", in order. */
    public List<String> listCalls() {
        return List.copyOf(listCalls);
    }

    /** The token of each call, in order. */
    public List<String> tokens() {
        return List.copyOf(tokens);
    }

    public int calls() {
        return tokens.size();
    }
}
