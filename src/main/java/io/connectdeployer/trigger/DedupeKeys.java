package io.connectdeployer.trigger;

/**
 * The one grammar of dedupe keys, {@code <namespace>/<source>:<identity>}: the triggers build {@code <source>:<identity>}
 * from what stays the same across every delivery of one event (and differs between events); the runner puts the
 * function's namespace in front, so two functions sharing a table never suppress each other.
 */
public final class DedupeKeys {

    /** The version id S3 reports while versioning is suspended: every upload of the key has it, so it identifies nothing. */
    private static final String NULL_VERSION = "null";

    private DedupeKeys() {
    }

    /** {@code <namespace>/<key>}; null (nothing to key on, no check) stays null. */
    public static String namespaced(String namespace, String key) {
        return key == null ? null : namespace + "/" + key;
    }

    /**
     * What tells one upload of an S3 object from another, the same whichever way S3 sent the event: its version id,
     * else (versioning off or suspended) the sequencer S3 gives each event of a key; null when there is neither.
     */
    static String s3Identity(String versionId, String sequencer) {
        return versionId != null && !NULL_VERSION.equals(versionId) ? versionId : sequencer;
    }

    /**
     * {@code s3:<bucket>/<key>@<identity>}, for an S3 notification and an EventBridge S3 event alike: one upload has
     * one key, whichever route (or both) delivered it. Null without an identity: a re-upload must never be its duplicate.
     */
    static String s3(String bucket, String key, String identity) {
        return bucket == null || key == null || identity == null ? null : of(Source.S3, bucket + "/" + key + "@" + identity);
    }

    /** {@code eventbridge:<id>}: an EventBridge event with nothing better to key on than its id. */
    static String eventBridge(String id) {
        return id == null ? null : of(Source.EVENTBRIDGE, id);
    }

    /** {@code schedule:<rule name or schedule ARN>@<scheduled time>}: one firing, which a redelivery repeats. */
    static String firing(String schedule, String time) {
        return of(Source.SCHEDULE, schedule + "@" + time);
    }

    /** {@code github:<owner>/<repository>/releases/<release id>}: the release, not the delivery. */
    static String githubRelease(String repository, long releaseId) {
        return of(Source.GITHUB, repository + "/releases/" + releaseId);
    }

    /** {@code <source>:<idempotency_key>}: the sender's own key for its event. */
    static String idempotency(Source source, String idempotencyKey) {
        return of(source, idempotencyKey);
    }

    private static String of(Source source, String identity) {
        return source.json() + ":" + identity;
    }
}
