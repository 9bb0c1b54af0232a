package io.connectdeployer.connect;

import java.time.Duration;
import java.util.Optional;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;

import io.connectdeployer.deadline.Deadline;
import io.connectdeployer.deploy.DeployRequest;
import io.connectdeployer.error.DeployerException;
import io.connectdeployer.secrets.TokenProvider;

/**
 * Starts one deployment on Connect and decides what each answer means: 2xx is done, 400 and other 4xx are final,
 * 401/403 earn one re-read of the secret, 429/500/503 and a request that never reached Connect are retried with
 * backoff while attempts and the deadline last. A request Connect may have received without answering (read
 * timeout, reset, 502/504 from a gateway in front of it) is never sent again blindly: the {@link Reconciler} looks
 * for it first, and when it cannot tell, the deployment ends as {@link ConnectOutcomeUnknownException}.
 */
public final class ConnectDeployer {

    private final ConnectClient client;
    private final TokenProvider tokens;
    private final RetryPolicy policy;
    private final Sleeper sleeper;
    private final LongSupplier nanoClock;
    private final DoubleSupplier random;
    private final ConnectBodies bodies;
    private final Reconciler reconciler;

    public ConnectDeployer(ConnectClient client, TokenProvider tokens, RetryPolicy policy, Sleeper sleeper,
            LongSupplier nanoClock, DoubleSupplier random, ConnectBodies bodies, Reconciler reconciler) {
        this.client = client;
        this.reconciler = reconciler;
        this.tokens = tokens;
        this.policy = policy;
        this.sleeper = sleeper;
        this.nanoClock = nanoClock;
        this.random = random;
        this.bodies = bodies;
    }

    /**
     * Deploys within {@code deadline}, which the token's read shares: an attempt starts only when its connect and
     * read timeouts fit in what is left, so none is cut short (that would turn a slow answer into a lost one), and a
     * wait is not started when the attempt after it would not fit. What the calls cost (their times, 429 waits,
     * secret reads) rides on the outcome or the failure, for the metrics.
     */
    public ConnectOutcome deploy(DeployRequest request, Deadline deadline) {
        ConnectCalls.Recorder calls = new ConnectCalls.Recorder();
        long readsBefore = tokens.reads();
        try {
            return attempts(request, deadline, calls).with(calls.done(tokens.reads() - readsBefore));
        } catch (DeployerException failure) {
            throw failure.withConnectCalls(calls.done(tokens.reads() - readsBefore));
        }
    }

    private ConnectOutcome attempts(DeployRequest request, Deadline deadline, ConnectCalls.Recorder calls) {
        String token = tokens.token(deadline);
        boolean reread = false;
        Failure last = null;
        for (int attempt = 1;; attempt++) {
            if (!deadline.allows(policy.attemptTimeout())) {
                throw outOfTime(deadline, last, attempt - 1, reread);
            }
            Failure failure;
            try {
                ConnectReply reply = call(request, token, calls);
                if (reply.isSuccess()) {
                    return new ConnectOutcome(reply.status(), attempt, bodies.json(reply.body(), token));
                }
                failure = Failure.of(reply, bodies, token);
            } catch (ConnectTransportException noAnswer) {
                failure = new Failure(0, noAnswer.getMessage(), Optional.empty(), noAnswer.requestSent());
            }
            if (failure.maybeDone()) {
                Optional<ConnectOutcome> found = lookUp(request, token, deadline, failure, attempt);
                if (found.isPresent()) {
                    return found.get();
                }
            }
            if (failure.unauthorized() && !reread && attempt < policy.maxAttempts()) {
                // The re-read counts as an attempt: CONNECT_MAX_ATTEMPTS=1 is one call.
                reread = true;
                token = tokens.refresh(deadline);
                last = failure;
                continue;
            }
            if (!failure.retryable()) {
                throw failure.finalError(tokens.source(), attempt, reread, policy.maxAttempts(), false);
            }
            Duration delay = policy.delayAfter(attempt, failure.retryAfter(), random.getAsDouble());
            boolean attemptsLeft = attempt < policy.maxAttempts();
            if (!attemptsLeft || !deadline.allows(delay.plus(policy.attemptTimeout()))) {
                throw failure.finalError(tokens.source(), attempt, reread, policy.maxAttempts(), attemptsLeft);
            }
            last = failure;
            if (failure.status() == 429) {
                calls.rateLimitWait();
            }
            sleep(delay, failure, attempt, reread);
        }
    }

