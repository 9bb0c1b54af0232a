package io.connectdeployer.trigger;

import com.fasterxml.jackson.databind.JsonNode;

/** Turns an event that is not a Function URL request into the work it asks for. Pure. */
public final class Triggers {

    private Triggers() {
    }

    public static Batch batch(EventShape shape, JsonNode event, S3KeyPattern keys, ReleasePolicy github) {
        return switch (shape) {
            case S3_NOTIFICATION -> S3Notifications.from(event, keys);
            case EVENTBRIDGE -> EventBridgeEvents.from(event, keys);
            case SCHEDULER -> SchedulerEvents.from(event);
            case GITHUB_HANDOFF -> GitHubHandOffs.from(event, github);
            case DEPLOY_EVENT -> DirectEvents.from(event, Source.DIRECT);
            case FUNCTION_URL -> throw new IllegalArgumentException("Function URL requests are answered by FunctionUrlHandler");
        };
    }
}
