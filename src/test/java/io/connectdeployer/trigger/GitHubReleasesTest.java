package io.connectdeployer.trigger;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
    private static final Instant RECEIVED = Instant.parse("2024-05-01T10:00:02Z");
    private static final ReleasePolicy RELEASES = new ReleasePolicy(false, Duration.ofHours(72));
    private static final ReleasePolicy PRERELEASES = new ReleasePolicy(true, Duration.ofHours(72));
    private static final String KEY = "github:acme/gateway/releases/1";

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

    private static Batch from(ObjectNode payload, ReleasePolicy policy) {
        return GitHubReleases.from("release", DELIVERY, payload, policy, RECEIVED);
    }

    private static Work.Deploy deployed(ObjectNode payload) {
        return (Work.Deploy) from(payload, RELEASES).work().get(0);
    }

    @Test
    void should_deploy_the_tag_as_version_keyed_on_the_release_when_a_release_is_released() {
        // when
        Batch batch = from(payload("released", "v1.4.2", false, false), RELEASES);

        // then
        assertEquals(new Batch(Source.GITHUB, DELIVERY, List.of(new Work.Deploy(DELIVERY,
                new DeployEventReader.Read(version("v1.4.2"), List.of()),
                fallback("acme/gateway v1.4.2 \"Spring release\" " + URL),
                Map.of("tag", "v1.4.2", "repository", "acme/gateway", "release_url", URL, "event_id", DELIVERY,
                        "time", PUBLISHED_AT), KEY, Map.of("repository", "acme/gateway")))), batch);
    }

    @Test
    void should_leave_the_release_name_out_of_the_comment_when_it_is_blank() {
        // given
        ObjectNode payload = payload("released", "v1.4.2", false, false);
        ((ObjectNode) payload.get("release")).put("name", " ");

        // then
        assertEquals(fallback("acme/gateway v1.4.2 " + URL), deployed(payload).fallback());
    }

    @Test
    void should_leave_name_and_url_out_of_the_comment_and_values_when_the_release_has_neither() {
        // given
        ObjectNode payload = payload("released", "v1.4.2", false, false);
        ((ObjectNode) payload.get("release")).remove(List.of("name", "html_url"));

        // when
        Work.Deploy work = deployed(payload);

        // then
        assertEquals(fallback("acme/gateway v1.4.2"), work.fallback());
        assertEquals(Map.of("tag", "v1.4.2", "repository", "acme/gateway", "event_id", DELIVERY, "time", PUBLISHED_AT),
                work.values());
    }

    /** What GitHub sends: both actions of one release carry the same release, so only the policy's action deploys. */
    @ParameterizedTest(name = "prereleases {0}, {1}, prerelease={2}: {3}")
    @CsvSource(delimiter = '|', value = {
            "false | published   | false | release action 'published' does not deploy; only 'released' does",
            "false | released    | false | deploy",
            "false | published   | true  | release v1.4.2 is a prerelease; set DEPLOY_GITHUB_PRERELEASES=true to deploy prereleases",
            "false | prereleased | true  | release v1.4.2 is a prerelease; set DEPLOY_GITHUB_PRERELEASES=true to deploy prereleases",
            "false | edited      | false | release action 'edited' does not deploy; only 'released' does",
            "false | created     | false | release action 'created' does not deploy; only 'released' does",
            "false | deleted     | false | release action 'deleted' does not deploy; only 'released' does",
            "true  | published   | true  | deploy",
            "true  | published   | false | deploy",
            "true  | prereleased | true  | release action 'prereleased' does not deploy; only 'published' does (DEPLOY_GITHUB_PRERELEASES=true)",
            "true  | released    | false | release action 'released' does not deploy; only 'published' does (DEPLOY_GITHUB_PRERELEASES=true)",
            "true  | unpublished | true  | release action 'unpublished' does not deploy; only 'published' does (DEPLOY_GITHUB_PRERELEASES=true)" })
    void should_deploy_on_exactly_one_action_per_release(boolean prereleases, String action, boolean prerelease, String outcome) {
        // when
        Work work = from(payload(action, "v1.4.2", false, prerelease), prereleases ? PRERELEASES : RELEASES).work().get(0);

        // then
        if ("deploy".equals(outcome)) {
            assertEquals(KEY, ((Work.Deploy) work).dedupeKey());
        } else {
            assertEquals(new Work.Skip(DELIVERY, outcome), work);
        }
    }

    @Test
    void should_deploy_a_promoted_prerelease_once_when_github_sends_only_released_and_edited() {
        // when
        List<Work> work = List.of(from(payload("edited", "v1.5.0", false, false), RELEASES).work().get(0),
                from(payload("released", "v1.5.0", false, false), RELEASES).work().get(0));

        // then
        assertEquals(1, work.stream().filter(Work.Deploy.class::isInstance).count());
    }

    @Test
    void should_skip_a_draft_even_when_the_action_is_published_and_prereleases_are_on() {
        // when
        Batch batch = from(payload("published", "v1.4.2", true, true), PRERELEASES);

        // then
        assertEquals(List.of(new Work.Skip(DELIVERY, "release v1.4.2 is a draft")), batch.work());
    }

    @Test
    void should_skip_naming_the_event_when_the_event_is_not_release() {
        // given
        JsonNode ping = JSON.createObjectNode().put("zen", "Keep it logically awesome.").put("hook_id", 1);

        // when
        Batch batch = GitHubReleases.from("ping", DELIVERY, ping, RELEASES, RECEIVED);

        // then
        assertEquals(new Batch(Source.GITHUB, DELIVERY, List.of(new Work.Skip(DELIVERY,
                "GitHub event 'ping' does not deploy; only 'release' does"))), batch);
    }

    @Test
    void should_refuse_as_a_possible_replay_when_the_release_was_published_longer_ago_than_the_max_age() {
        // when
        Batch batch = GitHubReleases.from("release", DELIVERY, payload("released", "v1.4.2", false, false), RELEASES,
                Instant.parse(PUBLISHED_AT).plus(Duration.ofHours(72)).plusSeconds(1));

        // then
        assertEquals(List.of(new Work.Skip(DELIVERY, "release v1.4.2 was published at " + PUBLISHED_AT
                + ", longer ago than DEPLOY_GITHUB_MAX_AGE (PT72H): refused as a possible replay of an old delivery")),
                batch.work());
    }

    @Test
    void should_deploy_when_the_release_is_exactly_as_old_as_the_max_age() {
        // when
        Batch batch = GitHubReleases.from("release", DELIVERY, payload("released", "v1.4.2", false, false), RELEASES,
                Instant.parse(PUBLISHED_AT).plus(Duration.ofHours(72)));

        // then
        assertEquals(KEY, ((Work.Deploy) batch.work().get(0)).dedupeKey());
    }

    @Test
    void should_report_the_time_and_key_nothing_when_published_at_is_not_a_time() {
        // given
        ObjectNode payload = payload("released", "v1.4.2", false, false);
        ((ObjectNode) payload.get("release")).put("published_at", "yesterday");

        // when
        Work.Deploy work = deployed(payload);

        // then
        assertEquals(List.of(new Problem("$.release.published_at", "not an ISO-8601 time: 'yesterday'")), work.event().problems());
        assertEquals(null, work.dedupeKey());
    }

    @Test
    void should_report_the_release_id_when_it_is_missing() {
        // given
        ObjectNode payload = payload("released", "v1.4.2", false, false);
        ((ObjectNode) payload.get("release")).remove("id");

        // then
        assertEquals(List.of(new Problem("$.release.id", "missing: every release delivery names its repository and release id")),
                deployed(payload).event().problems());
    }

    @Test
    void should_report_the_tag_and_leave_it_out_of_the_values_when_a_released_release_has_no_tag() {
        // when
        Work.Deploy work = deployed(payload("released", null, false, false));

        // then
        assertEquals(new DeployEventReader.Read(version(null),
                List.of(new Problem("$.release.tag_name", "missing: a published release has a tag"))), work.event());
        assertEquals(Map.of("repository", "acme/gateway", "release_url", URL, "event_id", DELIVERY, "time", PUBLISHED_AT),
                work.values());
    }
}