    /** A call's time counts whether it answered or failed. */
    private ConnectReply call(DeployRequest request, String token, ConnectCalls.Recorder calls) {
        long started = nanoClock.getAsLong();
        try {
            return client.deploy(request, token);
        } finally {
            calls.call(nanoClock.getAsLong() - started);
        }
    }

    /**
     * After an answer that was lost: the deployment Connect made, or empty when Connect's list shows it made none (so
     * the failure is like any other a retry may fix).
     *
     * @throws ConnectOutcomeUnknownException when nothing tells whether Connect made it
     */
    private Optional<ConnectOutcome> lookUp(DeployRequest request, String token, Deadline deadline, Failure lost, int attempt) {
        Reconciler.Finding finding = reconciler.find(request, token, deadline);
        if (finding instanceof Reconciler.Finding.Found found) {
            return Optional.of(ConnectOutcome.foundAfterLostAnswer(attempt, found.record(), request.marker(), lost.describe()));
        }
        if (finding instanceof Reconciler.Finding.Unknown unknown) {
            throw ConnectOutcomeUnknownException.after(request, lost.describe(), unknown.why()).afterAttempts(attempt);
        }
        return Optional.empty();
    }

    /**
     * Fails out of time, calling nothing, when not even one attempt fits in what is left: a deployment that cannot
     * start need not be claimed first.
     */
    public void checkTimeLeft(Deadline deadline) {
        if (!deadline.allows(policy.attemptTimeout())) {
            throw outOfTime(deadline, null, 0, false);
        }
    }

    /** No time for attempt {@code calls + 1}: the first, the one with a re-read token, or (after a long sleep) a retry. */
    private DeployerException outOfTime(Deadline deadline, Failure last, int calls, boolean reread) {
        if (last != null && !last.unauthorized()) {
            return last.finalError(tokens.source(), calls, reread, policy.maxAttempts(), true);
        }
        return deadline.exceeded(last == null
                ? "before calling Connect, whose attempts may take " + Deadline.text(policy.attemptTimeout())
                        + " (CONNECT_CONNECT_TIMEOUT + CONNECT_READ_TIMEOUT)"
                : "before calling Connect again with the token read again after HTTP " + last.status()).afterAttempts(calls);
    }

    private void sleep(Duration delay, Failure failure, int attempt, boolean reread) {
        try {
            sleeper.sleep(delay);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw failure.finalError(tokens.source(), attempt, reread, policy.maxAttempts(), false);
        }
    }

    /**
     * One unsuccessful attempt: status 0 when no HTTP answer came back; {@code sent} when the request may have
     * reached Connect all the same.
     */
    private record Failure(int status, String detail, Optional<Duration> retryAfter, boolean sent) {

        static Failure of(ConnectReply reply, ConnectBodies bodies, String token) {
            return new Failure(reply.status(), bodies.errorMessage(reply.body(), token), reply.retryAfter(), true);
        }

        /**
         * No answer after the request went out, or a gateway's 502/504: the gateway got no (usable) answer from
         * Connect behind it, which may have acted on the request.
         */
        boolean maybeDone() {
            return status == 0 ? sent : status == 502 || status == 504;
        }

        String describe() {
            return status == 0 ? detail : "HTTP " + status + " (" + detail + ")";
        }

        boolean retryable() {
            return status == 0 || status == 429 || status >= 500;
        }

        boolean unauthorized() {
            return status == 401 || status == 403;
        }

        /** @param cutByDeadline attempts were left, but not the time for the next one */
        DeployerException finalError(String secretId, int attempts, boolean reread, int maxAttempts, boolean cutByDeadline) {
            return error(secretId, attempts, reread, maxAttempts, cutByDeadline).afterAttempts(attempts);
        }

        private DeployerException error(String secretId, int attempts, boolean reread, int maxAttempts, boolean cutByDeadline) {
            if (unauthorized()) {
                return new ConnectUnauthorizedException(status, secretId, reread, maxAttempts);
            }
            if (status == 429) {
                return new ConnectRateLimitedException(attempts, retryAfter);
            }
            String cut = cutByDeadline ? " (no time was left for another attempt before the deadline)" : "";
            if (status == 0) {
                return new ConnectUnavailableException(attempts, detail + cut);
            }
            if (status >= 500) {
                return new ConnectUnavailableException(attempts, "HTTP " + status + ": " + detail + cut);
            }
            return new ConnectRejectedException(status, detail);
        }
    }
}
