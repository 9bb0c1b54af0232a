package io.connectdeployer.trigger;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Everything one invocation's event asks for; several items only for S3 notifications with several records.
 * {@code names} says what each item is about in messages: {@code s3://bucket/key} for an S3 record (its sequencer
 * would tell a user nothing), else the event id.
 */
public record Batch(Source source, String eventId, List<Work> work, List<String> names) {

    public Batch {
        work = List.copyOf(work);
        // Not List.copyOf: an item may have no name, as it may have no event id.
        names = Collections.unmodifiableList(new ArrayList<>(names));
        if (names.size() != work.size()) {
            throw new IllegalArgumentException(names.size() + " names for " + work.size() + " items");
        }
    }

    /** Each item named by its event id. */
    public Batch(Source source, String eventId, List<Work> work) {
        this(source, eventId, work, work.stream().map(Work::eventId).toList());
    }

    public static Batch of(Source source, Work work) {
        return new Batch(source, work.eventId(), List.of(work));
    }
}
