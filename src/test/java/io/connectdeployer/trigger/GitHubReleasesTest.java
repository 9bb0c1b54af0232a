package io.connectdeployer.trigger;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.connectdeployer.deploy.App;
import io.connectdeployer.deploy.Problem;
import io.connectdeployer.event.DeployEvent;
import io.connectdeployer.event.DeployEventReader;

class GitHubReleasesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DELIVERY = "72d3162e-cc78-11e3-81ab-4c9367dc0958";
    private static final String URL = "https://github.com/acme/gateway/releases/tag/v1.4.2";
    private static final String PUBLISHED_AT = "2024-05-01T10:00:00Z";

    /** A release payload as GitHub sends it, trimmed to the fields the function reads and a few it ignores. */
    private static ObjectNode payload(String action, String tag, boolean draft, boolean prerelease) {
        ObjectNode payload = JSON.createObjectNode().put("action", action);
        ObjectNode release = payload.putObject("release")
                .put("id", 1)
                .put("html_url", URL)
                .put("name", "Spring release")
                .put("draft", draft)
                .put("prerelease", prerelease)
                .put("published_at", PUBLISHED_AT);
        if (tag != null) {
            release.put("tag_name", tag);
        }
        payload.putObject("repository").put("id", 2).put("name", "gateway").put("full_name", "acme/gateway");
        payload.putObject("sender").put("login", "octocat");
        return payload;
    }

    private static DeployEvent version(String version) {
        return new DeployEvent(null, null, null, null, new App(null, version), null, null, null);
    }

    private static DeployEvent fallback(String comment) {
        return new DeployEvent(null, null, null, null, new App("gateway", null), null, comment, null);
    }

    @Test
    void should_deploy_the_tag_as_version_with_the_repository_as_fallback_app_name_when_a_release_is_published() {
        // when
        Batch batch = GitHubReleases.from("release", DELIVERY, payload("published", "v1.4.2", false, false), false);

        // then
        assertEquals(new Batch(Source.GITHUB, DELIVERY, List.of(new Work.Deploy(DELIVERY,
                new DeployEventReader.Read(version("v1.4.2"), List.of()),
                fallback("acme/gateway v1.4.2 \"Spring release\" " + URL),
                Map.of("tag", "v1.4.2", "repository", "acme/gateway", "release_url", URL, "event_id", DELIVERY,
                        "time", PUBLISHED_AT), "github:" + DELIVERY))), batch);
    }

    @Test
    void should_leave_the_release_name_out_of_the_comment_when_it_is_blank() {
        // given
        ObjectNode payload = payload("published", "v1.4.2", false, false);
        ((ObjectNode) payload.get("release")).put("name", " ");

        // when
        Work.Deploy work = (Work.Deploy) GitHubReleases.from("release", DELIVERY, payload, false).work().get(0);

        // then
        assertEquals(fallback("acme/gateway v1.4.2 " + URL), work.fallback());
    }

    @Test
    void should_leave_name_and_url_out_of_the_comment_and_values_when_the_release_has_neither() {
        // given
        ObjectNode payload = payload("published", "v1.4.2", false, false);
        ((ObjectNode) payload.get("release")).remove(List.of("name", "html_url"));

        // when
        Work.Deploy work = (Work.Deploy) GitHubReleases.from("release", DELIVERY, payload, false).work().get(0);

        // then
        assertEquals(fallback("acme/gateway v1.4.2"), work.fallback());
        assertEquals(Map.of("tag", "v1.4.2", "repository", "acme/gateway", "event_id", DELIVERY, "time", PUBLISHED_AT),
                work.values());
    }

    @Test
    void should_skip_naming_the_switch_when_a_prerelease_is_published_and_prereleases_are_off() {
        // when
        Batch batch = GitHubReleases.from("release", DELIVERY, payload("published", "v1.5.0-rc1", false, true), false);

        // then
        assertEquals(new Batch(Source.GITHUB, DELIVERY, List.of(new Work.Skip(DELIVERY,
                "release v1.5.0-rc1 is a prerelease; set DEPLOY_GITHUB_PRERELEASES=true to deploy prereleases"))), batch);
    }

    @Test
    void should_deploy_a_prerelease_when_prereleases_are_on() {
        // when
        Batch batch = GitHubReleases.from("release", DELIVERY, payload("published", "v1.5.0-rc1", false, true), true);

        // then
        assertEquals(List.of(new Work.Deploy(DELIVERY, new DeployEventReader.Read(version("v1.5.0-rc1"), List.of()),
                fallback("acme/gateway v1.5.0-rc1 \"Spring release\" " + URL),
                Map.of("tag", "v1.5.0-rc1", "repository", "acme/gateway", "release_url", URL, "event_id", DELIVERY,
                        "time", PUBLISHED_AT), "github:" + DELIVERY)), batch.work());
    }

    @Test
    void should_skip_a_draft_even_when_the_action_is_published_and_prereleases_are_on() {
        // when
        Batch batch = GitHubReleases.from("release", DELIVERY, payload("published", "v1.4.2", true, true), true);

        // then
        assertEquals(List.of(new Work.Skip(DELIVERY, "release v1.4.2 is a draft")), batch.work());
    }

    @Test
    void should_skip_naming_the_event_when_the_event_is_not_release() {
        // given
        JsonNode ping = JSON.createObjectNode().put("zen", "Keep it logically awesome.").put("hook_id", 1);

        // when
        Batch batch = GitHubReleases.from("ping", DELIVERY, ping, false);

        // then
        assertEquals(new Batch(Source.GITHUB, DELIVERY, List.of(new Work.Skip(DELIVERY,
                "GitHub event 'ping' does not deploy; only 'release' does"))), batch);
    }

    @Test
    void should_skip_naming_the_action_when_a_release_is_created_not_published() {
        // when
        Batch batch = GitHubReleases.from("release", DELIVERY, payload("created", "v1.4.2", false, false), false);

        // then
        assertEquals(List.of(new Work.Skip(DELIVERY, "release action 'created' does not deploy; only 'published' does")),
                batch.work());
    }

    @Test
    void should_report_the_tag_and_leave_it_out_of_the_values_when_a_published_release_has_no_tag() {
        // when
        Batch batch = GitHubReleases.from("release", DELIVERY, payload("published", null, false, false), false);

        // then
        Work.Deploy work = (Work.Deploy) batch.work().get(0);
        assertEquals(new DeployEventReader.Read(version(null),
                List.of(new Problem("$.release.tag_name", "missing: a published release has a tag"))), work.event());
        assertEquals(Map.of("repository", "acme/gateway", "release_url", URL, "event_id", DELIVERY, "time", PUBLISHED_AT),
                work.values());
    }
}
