package io.connectdeployer.function;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.connectdeployer.config.InvalidConfigurationException;
import io.connectdeployer.connect.ConnectOutcomeUnknownException;
import io.connectdeployer.deadline.Deadline;
import io.connectdeployer.deadline.DeadlineExceededException;
import io.connectdeployer.dedupe.DedupeUnavailableException;
import io.connectdeployer.dedupe.DeduplicationStore;
import io.connectdeployer.dedupe.DeduplicationStore.Claim;
import io.connectdeployer.dedupe.DeploymentInProgressException;
import io.connectdeployer.function.DeployResult.Deployment;

/**
 * Claims each deployment before Connect is called and keeps its result for the duplicates. With no store (no
 * DEDUPE_TABLE) or no key (the event carries nothing to key on) everything proceeds. Each claim gets an owner token
 * of its own, so only the invocation that took a claim completes or releases it.
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
     * @param ttl how long a result is kept: longer than {@code lock}
     * @throws InvalidConfigurationException naming DEDUPE_TTL when a store is given and {@code ttl} is not longer
     *         than {@code lock}
     */
    public Deduplicator(Optional<DeduplicationStore> store, Duration lock, Duration ttl, boolean failOpen, Clock clock,
            ObjectMapper mapper) {
        if (store.isPresent() && ttl.compareTo(lock) <= 0) {
            // A result that expires before the claim it replaces would let a late redelivery deploy again.
            throw new InvalidConfigurationException(List.of("DEDUPE_TTL: must be longer than a claim holds (" + lock
                    + "), not " + ttl));
        }
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
     * One deployment's claim: deploy under it (then {@link #completed} or {@link #failed}), or, when
     * {@code earlier} is set, answer with the deployment an earlier delivery made. A null {@code key} claims nothing.
     */
    record Ticket(String key, String owner, Deployment earlier) {

        static final Ticket UNCHECKED = new Ticket(null, null, null);

        boolean duplicate() {
            return earlier != null;
        }
    }

    /**
     * @throws DeploymentInProgressException another invocation holds the claim
     * @throws ConnectOutcomeUnknownException an earlier delivery sent it and got no answer (the claim is uncertain)
     * @throws DedupeUnavailableException the store failed and DEDUPE_FAIL_OPEN is off
     * @throws DeadlineExceededException the deadline passed before or during the claim (fail-open or not: no time is
     *         left to deploy)
     */
    Ticket claim(String key, Deadline deadline) {
        if (store.isEmpty() || key == null) {
            return Ticket.UNCHECKED;
        }
        Instant now = clock.instant();
        // Made here, per claim and after init: a SnapStart snapshot must not hand every restored copy the same owner.
        String owner = UUID.randomUUID().toString();
        Claim claim;
        try {
            claim = store.get().claim(key, owner, now, now.plus(lock), deadline);
        } catch (DedupeUnavailableException unavailable) {
            if (!failOpen) {
                throw unavailable;
            }
            LOG.warn("deploying without duplicate check (DEDUPE_FAIL_OPEN=true): " + unavailable.getMessage());
            // The claim may have been written all the same: settling it under this owner keeps the result.
            return new Ticket(key, owner, null);
        }
        if (claim instanceof Claim.Completed completed) {
            return new Ticket(key, owner, read(completed.result()));
        }
        if (claim instanceof Claim.Uncertain uncertain) {
            throw ConnectOutcomeUnknownException.earlier(key, uncertain.note());
        }
        if (claim instanceof Claim.InProgress inProgress) {
            throw new DeploymentInProgressException(key, inProgress.until());
        }
        return new Ticket(key, owner, null);
    }

    /**
     * Keeps the result; a failure here is logged, not thrown: the deployment was made, and failing would redo it.
     * It may run a little past the deadline ({@link Deadline#forCleanup()}), so a deployment made at the last moment
     * is still recorded.
     */
    void completed(Ticket ticket, Deployment deployment, Deadline deadline) {
        if (store.isEmpty() || ticket.key() == null) {
            return;
        }
        try {
            String result = mapper.writeValueAsString(deployment);
            if (!store.get().complete(ticket.key(), ticket.owner(), result, clock.instant().plus(ttl), deadline.forCleanup())) {
                LOG.warn("deployment made, but its claim on '" + ticket.key() + "' expired first and another invocation"
                        + " took it over (and may deploy too): that invocation's result is kept, not this one's");
            }
        } catch (DedupeUnavailableException | DeadlineExceededException | JsonProcessingException notKept) {
            LOG.error("deployment made but its result not kept for duplicates: " + notKept.getMessage());
        }
    }

    /**
     * Marks the claim uncertain for DEDUPE_TTL, so Lambda's retries (and a redrive from the dead-letter queue) end as
     * this delivery did instead of sending again. If that fails the claim still holds until it expires: the error
     * says so, since a retry after that could deploy a second time.
     */
    void uncertain(Ticket ticket, String note, Deadline deadline) {
        if (store.isEmpty() || ticket.key() == null) {
            return;
        }
        try {
            if (!store.get().markUncertain(ticket.key(), ticket.owner(), note, clock.instant().plus(ttl), deadline.forCleanup())) {
                LOG.warn("claim on '" + ticket.key() + "' not marked uncertain: another invocation took it over");
            }
        } catch (DedupeUnavailableException | DeadlineExceededException notMarked) {
            LOG.error("claim on '" + ticket.key() + "' not marked uncertain (" + notMarked.getMessage() + "): it holds until"
                    + " it expires, then a retry may send the deployment again");
        }
    }

    /**
     * Releases the claim so Lambda's retry can deploy; if that fails, the claim expires on its own. Like
     * {@link #completed}, it may run a little past the deadline, which is often what failed the deployment.
     */
    void failed(Ticket ticket, Deadline deadline) {
        if (store.isEmpty() || ticket.key() == null) {
            return;
        }
        try {
            if (!store.get().release(ticket.key(), ticket.owner(), deadline.forCleanup())) {
                LOG.info("claim on '" + ticket.key() + "' not released: it is no longer this invocation's (expired and"
                        + " taken over, or gone)");
            }
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
