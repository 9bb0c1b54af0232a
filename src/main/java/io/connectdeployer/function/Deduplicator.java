package io.connectdeployer.function;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.connectdeployer.deadline.Deadline;
import io.connectdeployer.deadline.DeadlineExceededException;
import io.connectdeployer.dedupe.DedupeUnavailableException;
import io.connectdeployer.dedupe.DeduplicationStore;
import io.connectdeployer.dedupe.DeduplicationStore.Claim;
import io.connectdeployer.dedupe.DeploymentInProgressException;
import io.connectdeployer.function.DeployResult.Deployment;

/**
 * Claims each deployment before Connect is called and keeps its result for the duplicates. With no store (no
 * DEDUPE_TABLE) or no key (the event carries nothing to key on) everything proceeds.
 */
public final class Deduplicator {

    private static final Logger LOG = Logger.getLogger(Deduplicator.class);

    private final Optional<DeduplicationStore> store;
    private final Duration lock;
    private final Duration ttl;
    private final boolean failOpen;
    private final Clock clock;
    private final ObjectMapper mapper;

    /**
     * @param lock how long a claim holds: longer than one invocation may take, so only a dead one's claim expires
     */
    public Deduplicator(Optional<DeduplicationStore> store, Duration lock, Duration ttl, boolean failOpen, Clock clock,
            ObjectMapper mapper) {
        this.store = store;
        this.lock = lock;
        this.ttl = ttl;
        this.failOpen = failOpen;
        this.clock = clock;
        this.mapper = mapper;
    }

    public static Deduplicator off(ObjectMapper mapper) {
        return new Deduplicator(Optional.empty(), Duration.ZERO, Duration.ZERO, false, Clock.systemUTC(), mapper);
    }

    /**
     * Empty when the caller should deploy (and then call {@link #completed} or {@link #failed}); the earlier
     * deployment when this is a duplicate of a completed one.
     *
     * @throws DeploymentInProgressException another invocation holds the claim
     * @throws DedupeUnavailableException the store failed and DEDUPE_FAIL_OPEN is off
     * @throws DeadlineExceededException the deadline passed before or during the claim (fail-open or not: no time is
     *         left to deploy)
     */
    Optional<Deployment> claim(String key, Deadline deadline) {
        if (store.isEmpty() || key == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Claim claim;
        try {
            claim = store.get().claim(key, now, now.plus(lock), deadline);
        } catch (DedupeUnavailableException unavailable) {
            if (!failOpen) {
                throw unavailable;
            }
            LOG.warn("deploying without duplicate check (DEDUPE_FAIL_OPEN=true): " + unavailable.getMessage());
            return Optional.empty();
        }
        if (claim instanceof Claim.Completed completed) {
            return Optional.of(read(completed.result()));
        }
        if (claim instanceof Claim.InProgress inProgress) {
            throw new DeploymentInProgressException(key, inProgress.until());
        }
        return Optional.empty();
    }

    /**
     * Keeps the result; a failure here is logged, not thrown: the deployment was made, and failing would redo it.
     * It may run a little past the deadline ({@link Deadline#forCleanup()}), so a deployment made at the last moment
     * is still recorded.
     */
    void completed(String key, Deployment deployment, Deadline deadline) {
        if (store.isEmpty() || key == null) {
            return;
        }
        try {
            store.get().complete(key, mapper.writeValueAsString(deployment), clock.instant().plus(ttl), deadline.forCleanup());
        } catch (DedupeUnavailableException | DeadlineExceededException | JsonProcessingException notKept) {
            LOG.error("deployment made but its result not kept for duplicates: " + notKept.getMessage());
        }
    }

    /**
     * Releases the claim so Lambda's retry can deploy; if that fails, the claim expires on its own. Like
     * {@link #completed}, it may run a little past the deadline, which is often what failed the deployment.
     */
    void failed(String key, Deadline deadline) {
        if (store.isEmpty() || key == null) {
            return;
        }
        try {
            store.get().release(key, deadline.forCleanup());
        } catch (DedupeUnavailableException | DeadlineExceededException notReleased) {
            LOG.warn("claim not released, it expires on its own: " + notReleased.getMessage());
        }
    }

    private Deployment read(String json) {
        try {
            return mapper.readValue(json, Deployment.class);
        } catch (JsonProcessingException unreadable) {
            throw new DedupeUnavailableException("A stored result in the dedupe table is not readable; nothing was deployed", unreadable);
        }
    }
}
