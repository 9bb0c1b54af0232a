package io.connectdeployer.connect;

import java.time.Duration;
import java.util.Optional;

/** What Connect answered to one POST: status, raw body and, on 429/503, how long it asked us to wait. */
public record ConnectReply(int status, String body, Optional<Duration> retryAfter) {

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }
}
