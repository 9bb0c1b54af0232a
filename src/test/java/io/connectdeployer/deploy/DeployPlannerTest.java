package io.connectdeployer.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.connectdeployer.testing.Events;
import io.connectdeployer.testing.Requests;

class DeployPlannerTest {

    private static InvalidDeployEventException planFails(String fixture) {
        return assertThrows(InvalidDeployEventException.class,
                () -> DeployPlanner.plan(Events.load("events/direct/" + fixture), DeployDefaults.none()));
    }

    @Test
    void should_plan_the_seed_request_when_the_event_is_complete() {
        // when
        DeployRequest request = DeployPlanner.plan(Events.load("events/direct/seed-example.json"), DeployDefaults.none());

        // then
        assertEquals(Requests.seedExample(), request);
    }

    @Test
    void should_require_project_and_flow_id_naming_their_variables_when_neither_event_nor_defaults_give_them() {
        // when
        InvalidDeployEventException error = planFails("empty.json");

        // then
        assertEquals(List.of(
                new Problem("$.project", "required: set it in the event or in DEPLOY_PROJECT"),
                new Problem("$.flow_id", "required: set it in the event or in DEPLOY_FLOW_ID")), error.problems());
        assertEquals("Invalid deploy event, nothing was deployed (2 problems): "
                + "$.project: required: set it in the event or in DEPLOY_PROJECT; "
                + "$.flow_id: required: set it in the event or in DEPLOY_FLOW_ID", error.getMessage());
    }

    @Test
    void should_report_the_wrong_type_once_and_not_as_missing_when_flow_id_is_not_a_string() {
        // when
        InvalidDeployEventException error = planFails("wrongly-typed-flow-id.json");

        // then
        assertEquals(List.of(new Problem("$.flow_id", "must be a string, not a number (quote it: \"12345\")")),
                error.problems());
        assertEquals("Invalid deploy event, nothing was deployed (1 problem): "
                + "$.flow_id: must be a string, not a number (quote it: \"12345\")", error.getMessage());
    }

    @Test
    void should_require_the_app_version_when_the_app_has_only_a_name() {
        // when
        InvalidDeployEventException error = planFails("app-without-version.json");

        // then
        assertEquals(List.of(new Problem("$.app.version",
                "required when an app is given: set it in the event or in DEPLOY_APP_VERSION")), error.problems());
    }

    @Test
    void should_report_the_unknown_key_and_the_missing_project_when_the_event_says_project_name() {
        // when
        InvalidDeployEventException error = planFails("project-name-instead-of-project.json");

        // then
        assertEquals(List.of(
                new Problem("$.project_name", "unknown key 'project_name'; expected one of "
                        + "project, groups, filters, flow_id, app, parameters, comment, dry_run, idempotency_key"),
                new Problem("$.project", "required: set it in the event or in DEPLOY_PROJECT")), error.problems());
    }
}
