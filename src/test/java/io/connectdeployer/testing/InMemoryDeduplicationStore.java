package io.connectdeployer.testing;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import io.connectdeployer.dedupe.DedupeUnavailableException;
import io.connectdeployer.dedupe.DeduplicationStore;

/** The DynamoDB table's semantics in a map: conditional claim, expiry taken over, release only of a live claim. */
public final class InMemoryDeduplicationStore implements DeduplicationStore {

    private record Item(boolean completed, String result, Instant expiresAt) {
    }

    private final Map<String, Item> items = new HashMap<>();
    private boolean down;

    /** From now on every call fails as an unreachable table would. */
    public void goDown() {
        down = true;
    }

    @Override
    public synchronized Claim claim(String key, Instant now, Instant lockedUntil) {
        failIfDown();
        Item item = items.get(key);
        if (item == null || item.expiresAt().isBefore(now)) {
            items.put(key, new Item(false, null, lockedUntil));
            return new Claim.Taken();
        }
        return item.completed() ? new Claim.Completed(item.result()) : new Claim.InProgress(item.expiresAt());
    }

    @Override
    public synchronized void complete(String key, String result, Instant expiresAt) {
        failIfDown();
        items.put(key, new Item(true, result, expiresAt));
    }

    @Override
    public synchronized void release(String key) {
        failIfDown();
        Item item = items.get(key);
        if (item != null && !item.completed()) {
            items.remove(key);
        }
    }

    public synchronized boolean holds(String key) {
        return items.containsKey(key);
    }

    private void failIfDown() {
        if (down) {
            throw new DedupeUnavailableException("table unreachable", new RuntimeException("connection refused"));
        }
    }
}
