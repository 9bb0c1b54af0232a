package io.connectdeployer.testing;

import java.time.Duration;
import java.util.function.LongSupplier;

/** A nano clock that moves only when told to; starts far from zero so absolute and relative times cannot be mixed up. */
public final class FakeNanoClock implements LongSupplier {

    private long nanos = 1_000_000_000_000L;

    @Override
    public long getAsLong() {
        return nanos;
    }

    public void advance(Duration duration) {
        nanos += duration.toNanos();
    }
}
