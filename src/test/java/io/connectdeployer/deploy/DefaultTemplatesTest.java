package io.connectdeployer.deploy;

import static java.util.Map.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.connectdeployer.event.DeployEvent;

class DefaultTemplatesTest {

    private static final String KNOWN = "known: ${bucket}, ${key}, ${app}, ${version}, ${tag}, ${repository}, "
            + "${release_url}, ${event_id}, ${time}";

    private static DeployDefaults defaults(Map<String, String> parameters, String comment) {
        return new DeployDefaults("Demo", List.of("Gateways"), List.of(), "f-1", new App("gateway", "v1"), parameters, comment,
                false);
    }

    private static Map<String, String> ordered(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    @Test
    void should_keep_only_the_values_with_placeholders_when_compiling() {
        // given
        DeployDefaults defaults = defaults(ordered("region", "eu", "artifact_url", "s3://${bucket}/${key}"), "nightly build");
        List<Problem> problems = new ArrayList<>();

        // when
        DefaultTemplates templates = DefaultTemplates.compile(defaults, problems);

        // then
        assertEquals(new DefaultTemplates(Map.of("artifact_url", Template.parse("s3://${bucket}/${key}", new ArrayList<>())), null),
                templates);
        assertEquals(List.of(), problems);
        assertEquals(false, templates.isEmpty());
    }

    @Test
    void should_compile_the_comment_when_it_has_a_placeholder() {
        // when
        DefaultTemplates templates = DefaultTemplates.compile(defaults(Map.of(), "Release ${tag}"), new ArrayList<>());

        // then
        assertEquals(new DefaultTemplates(Map.of(), Template.parse("Release ${tag}", new ArrayList<>())), templates);
    }

    @Test
    void should_be_empty_when_no_value_has_a_placeholder() {
        // when
        DefaultTemplates templates = DefaultTemplates.compile(defaults(Map.of("region", "eu"), null), new ArrayList<>());

        // then
        assertEquals(DefaultTemplates.none(), templates);
        assertEquals(true, templates.isEmpty());
    }

    @Test
    void should_report_each_unknown_placeholder_naming_the_variable_and_the_known_names() {
        // given
        DeployDefaults defaults = defaults(ordered("url", "s3://${buckt}/${key}", "build", "${ver}-${sha}"), "Release ${tags}");
        List<Problem> problems = new ArrayList<>();

        // when
        DefaultTemplates.compile(defaults, problems);

        // then
        assertEquals(List.of(
                new Problem("DEPLOY_PARAMETERS.url", "unknown placeholder ${buckt}; " + KNOWN),
                new Problem("DEPLOY_PARAMETERS.build", "unknown placeholder ${ver}; " + KNOWN),
                new Problem("DEPLOY_PARAMETERS.build", "unknown placeholder ${sha}; " + KNOWN),
                new Problem("DEPLOY_COMMENT", "unknown placeholder ${tags}; " + KNOWN)), problems);
    }

    @Test
    void should_fill_templated_values_and_leave_untemplated_ones_when_the_event_provides_every_value() {
        // given
        DeployDefaults defaults = defaults(ordered("region", "eu", "artifact_url", "s3://${bucket}/${key}", "user", "root"),
                "${app} ${version} (event ${event_id})");
        DefaultTemplates templates = DefaultTemplates.compile(defaults, new ArrayList<>());
        List<Problem> problems = new ArrayList<>();

        // when
        DeployDefaults filled = templates.fill(defaults, DeployEvent.empty(),
                Map.of("bucket", "firmware", "key", "gateway/v2/fw.bin", "app", "gateway", "version", "v2", "event_id", "e-1"),
                "s3", problems);

        // then
        assertEquals(new DeployDefaults("Demo", List.of("Gateways"), List.of(), "f-1", new App("gateway", "v1"),
                Map.of("region", "eu", "artifact_url", "s3://firmware/gateway/v2/fw.bin", "user", "root"),
                "gateway v2 (event e-1)", false), filled);
        assertEquals(List.of(entry("region", "eu"), entry("artifact_url", "s3://firmware/gateway/v2/fw.bin"), entry("user", "root")),
                List.copyOf(filled.parameters().entrySet()));
        assertEquals(List.of(), problems);
    }

    @Test
    void should_name_the_setting_what_is_missing_and_what_the_event_provides_when_a_value_is_missing() {
        // given
        DeployDefaults defaults = defaults(ordered("artifact_url", "s3://${bucket}/${key}/${key}"), "Release ${tag} at ${time}");
        DefaultTemplates templates = DefaultTemplates.compile(defaults, new ArrayList<>());
        List<Problem> problems = new ArrayList<>();
        Map<String, String> values = ordered("event_id", "e-1", "time", "2024-05-01T02:00:00Z");

        // when
        DeployDefaults filled = templates.fill(defaults, DeployEvent.empty(), values, "schedule", problems);

        // then
        assertEquals(List.of(
                new Problem("DEPLOY_PARAMETERS.artifact_url",
                        "no value for ${bucket}, ${key} in the schedule event (it provides: ${event_id}, ${time})"),
                new Problem("DEPLOY_COMMENT", "no value for ${tag} in the schedule event (it provides: ${event_id}, ${time})")),
                problems);
        assertEquals(Map.of("artifact_url", "s3://${bucket}/${key}/${key}"), filled.parameters());
        assertEquals("Release ${tag} at 2024-05-01T02:00:00Z", filled.comment());
    }

    @Test
    void should_say_it_provides_none_when_the_event_has_no_values() {
        // given
        DeployDefaults defaults = defaults(Map.of("artifact_url", "s3://${bucket}/${key}"), null);
        List<Problem> problems = new ArrayList<>();

        // when
        DefaultTemplates.compile(defaults, new ArrayList<>()).fill(defaults, DeployEvent.empty(), Map.of(), "direct", problems);

        // then
        assertEquals(List.of(new Problem("DEPLOY_PARAMETERS.artifact_url",
                "no value for ${bucket}, ${key} in the direct event (it provides: none)")), problems);
    }

    @Test
    void should_return_the_same_defaults_when_there_are_no_templates() {
        // given
        DeployDefaults defaults = defaults(Map.of("region", "eu"), "nightly");
        List<Problem> problems = new ArrayList<>();

        // when
        DeployDefaults filled = DefaultTemplates.none().fill(defaults, DeployEvent.empty(), Map.of(), "direct", problems);

        // then
        assertSame(defaults, filled);
        assertEquals(List.of(), problems);
    }
}
