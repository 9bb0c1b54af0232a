package io.connectdeployer.trigger;

import java.util.List;

/** Everything one invocation's event asks for; several items only for S3 notifications with several records. */
public record Batch(Source source, String eventId, List<Work> work) {

    public Batch {
        work = List.copyOf(work);
    }

    public static Batch of(Source source, Work work) {
        return new Batch(source, work.eventId(), List.of(work));
    }
}
