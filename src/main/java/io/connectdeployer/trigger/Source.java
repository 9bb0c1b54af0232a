package io.connectdeployer.trigger;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Which kind of trigger an event came from; reported in the result and the log line. */
@RegisterForReflection
public enum Source {
    DIRECT, SCHEDULE, EVENTBRIDGE, S3, GITHUB, HTTP;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
