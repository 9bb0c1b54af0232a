package io.connectdeployer.event;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.connectdeployer.deploy.App;
import io.connectdeployer.deploy.Filter;
import io.connectdeployer.deploy.Problem;
import io.connectdeployer.testing.Events;

class DeployEventReaderTest {

    private static DeployEventReader.Read read(String fixture) {
        return DeployEventReader.read(Events.load("events/direct/" + fixture), "$");
    }

    @Test
    void should_read_every_field_when_the_event_is_full_and_valid() {
        // given
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("username", "ubuntu");
        parameters.put("conf_path", "/etc/app/settings.conf");
        DeployEvent expected = new DeployEvent("Demo", List.of("TestGroup1", "TestGroup2"),
                List.of(new Filter("specific_device", "is", "d-4ec7-1be9", null, null),
                        new Filter("deployment", "is", "failed", null, "dp-9yl3-9ch7")),
                "f-dd0c-73b9", new App("default_app", "v1.1"), parameters, "test webhook 1", true);

        // when
        DeployEventReader.Read read = read("seed-example-dry-run.json");

        // then
        assertEquals(new DeployEventReader.Read(expected, List.of()), read);
        assertEquals(List.of("username", "conf_path"), List.copyOf(read.event().parameters().keySet()));
    }

    @ParameterizedTest
    @ValueSource(strings = { "empty.json", "all-nulls.json" })
    void should_read_an_empty_event_when_every_field_is_absent_or_null(String fixture) {
        // when
        DeployEventReader.Read read = read(fixture);

        // then
        assertEquals(new DeployEventReader.Read(DeployEvent.empty(), List.of()), read);
    }

    @Test
    void should_name_each_unknown_key_with_a_suggestion_when_the_event_has_unknown_keys() {
        // when
        DeployEventReader.Read read = read("unknown-keys.json");

        // then
        assertEquals(List.of(
                new Problem("$.flowid", "unknown key 'flowid'; did you mean 'flow_id'?"),
                new Problem("$.device_filter",
                        "unknown key 'device_filter'; the simplified event takes 'groups' and 'filters' at the top level"),
                new Problem("$.user_token", "unknown key 'user_token'; the token is never part of an event: "
                        + "it is read from Secrets Manager (CONNECT_TOKEN_SECRET_ID)"),
                new Problem("$.priority", "unknown key 'priority'; expected one of "
                        + "project, groups, filters, flow_id, app, parameters, comment, dry_run, idempotency_key"),
                new Problem("$.filters[0].opreand", "unknown key 'opreand'; did you mean 'operand'?"),
                new Problem("$.filters[0].operand", "required; one of is, is_not"),
                new Problem("$.app.versoin", "unknown key 'versoin'; did you mean 'version'?")),
                read.problems());
        assertEquals(new DeployEvent("Demo", null, List.of(new Filter("tag", null, "production", null, null)),
                null, new App("default_app", null), null, null, null), read.event());
    }

    @Test
    void should_report_each_wrong_type_and_suggest_quoting_when_fields_have_wrong_types() {
        // when
        DeployEventReader.Read read = read("wrong-types.json");

        // then
        assertEquals(List.of(
                new Problem("$.project", "must be a string, not a number (quote it: \"42\")"),
                new Problem("$.groups", "must be an array of strings, not a string"),
                new Problem("$.parameters.port", "must be a string, not a number (quote it: \"22\")"),
                new Problem("$.dry_run", "must be true or false, not a string")),
                read.problems());
        assertEquals(new DeployEvent(null, null, null, null, null, Map.of("username", "ubuntu"), null, null),
                read.event());
    }

    @Test
    void should_report_each_bad_element_when_groups_hold_non_strings() {
        // when
        DeployEventReader.Read read = read("non-string-group.json");

        // then
        assertEquals(List.of(
                new Problem("$.groups[1]", "must be a string, not a number (quote it: \"7\")"),
                new Problem("$.groups[2]", "must be a string, not an object")),
                read.problems());
        assertEquals(List.of("TestGroup1"), read.event().groups());
    }

    @ParameterizedTest
    @CsvSource({
            "not-an-object-array.json,  'must be a JSON object, not an array'",
            "not-an-object-string.json, 'must be a JSON object, not a string'" })
    void should_report_one_problem_at_the_root_when_the_event_is_not_an_object(String fixture, String message) {
        // when
        DeployEventReader.Read read = read(fixture);

        // then
        assertEquals(new DeployEventReader.Read(DeployEvent.empty(), List.of(new Problem("$", message))), read);
    }

    @Test
    void should_report_all_problems_at_once_with_their_paths_when_the_event_has_several_mistakes() {
        // when
        DeployEventReader.Read read = read("several-mistakes.json");

        // then
        assertEquals(List.of(
                new Problem("$.flowid", "unknown key 'flowid'; did you mean 'flow_id'?"),
                new Problem("$.device_filter",
                        "unknown key 'device_filter'; the simplified event takes 'groups' and 'filters' at the top level"),
                new Problem("$.filters[0].operand", "a device_state filter takes only the operand 'is'"),
                new Problem("$.filters[0].value", "a device_state filter takes online or offline, not 'sleeping'"),
                new Problem("$.filters[1].deployment_id",
                        "required for a deployment filter (the id from Connect's deployments table)"),
                new Problem("$.app.version", "must be a string, not a number (quote it: \"2\")")),
                read.problems());
    }

    @Test
    void should_list_the_filter_keys_in_a_stable_order_when_a_filter_key_is_unknown() {
        // when
        DeployEventReader.Read read = read("unknown-filter-key.json");

        // then
        assertEquals(List.of(new Problem("$.filters[0].priority",
                "unknown key 'priority'; expected one of type, operand, value, app_version, deployment_id")), read.problems());
    }
}
