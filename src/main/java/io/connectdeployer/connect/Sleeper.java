package io.connectdeployer.connect;

import java.time.Duration;

/** Waits between attempts; a seam so unit tests of the retry loop take no time. */
@FunctionalInterface
public interface Sleeper {

    Sleeper THREAD = duration -> Thread.sleep(duration.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}
