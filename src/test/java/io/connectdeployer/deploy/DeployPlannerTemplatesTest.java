package io.connectdeployer.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.connectdeployer.event.DeployEvent;
import io.connectdeployer.event.DeployEventReader;

/** {@link DeployPlanner#plan(DeployEventReader.Read, DeployDefaults, DefaultTemplates, Map, String)} with placeholders. */
class DeployPlannerTemplatesTest {

    private static DeployDefaults defaults(App app, Map<String, String> parameters, String comment) {
        return new DeployDefaults("Demo", List.of(), List.of(), "f-1", app, parameters, comment, false);
    }

    private static DefaultTemplates templates(DeployDefaults defaults) {
        List<Problem> problems = new ArrayList<>();
        DefaultTemplates templates = DefaultTemplates.compile(defaults, problems);
        assertEquals(List.of(), problems);
        return templates;
    }

    private static DeployEventReader.Read read(DeployEvent event) {
        return new DeployEventReader.Read(event, List.of());
    }

    private static DeployEvent event(App app, Map<String, String> parameters, String comment) {
        return new DeployEvent(null, null, null, null, app, parameters, comment, null);
    }

    /** The values an S3 notification provides, in the order it puts them. */
    private static Map<String, String> s3Values() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("bucket", "firmware");
        values.put("key", "gateway/v2/fw.bin");
        values.put("event_id", "e-1");
        values.put("time", "2024-05-01T10:15:30.000Z");
        return values;
    }

    @Test
    void should_fill_app_and_version_from_the_merged_app_when_the_event_has_only_a_version() {
        // given
        DeployDefaults defaults = defaults(new App("gateway", "v1"),
                Map.of("artifact_url", "s3://${bucket}/${app}/${version}/fw.bin"), "${app} ${version} (event ${event_id})");

        // when
        DeployRequest request = DeployPlanner.plan(read(event(new App(null, "v2"), null, null)), defaults, templates(defaults),
                s3Values(), "s3");

        // then
        assertEquals(new DeployRequest("Demo", List.of(), List.of(), "f-1", new App("gateway", "v2"),
                Map.of("artifact_url", "s3://firmware/gateway/v2/fw.bin"), "gateway v2 (event e-1)", false), request);
    }

    @Test
    void should_fill_app_and_version_from_the_defaults_when_the_event_has_no_app() {
        // given
        DeployDefaults defaults = defaults(new App("gateway", "v1"), Map.of(), "${app} ${version}");

        // when
        DeployRequest request = DeployPlanner.plan(read(DeployEvent.empty()), defaults, templates(defaults), Map.of(), "direct");

        // then
        assertEquals("gateway v1", request.comment());
    }

    @Test
    void should_report_a_placeholder_the_event_lacks_as_a_problem_at_the_parameter_when_planning() {
        // given
        DeployDefaults defaults = defaults(new App("gateway", "v1"), Map.of("release", "${tag}"), null);

        // when
        InvalidDeployEventException error = assertThrows(InvalidDeployEventException.class,
                () -> DeployPlanner.plan(read(event(new App(null, "v2"), null, null)), defaults, templates(defaults), s3Values(), "s3"));

        // then
        assertEquals(List.of(new Problem("DEPLOY_PARAMETERS.release",
                "no value for ${tag} in the s3 event (it provides: ${bucket}, ${key}, ${event_id}, ${time}, ${app}, ${version})")),
                error.problems());
        assertEquals("Invalid deploy event, nothing was deployed (1 problem): DEPLOY_PARAMETERS.release: "
                + "no value for ${tag} in the s3 event (it provides: ${bucket}, ${key}, ${event_id}, ${time}, ${app}, ${version})",
                error.getMessage());
        assertEquals(422, error.httpStatus());
    }

    @Test
    void should_report_app_and_version_as_missing_when_neither_event_nor_defaults_have_an_app() {
        // given
        DeployDefaults defaults = defaults(null, Map.of(), "${app} ${version}");
        Map<String, String> values = new LinkedHashMap<>();
        values.put("event_id", "e-1");
        values.put("time", "2024-05-01T02:00:00Z");

        // when
        InvalidDeployEventException error = assertThrows(InvalidDeployEventException.class,
                () -> DeployPlanner.plan(read(DeployEvent.empty()), defaults, templates(defaults), values, "schedule"));

        // then
        assertEquals(List.of(new Problem("DEPLOY_COMMENT",
                "no value for ${app}, ${version} in the schedule event (it provides: ${event_id}, ${time})")), error.problems());
    }

    @Test
    void should_list_event_problems_then_template_problems_then_missing_fields_when_all_go_wrong() {
        // given
        DeployDefaults defaults = new DeployDefaults(null, List.of(), List.of(), "f-1", null,
                Map.of("artifact_url", "s3://${bucket}/${key}"), null, false);
        DeployEventReader.Read read = new DeployEventReader.Read(DeployEvent.empty(),
                List.of(new Problem("$.projct", "unknown key 'projct'; did you mean 'project'?")));

        // when
        InvalidDeployEventException error = assertThrows(InvalidDeployEventException.class,
                () -> DeployPlanner.plan(read, defaults, templates(defaults), Map.of(), "direct"));

        // then
        assertEquals(List.of(
                new Problem("$.projct", "unknown key 'projct'; did you mean 'project'?"),
                new Problem("DEPLOY_PARAMETERS.artifact_url", "no value for ${bucket}, ${key} in the direct event (it provides: none)"),
                new Problem("$.project", "required: set it in the event or in DEPLOY_PROJECT")), error.problems());
    }

    @Test
    void should_not_template_a_value_the_event_sets_itself() {
        // given
        DeployDefaults defaults = defaults(null, Map.of("artifact_url", "s3://${bucket}/${key}"), null);

        // when
        DeployRequest request = DeployPlanner.plan(read(event(null, Map.of("note", "see ${bucket}"), "built ${tag}")), defaults,
                templates(defaults), s3Values(), "s3");

        // then
        assertEquals(new DeployRequest("Demo", List.of(), List.of(), "f-1", null,
                Map.of("artifact_url", "s3://firmware/gateway/v2/fw.bin", "note", "see ${bucket}"), "built ${tag}", false), request);
    }

    @Test
    void should_plan_the_event_value_when_the_event_overrides_a_templated_parameter_its_trigger_cannot_fill() {
        // given
        DeployDefaults defaults = defaults(null, Map.of("artifact_url", "s3://${bucket}/${key}"), null);
        DeployEvent event = event(null, Map.of("artifact_url", "https://downloads.example.com/fw.bin"), null);

        // when
        DeployRequest request = DeployPlanner.plan(read(event), defaults, templates(defaults), Map.of(), "direct");

        // then
        assertEquals(Map.of("artifact_url", "https://downloads.example.com/fw.bin"), request.parameters());
    }

    @Test
    void should_plan_the_event_comment_when_the_event_overrides_a_templated_comment_its_trigger_cannot_fill() {
        // given
        DeployDefaults defaults = defaults(null, Map.of(), "Release ${tag}");

        // when
        DeployRequest request = DeployPlanner.plan(read(event(null, null, "manual hotfix")), defaults, templates(defaults),
                Map.of(), "direct");

        // then
        assertEquals("manual hotfix", request.comment());
    }
}
