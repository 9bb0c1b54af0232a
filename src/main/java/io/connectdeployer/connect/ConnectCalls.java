package io.connectdeployer.connect;

import java.util.ArrayList;
import java.util.List;

/**
 * What one deployment cost on the way to Connect, for its metrics: how long each call to Connect took (a call
 * without an answer counts until it failed), how often a 429 made it wait, and how often the token was read
 * from Secrets Manager rather than the cache.
 */
public record ConnectCalls(List<Long> latenciesMs, int rateLimitWaits, int secretReads) {

    public static final ConnectCalls NONE = new ConnectCalls(List.of(), 0, 0);

    public ConnectCalls {
        latenciesMs = List.copyOf(latenciesMs);
    }

    /** Counts as one deployment runs; {@link #done(int)} freezes it. Confined to the invocation's thread. */
    static final class Recorder {

        private final List<Long> latenciesMs = new ArrayList<>();
        private int rateLimitWaits;

        void call(long tookNanos) {
            latenciesMs.add(tookNanos / 1_000_000);
        }

        void rateLimitWait() {
            rateLimitWaits++;
        }

        ConnectCalls done(long secretReads) {
            return new ConnectCalls(latenciesMs, rateLimitWaits, (int) secretReads);
        }
    }
}
