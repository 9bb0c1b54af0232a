package io.connectdeployer.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.connectdeployer.connect.Sleeper;

/** Sleeps no time: records each wait and advances the fake clock by it. */
public final class RecordingSleeper implements Sleeper {

    private final FakeNanoClock clock;
    private final List<Duration> sleeps = new ArrayList<>();

    public RecordingSleeper(FakeNanoClock clock) {
        this.clock = clock;
    }

    @Override
    public void sleep(Duration duration) {
        sleeps.add(duration);
        clock.advance(duration);
    }

    public List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }
}
