package io.connectdeployer.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.connectdeployer.deadline.Deadline;
import io.connectdeployer.dedupe.DedupeUnavailableException;
import io.connectdeployer.dedupe.DeduplicationStore;

/**
 * The DynamoDB table's semantics in a map: conditional claim, expiry taken over, a claim completed or released only
 * by its owner. Each call is started as the real store starts it, only with time left on its deadline, and noted.
 */
public final class InMemoryDeduplicationStore implements DeduplicationStore {

    private enum State { CLAIMED, COMPLETED, UNCERTAIN }

    private record Item(State state, String owner, String result, Instant expiresAt) {

        boolean completed() {
            return state == State.COMPLETED;
        }
    }

    private final Map<String, Item> items = new HashMap<>();
    private final List<String> calls = new ArrayList<>();
    private boolean down;
    private FakeNanoClock hangsOn;

    /** From now on every call fails as an unreachable table would. */
    public void goDown() {
        down = true;
    }

    /**
     * From now on every call hangs: the clock moves on by all its deadline leaves it, and it fails as the real store
     * fails a call the SDK's apiCallTimeout cut.
     */
    public void hangOn(FakeNanoClock clock) {
        hangsOn = clock;
    }

    @Override
    public synchronized Claim claim(String key, String owner, Instant now, Instant lockedUntil, Deadline deadline) {
        start("claim " + key, deadline);
        Item item = items.get(key);
        if (item == null || item.expiresAt().isBefore(now)) {
            items.put(key, new Item(State.CLAIMED, owner, null, lockedUntil));
            return new Claim.Taken();
        }
        if (item.completed()) {
            return new Claim.Completed(item.result());
        }
        if (item.state() == State.UNCERTAIN) {
            return new Claim.Uncertain(item.result());
        }
        return owner.equals(item.owner()) ? new Claim.Taken() : new Claim.InProgress(item.expiresAt());
    }

    @Override
    public synchronized boolean complete(String key, String owner, String result, Instant expiresAt, Deadline deadline) {
        start("complete " + key, deadline);
        Item item = items.get(key);
        if (item != null && !owner.equals(item.owner())) {
            return false;
        }
        items.put(key, new Item(State.COMPLETED, owner, result, expiresAt));
        return true;
    }

    @Override
    public synchronized boolean markUncertain(String key, String owner, String note, Instant expiresAt, Deadline deadline) {
        start("uncertain " + key, deadline);
        Item item = items.get(key);
        if (item != null && !owner.equals(item.owner())) {
            return false;
        }
        items.put(key, new Item(State.UNCERTAIN, owner, note, expiresAt));
        return true;
    }

    @Override
    public synchronized boolean release(String key, String owner, Deadline deadline) {
        start("release " + key, deadline);
        Item item = items.get(key);
        if (item == null || item.state() != State.CLAIMED || !owner.equals(item.owner())) {
            return false;
        }
        items.remove(key);
        return true;
    }

    public synchronized boolean holds(String key) {
        return items.containsKey(key);
    }

    /** The result stored under {@code key}, null while it is only claimed (or not at all). */
    public synchronized String result(String key) {
        Item item = items.get(key);
        return item == null ? null : item.result();
    }

    /** True when {@code key} holds a claim marked uncertain. */
    public synchronized boolean uncertain(String key) {
        Item item = items.get(key);
        return item != null && item.state() == State.UNCERTAIN;
    }

    /** The calls made ("claim key", "complete key", "uncertain key", "release key"), in order. */
    public synchronized List<String> calls() {
        return List.copyOf(calls);
    }

    private void start(String call, Deadline deadline) {
        deadline.timeoutFor(call);
        calls.add(call);
        if (down) {
            throw new DedupeUnavailableException("table unreachable", new RuntimeException("connection refused"));
        }
        if (hangsOn != null) {
            hangsOn.advance(deadline.remaining());
            throw deadline.exceeded("while trying to " + call);
        }
    }
}
