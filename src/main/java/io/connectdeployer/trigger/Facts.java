package io.connectdeployer.trigger;

/**
 * The names of what a trigger tells routes about an event besides its source and app ({@link Work.Deploy#facts()}):
 * a route's conditions of the same names compare against them.
 */
public final class Facts {

    public static final String BUCKET = "bucket";
    public static final String KEY = "key";
    public static final String REPOSITORY = "repository";
    public static final String EVENTBRIDGE_SOURCE = "eventbridge_source";
    public static final String DETAIL_TYPE = "detail_type";
    /** The EventBridge rule's or Scheduler schedule's name (the last part of its ARN). */
    public static final String SCHEDULE = "schedule";
    /**
     * Set (to the reason it would be skipped) on an S3 object whose key DEPLOY_S3_KEY_PATTERN does not match: only
     * a route that names its own {@code key_prefix} or {@code key_pattern} takes it; else it is ignored.
     */
    public static final String UNMATCHED = "unmatched";

    private Facts() {
    }
}
