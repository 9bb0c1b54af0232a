package io.connectdeployer.trigger;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.connectdeployer.deploy.App;
import io.connectdeployer.deploy.Problem;
import io.connectdeployer.event.DeployEvent;
import io.connectdeployer.event.DeployEventReader;

/**
 * A verified GitHub webhook delivery: a published release deploys its tag as the app version; every other
 * event, action, draft, and (unless enabled) prerelease is skipped.
 */
public final class GitHubReleases {

    private GitHubReleases() {
    }

    /**
     * @param event the {@code x-github-event} header
     * @param delivery the {@code x-github-delivery} header, GitHub's id for this delivery (kept on redelivery)
     */
    public static Batch from(String event, String delivery, JsonNode payload, boolean deployPrereleases) {
        return Batch.of(Source.GITHUB, work(event, delivery, payload, deployPrereleases));
    }

    private static Work work(String event, String delivery, JsonNode payload, boolean deployPrereleases) {
        String action = Envelope.text(payload, "action");
        if (!"release".equals(event)) {
            return new Work.Skip(delivery, "GitHub event '" + event + "' does not deploy; only 'release' does");
        }
        if (!"published".equals(action)) {
            return new Work.Skip(delivery, "release action '" + action + "' does not deploy; only 'published' does");
        }
        JsonNode release = Envelope.at(payload, "release");
        String tag = Envelope.text(release, "tag_name");
        if (release != null && release.path("draft").asBoolean(false)) {
            return new Work.Skip(delivery, "release " + tag + " is a draft");
        }
        if (release != null && release.path("prerelease").asBoolean(false) && !deployPrereleases) {
            return new Work.Skip(delivery, "release " + tag + " is a prerelease; set DEPLOY_GITHUB_PRERELEASES=true to deploy prereleases");
        }
        List<Problem> problems = new ArrayList<>();
        if (tag == null) {
            problems.add(new Problem("$.release.tag_name", "missing: a published release has a tag"));
        }
        String repository = Envelope.text(payload, "repository", "full_name");
        String url = Envelope.text(release, "html_url");
        String name = Envelope.text(release, "name");
        DeployEvent deploy = new DeployEvent(null, null, null, null, new App(null, tag), null, null, null);
        DeployEvent fallback = new DeployEvent(null, null, null, null,
                new App(Envelope.text(payload, "repository", "name"), null), null,
                repository + " " + tag + (name == null || name.isBlank() ? "" : " \"" + name + "\"") + (url == null ? "" : " " + url),
                null);
        Values values = new Values().put("tag", tag).put("repository", repository).put("release_url", url)
                .put("event_id", delivery).put("time", Envelope.text(release, "published_at"));
        return new Work.Deploy(delivery, new DeployEventReader.Read(deploy, problems), fallback, values.map(),
                delivery == null ? null : "github:" + delivery);
    }
}
