package io.connectdeployer.trigger;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.connectdeployer.deploy.App;
import io.connectdeployer.deploy.Problem;
import io.connectdeployer.event.DeployEvent;
import io.connectdeployer.event.DeployEventReader;

/**
 * DEPLOY_S3_KEY_PATTERN: which object keys are builds to deploy, and where the app name and version sit in them
 * (named groups {@code app} and {@code version}, both optional). Compiled once at startup.
 */
public final class S3KeyPattern {

    /** {@code <app>/<version>/<file>}, under any prefix: {@code firmware/gateway/v1.4.2/gateway.bin}. */
    public static final String DEFAULT = "(?:.*/)?(?<app>[^/]+)/(?<version>[^/]+)/[^/]+";

    private final Pattern pattern;
    private final boolean hasApp;
    private final boolean hasVersion;
    private final boolean routed;

    private S3KeyPattern(Pattern pattern, boolean routed) {
        this.pattern = pattern;
        this.routed = routed;
        // Java 17 cannot list a pattern's named groups (Pattern.namedGroups() came in Java 20).
        this.hasApp = pattern.pattern().contains("(?<app>");
        this.hasVersion = pattern.pattern().contains("(?<version>");
    }

    public static S3KeyPattern compile(String regex) {
        return new S3KeyPattern(Pattern.compile(regex), false);
    }

    /**
     * This pattern with routes configured (DEPLOY_ROUTES_PATH): a key it does not match is then not skipped here but
     * handed on with {@link Facts#UNMATCHED}, so a route with its own key prefix or pattern can still take it.
     */
    public S3KeyPattern routed() {
        return new S3KeyPattern(pattern, true);
    }

    public String regex() {
        return pattern.pattern();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof S3KeyPattern that && regex().equals(that.regex()) && routed == that.routed;
    }

    @Override
    public int hashCode() {
        return regex().hashCode();
    }

    @Override
    public String toString() {
        return regex();
    }

    /**
     * A deployment for a created object, or a skip when its key is not one of the builds the pattern describes.
     * The key is already decoded; {@code identity} tells this upload of it from others (see {@link DedupeKeys#s3});
     * {@code path} locates the bucket and object in the event, for messages.
     */
    Work work(String bucket, String key, String identity, String eventId, String time, String path) {
        List<Problem> problems = new ArrayList<>();
        if (bucket == null) {
            problems.add(new Problem(path + ".bucket.name", "missing: the S3 event names no bucket"));
        }
        if (key == null) {
            problems.add(new Problem(path + ".object.key", "missing, or not a valid URL-encoded key"));
            return new Work.Deploy(eventId, new DeployEventReader.Read(DeployEvent.empty(), problems), null, new Values().map(), null);
        }
        Matcher matcher = pattern.matcher(key);
        boolean matches = matcher.matches();
        String unmatched = matches ? null : "key '" + key + "' does not match DEPLOY_S3_KEY_PATTERN " + pattern.pattern();
        if (!matches && !routed) {
            return new Work.Skip(eventId, unmatched);
        }
        String app = matches && hasApp ? matcher.group("app") : null;
        String version = matches && hasVersion ? matcher.group("version") : null;
        DeployEvent event = app == null && version == null ? DeployEvent.empty()
                : new DeployEvent(null, null, null, null, new App(app, version), null, null, null);
        Values values = new Values().put("bucket", bucket).put("key", key).put("event_id", eventId).put("time", time);
        DeployEvent fallback = new DeployEvent(null, null, null, null, null, null, "New object s3://" + bucket + "/" + key, null);
        return new Work.Deploy(eventId, new DeployEventReader.Read(event, problems), fallback, values.map(),
                DedupeKeys.s3(bucket, key, identity),
                new Values().put(Facts.BUCKET, bucket).put(Facts.KEY, key).put(Facts.UNMATCHED, unmatched).map());
    }
}
