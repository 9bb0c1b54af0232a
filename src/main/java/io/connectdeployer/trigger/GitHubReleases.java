package io.connectdeployer.trigger;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.connectdeployer.deploy.App;
import io.connectdeployer.deploy.Problem;
import io.connectdeployer.event.DeployEvent;
import io.connectdeployer.event.DeployEventReader;

/**
 * A verified GitHub webhook delivery: one action per release deploys its tag as the app version (see
 * {@link ReleasePolicy#deployingAction()}); every other event, action, draft, too-old release and (unless
 * enabled) prerelease is skipped with a reason.
 */
public final class GitHubReleases {

    private GitHubReleases() {
    }

    /**
     * @param event the {@code x-github-event} header
     * @param delivery the {@code x-github-delivery} header, GitHub's id for this delivery (kept on redelivery)
     * @param receivedAt when the signed delivery reached the function; a release's age is judged against it
     */
    public static Batch from(String event, String delivery, JsonNode payload, ReleasePolicy policy, Instant receivedAt) {
        return Batch.of(Source.GITHUB, work(event, delivery, payload, policy, receivedAt));
    }

    private static Work work(String event, String delivery, JsonNode payload, ReleasePolicy policy, Instant receivedAt) {
        if (!"release".equals(event)) {
            return new Work.Skip(delivery, "GitHub event '" + event + "' does not deploy; only 'release' does");
        }
        String action = Envelope.text(payload, "action");
        JsonNode release = Envelope.at(payload, "release");
        String tag = Envelope.text(release, "tag_name");
        boolean prerelease = release != null && release.path("prerelease").asBoolean(false);
        if (release != null && release.path("draft").asBoolean(false)) {
            return new Work.Skip(delivery, "release " + tag + " is a draft");
        }
        if (prerelease && !policy.deployPrereleases()) {
            return new Work.Skip(delivery, "release " + tag + " is a prerelease; set DEPLOY_GITHUB_PRERELEASES=true to deploy prereleases");
        }
        if (!policy.deployingAction().equals(action)) {
            return new Work.Skip(delivery, "release action '" + action + "' does not deploy; only '" + policy.deployingAction()
                    + "' does" + (policy.deployPrereleases() ? " (DEPLOY_GITHUB_PRERELEASES=true)" : ""));
        }
        List<Problem> problems = new ArrayList<>();
        if (tag == null) {
            problems.add(new Problem("$.release.tag_name", "missing: a published release has a tag"));
        }
        String publishedAt = Envelope.text(release, "published_at");
        String tooOld = tooOld(publishedAt, policy.maxAge(), receivedAt, problems);
        if (tooOld != null) {
            return new Work.Skip(delivery, "release " + tag + " " + tooOld);
        }
        JsonNode id = Envelope.at(release, "id");
        String repository = Envelope.text(payload, "repository", "full_name");
        if (repository == null || id == null || !id.canConvertToLong()) {
            problems.add(new Problem(repository == null ? "$.repository.full_name" : "$.release.id",
                    "missing: every release delivery names its repository and release id"));
        }
        String url = Envelope.text(release, "html_url");
        String name = Envelope.text(release, "name");
        DeployEvent deploy = new DeployEvent(null, null, null, null, new App(null, tag), null, null, null);
        DeployEvent fallback = new DeployEvent(null, null, null, null,
                new App(Envelope.text(payload, "repository", "name"), null), null,
                repository + " " + tag + (name == null || name.isBlank() ? "" : " \"" + name + "\"") + (url == null ? "" : " " + url),
                null);
        Values values = new Values().put("tag", tag).put("repository", repository).put("release_url", url)
                .put("event_id", delivery).put("time", publishedAt);
        // Keyed on the release, not the delivery: GitHub's several deliveries of one release (published, released),
        // and any redelivery of them, can never both deploy.
        String dedupeKey = problems.isEmpty() ? DedupeKeys.githubRelease(repository, id.asLong()) : null;
        return new Work.Deploy(delivery, new DeployEventReader.Read(deploy, problems), fallback, values.map(), dedupeKey,
                new Values().put(Facts.REPOSITORY, repository).map());
    }

    /** Why the release is too old to deploy, or null; an unreadable time is a problem of the event instead. */
    private static String tooOld(String publishedAt, Duration maxAge, Instant receivedAt, List<Problem> problems) {
        if (publishedAt == null) {
            problems.add(new Problem("$.release.published_at", "missing: a published release has a publication time"));
            return null;
        }
        Instant published;
        try {
            published = Instant.parse(publishedAt);
        } catch (DateTimeParseException unreadable) {
            problems.add(new Problem("$.release.published_at", "not an ISO-8601 time: '" + publishedAt + "'"));
            return null;
        }
        if (published.plus(maxAge).isBefore(receivedAt)) {
            return "was published at " + publishedAt + ", longer ago than DEPLOY_GITHUB_MAX_AGE (" + maxAge
                    + "): refused as a possible replay of an old delivery";
        }
        return null;
    }
}
