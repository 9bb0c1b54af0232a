package io.connectdeployer.dedupe;

import java.time.Instant;

import io.connectdeployer.deadline.Deadline;

/**
 * Where a deployment is claimed before Connect is called, so a second delivery of the same event finds the claim.
 * Each claim carries its owner, a token of the invocation that took it: an invocation that outlived its claim can
 * neither overwrite nor delete the claim of the one that took it over. Implementations translate their own failures
 * into {@link DedupeUnavailableException}, an item they did not write into {@link ForeignDedupeItemException}, and a
 * call the deadline cut into {@link io.connectdeployer.deadline.DeadlineExceededException}.
 */
public interface DeduplicationStore {

    /**
     * Claims {@code key} for {@code owner} until {@code lockedUntil}, unless a live claim or a completed result holds
     * it; an expired claim (its function died mid-way) is taken over. A claim already held by {@code owner} (a write
     * that succeeded although its answer was lost, and was sent again) is {@link Claim.Taken}.
     */
    Claim claim(String key, String owner, Instant now, Instant lockedUntil, Deadline deadline);

    /**
     * Marks {@code owner}'s claim done and keeps {@code result} (JSON) until {@code expiresAt}, for the duplicates
     * to come; also when the claim expired but nobody took it over.
     *
     * @return false, writing nothing, when another owner holds the key now
     */
    boolean complete(String key, String owner, String result, Instant expiresAt, Deadline deadline);

    /**
     * Keeps {@code owner}'s claim, marked uncertain, until {@code expiresAt}: the request went to Connect and no answer
     * says whether it made the deployment, so no retry may send it again. {@code note} says what happened, for the
     * deliveries that find it. Written like {@link #complete}: also when the claim expired but nobody took it over.
     *
     * @return false, writing nothing, when another owner holds the key now
     */
    boolean markUncertain(String key, String owner, String note, Instant expiresAt, Deadline deadline);

    /**
     * Gives {@code owner}'s claim up after a failed deployment, so a retry can deploy.
     *
     * @return false, deleting nothing, when the key holds no claim of {@code owner}'s (taken over, or gone)
     */
    boolean release(String key, String owner, Deadline deadline);

    /** What a claim found. */
    sealed interface Claim {

        /** Ours: go ahead and deploy. */
        record Taken() implements Claim {
        }

        /** Deployed before; {@code result} is what that invocation stored. */
        record Completed(String result) implements Claim {
        }

        /** An earlier delivery sent it and got no answer; {@code note} says what happened. */
        record Uncertain(String note) implements Claim {
        }

        /** Another invocation holds it until {@code until}. */
        record InProgress(Instant until) implements Claim {
        }
    }
}
