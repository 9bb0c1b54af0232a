package io.connectdeployer.dedupe;

import java.time.Instant;

import io.connectdeployer.deadline.Deadline;

/**
 * Where a deployment is claimed before Connect is called, so a second delivery of the same event finds the claim.
 * Implementations translate their own failures into {@link DedupeUnavailableException}, and a call the deadline
 * cut into {@link io.connectdeployer.deadline.DeadlineExceededException}.
 */
public interface DeduplicationStore {

    /**
     * Claims {@code key} until {@code lockedUntil}, unless a live claim or a completed result holds it; an expired
     * claim (its function died mid-way) is taken over.
     */
    Claim claim(String key, Instant now, Instant lockedUntil, Deadline deadline);

    /** Marks the claim done and keeps {@code result} (JSON) until {@code expiresAt}, for the duplicates to come. */
    void complete(String key, String result, Instant expiresAt, Deadline deadline);

    /** Gives the claim up after a failed deployment, so a retry can deploy. */
    void release(String key, Deadline deadline);

    /** What a claim found. */
    sealed interface Claim {

        /** Ours: go ahead and deploy. */
        record Taken() implements Claim {
        }

        /** Deployed before; {@code result} is what that invocation stored. */
        record Completed(String result) implements Claim {
        }

        /** Another invocation holds it until {@code until}. */
        record InProgress(Instant until) implements Claim {
        }
    }
}
