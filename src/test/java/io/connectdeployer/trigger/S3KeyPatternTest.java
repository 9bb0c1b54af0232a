package io.connectdeployer.trigger;

import static java.util.Map.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.connectdeployer.deploy.App;
import io.connectdeployer.deploy.Problem;
import io.connectdeployer.event.DeployEvent;
import io.connectdeployer.event.DeployEventReader;

/** Which keys deploy and what app and version they name; the key reaches the pattern already decoded. */
class S3KeyPatternTest {

    private static final S3KeyPattern DEFAULT = S3KeyPattern.compile(S3KeyPattern.DEFAULT);
    private static final String TIME = "2024-05-01T10:15:30.000Z";
    private static final String PATH = "$.Records[0].s3";

    private static DeployEvent app(String name, String version) {
        return new DeployEvent(null, null, null, null, new App(name, version), null, null, null);
    }

    private static DeployEvent comment(String comment) {
        return new DeployEvent(null, null, null, null, null, null, comment, null);
    }

    private static Map<String, String> values(String bucket, String key, String eventId) {
        return Map.of("bucket", bucket, "key", key, "event_id", eventId, "time", TIME);
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource({
            "gateway/v1.4.2/gateway-fw.bin, gateway, v1.4.2",
            "a/b/gateway/v1/fw.bin, gateway, v1",
            "firmware/camera/2024.05/camera.img, camera, 2024.05" })
    void should_take_the_app_and_version_from_the_two_segments_before_the_file_when_the_pattern_is_the_default(
            String key, String name, String version) {
        // when
        Work work = DEFAULT.work("firmware-releases", key, "v-1", "v-1", TIME, PATH);

        // then
        assertEquals(new Work.Deploy("v-1", new DeployEventReader.Read(app(name, version), List.of()),
                comment("New object s3://firmware-releases/" + key), values("firmware-releases", key, "v-1"), "s3:firmware-releases/" + key + "@v-1",
                Map.of("bucket", "firmware-releases", "key", key)), work);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({ "fw.bin", "gateway/fw.bin", "gateway/v1/", "gateway//fw.bin" })
    void should_skip_naming_the_pattern_when_the_key_is_not_app_version_and_file(String key) {
        // when
        Work work = DEFAULT.work("firmware-releases", key, "v-1", "v-1", TIME, PATH);

        // then
        assertEquals(new Work.Skip("v-1", "key '" + key + "' does not match DEPLOY_S3_KEY_PATTERN "
                + "(?:.*/)?(?<app>[^/]+)/(?<version>[^/]+)/[^/]+"), work);
    }

    @Test
    void should_take_only_the_version_when_the_pattern_has_only_a_version_group() {
        // given
        S3KeyPattern pattern = S3KeyPattern.compile("releases/(?<version>[^/]+)/.+\\.bin");

        // when
        Work work = pattern.work("builds", "releases/v2.1.0/gateway.bin", "seq-1", "seq-1", TIME, PATH);

        // then
        assertEquals(new Work.Deploy("seq-1", new DeployEventReader.Read(app(null, "v2.1.0"), List.of()),
                comment("New object s3://builds/releases/v2.1.0/gateway.bin"),
                values("builds", "releases/v2.1.0/gateway.bin", "seq-1"), "s3:builds/releases/v2.1.0/gateway.bin@seq-1",
                Map.of("bucket", "builds", "key", "releases/v2.1.0/gateway.bin")), work);
    }

    @Test
    void should_deploy_an_empty_event_when_the_pattern_has_no_groups() {
        // given
        S3KeyPattern pattern = S3KeyPattern.compile("nightly/.+\\.bin");

        // when
        Work work = pattern.work("builds", "nightly/gateway.bin", "seq-1", "seq-1", TIME, PATH);

        // then
        assertEquals(new Work.Deploy("seq-1", new DeployEventReader.Read(DeployEvent.empty(), List.of()),
                comment("New object s3://builds/nightly/gateway.bin"), values("builds", "nightly/gateway.bin", "seq-1"), "s3:builds/nightly/gateway.bin@seq-1",
                Map.of("bucket", "builds", "key", "nightly/gateway.bin")), work);
    }

    @Test
    void should_skip_when_a_custom_pattern_does_not_match_the_whole_key() {
        // given
        S3KeyPattern pattern = S3KeyPattern.compile("nightly/.+\\.bin");

        // when
        Work work = pattern.work("builds", "nightly/gateway.bin.sha256", "seq-1", "seq-1", TIME, PATH);

        // then
        assertEquals(new Work.Skip("seq-1", "key 'nightly/gateway.bin.sha256' does not match DEPLOY_S3_KEY_PATTERN nightly/.+\\.bin"),
                work);
    }

    @Test
    void should_list_values_in_the_order_bucket_key_event_id_time_when_the_key_matches() {
        // when
        Work.Deploy work = (Work.Deploy) DEFAULT.work("firmware-releases", "gateway/v1/fw.bin", "v-1", "v-1", TIME, PATH);

        // then
        assertEquals(List.of(entry("bucket", "firmware-releases"), entry("key", "gateway/v1/fw.bin"), entry("event_id", "v-1"),
                entry("time", TIME)), List.copyOf(work.values().entrySet()));
    }

    @Test
    void should_leave_out_the_values_the_event_lacks_when_it_has_no_id_or_time() {
        // when
        Work.Deploy work = (Work.Deploy) DEFAULT.work("firmware-releases", "gateway/v1/fw.bin", null, null, null, PATH);

        // then
        assertEquals(Map.of("bucket", "firmware-releases", "key", "gateway/v1/fw.bin"), work.values());
    }

    @Test
    void should_report_the_key_under_the_given_path_and_deploy_nothing_when_there_is_no_key() {
        // when
        Work work = DEFAULT.work("firmware-releases", null, "v-1", "v-1", TIME, "$.Records[2].s3");

        // then
        assertEquals(new Work.Deploy("v-1", new DeployEventReader.Read(DeployEvent.empty(),
                List.of(new Problem("$.Records[2].s3.object.key", "missing, or not a valid URL-encoded key"))),
                null, Map.of(), null), work);
    }

    @Test
    void should_report_the_bucket_under_the_given_path_when_there_is_no_bucket() {
        // when
        Work.Deploy work = (Work.Deploy) DEFAULT.work(null, "gateway/v1/fw.bin", "v-1", "v-1", TIME, "$.detail");

        // then
        assertEquals(new DeployEventReader.Read(app("gateway", "v1"),
                List.of(new Problem("$.detail.bucket.name", "missing: the S3 event names no bucket"))),
                work.event());
    }

    @Test
    void should_equal_another_pattern_when_the_regex_is_the_same() {
        // when
        S3KeyPattern pattern = S3KeyPattern.compile(S3KeyPattern.DEFAULT);

        // then
        assertEquals(DEFAULT, pattern);
        assertEquals(DEFAULT.hashCode(), pattern.hashCode());
        assertEquals(S3KeyPattern.DEFAULT, pattern.toString());
    }
}
