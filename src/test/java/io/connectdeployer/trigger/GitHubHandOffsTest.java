package io.connectdeployer.trigger;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.connectdeployer.deploy.Problem;

/** The hand-off event: only what a deployment reads, decided again with the same rules on the asynchronous side. */
class GitHubHandOffsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DELIVERY = "72d3162e-cc78-11e3-81ab-4c9367dc0958";
    private static final Instant RECEIVED = Instant.parse("2024-05-01T10:00:02Z");
    private static final ReleasePolicy POLICY = new ReleasePolicy(false, Duration.ofHours(72));

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static final JsonNode PAYLOAD = json("""
            {"action": "released",
             "release": {"id": 1, "tag_name": "v1.4.2", "name": "Spring", "html_url": "https://github.com/acme/gateway/releases/tag/v1.4.2",
                         "published_at": "2024-05-01T10:00:00Z", "draft": false, "prerelease": false,
                         "body": "long release notes", "assets": [{"id": 9, "name": "fw.bin"}], "author": {"login": "octocat"}},
             "repository": {"id": 2, "name": "gateway", "full_name": "acme/gateway", "owner": {"login": "acme"}},
             "sender": {"login": "octocat"}}
            """);

    @Test
    void should_keep_only_the_fields_a_deployment_reads_when_a_release_is_handed_off() {
        // when
        ObjectNode event = GitHubHandOffs.event("release", DELIVERY, PAYLOAD, RECEIVED);

        // then
        assertEquals(json("""
                {"github_release_handoff": {"event": "release", "delivery": "%s", "received_at": "2024-05-01T10:00:02Z",
                  "payload": {"action": "released", "repository": {"name": "gateway", "full_name": "acme/gateway"},
                    "release": {"id": 1, "tag_name": "v1.4.2", "name": "Spring",
                                "html_url": "https://github.com/acme/gateway/releases/tag/v1.4.2",
                                "published_at": "2024-05-01T10:00:00Z", "draft": false, "prerelease": false}}}}
                """.formatted(DELIVERY)), event);
    }

    @Test
    void should_plan_exactly_what_the_delivery_itself_plans_when_the_hand_off_is_invoked() {
        // given
        ObjectNode event = GitHubHandOffs.event("release", DELIVERY, PAYLOAD, RECEIVED);

        // when
        Batch handedOff = Triggers.batch(EventShape.of(event), event, null, POLICY);

        // then
        assertEquals(GitHubReleases.from("release", DELIVERY, PAYLOAD, POLICY, RECEIVED), handedOff);
    }

    @Test
    void should_judge_the_age_at_receipt_not_at_the_async_retry_when_lambda_retries_hours_later() {
        // given: received 71 hours after publication; the asynchronous side runs later
        ObjectNode event = GitHubHandOffs.event("release", DELIVERY, PAYLOAD, Instant.parse("2024-05-04T09:00:00Z"));

        // when
        Work work = GitHubHandOffs.from(event, POLICY).work().get(0);

        // then
        assertEquals("github:acme/gateway/releases/1", ((Work.Deploy) work).dedupeKey());
    }

    @Test
    void should_report_the_receipt_time_when_it_is_missing() {
        // given
        ObjectNode event = GitHubHandOffs.event("release", DELIVERY, PAYLOAD, RECEIVED);
        ((ObjectNode) event.get("github_release_handoff")).remove("received_at");

        // when
        Work.Deploy work = (Work.Deploy) GitHubHandOffs.from(event, POLICY).work().get(0);

        // then
        assertEquals(List.of(new Problem("$.github_release_handoff.received_at",
                "must be the ISO-8601 time the delivery was received")), work.event().problems());
    }

    @Test
    void should_not_take_an_event_with_other_keys_for_a_hand_off() {
        // given
        ObjectNode event = GitHubHandOffs.event("release", DELIVERY, PAYLOAD, RECEIVED).put("app", "x");

        // then
        assertEquals(false, GitHubHandOffs.resembles(event));
    }
}
