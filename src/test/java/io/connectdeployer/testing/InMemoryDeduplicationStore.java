package io.connectdeployer.testing;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import io.connectdeployer.dedupe.DedupeUnavailableException;
import io.connectdeployer.dedupe.DeduplicationStore;

/**
 * The DynamoDB table's semantics in a map: conditional claim, expiry taken over, a claim completed or released only
 * by its owner.
 */
public final class InMemoryDeduplicationStore implements DeduplicationStore {

    private record Item(boolean completed, String owner, String result, Instant expiresAt) {
    }

    private final Map<String, Item> items = new HashMap<>();
    private boolean down;

    /** From now on every call fails as an unreachable table would. */
    public void goDown() {
        down = true;
    }

    @Override
    public synchronized Claim claim(String key, String owner, Instant now, Instant lockedUntil) {
        failIfDown();
        Item item = items.get(key);
        if (item == null || item.expiresAt().isBefore(now)) {
            items.put(key, new Item(false, owner, null, lockedUntil));
            return new Claim.Taken();
        }
        if (item.completed()) {
            return new Claim.Completed(item.result());
        }
        return owner.equals(item.owner()) ? new Claim.Taken() : new Claim.InProgress(item.expiresAt());
    }

    @Override
    public synchronized boolean complete(String key, String owner, String result, Instant expiresAt) {
        failIfDown();
        Item item = items.get(key);
        if (item != null && !owner.equals(item.owner())) {
            return false;
        }
        items.put(key, new Item(true, owner, result, expiresAt));
        return true;
    }

    @Override
    public synchronized boolean release(String key, String owner) {
        failIfDown();
        Item item = items.get(key);
        if (item == null || item.completed() || !owner.equals(item.owner())) {
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

    private void failIfDown() {
        if (down) {
            throw new DedupeUnavailableException("table unreachable", new RuntimeException("connection refused"));
        }
    }
}
