package io.connectdeployer.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FilterRulesTest {

    private static final String AT = "$.filters[0]";

    private static Filter filter(String type, String operand, String value) {
        return new Filter(type, operand, value, null, null);
    }

    static Stream<Filter> validFilters() {
        return Stream.of(
                filter("specific_device", "is", "d-4ec7-1be9"),
                filter("specific_device", "is_not", "d-4ec7-1be9"),
                filter("tag", "is", "production"),
                filter("tag", "is_not", "lab"),
                filter("app", "is", "default_app"),
                new Filter("app", "is_not", "default_app", "v1.1", null),
                filter("device_state", "is", "online"),
                filter("device_state", "is", "offline"),
                new Filter("deployment", "is", "pending", null, "dp-1"),
                new Filter("deployment", "is", "in_progress", null, "dp-1"),
                new Filter("deployment", "is", "success", null, "dp-1"),
                new Filter("deployment", "is", "failed", null, "dp-1"),
                new Filter("deployment", "is", "aborted", null, "dp-1"),
                new Filter("deployment", "is_not", "any", null, "dp-1"));
    }

    @ParameterizedTest
    @MethodSource("validFilters")
    void should_find_no_problem_when_the_filter_follows_the_table(Filter filter) {
        // when
        List<Problem> problems = FilterRules.check(filter, AT);

        // then
        assertEquals(List.of(), problems);
    }

    static Stream<Arguments> brokenFilters() {
        return Stream.of(
                Arguments.of(filter("group", "is", "x"), new Problem(AT + ".type",
                        "'group' is not one of specific_device, tag, app, device_state, deployment")),
                Arguments.of(filter("tag", "equals", "x"), new Problem(AT + ".operand", "'equals' is not one of is, is_not")),
                Arguments.of(filter("device_state", "is_not", "online"),
                        new Problem(AT + ".operand", "a device_state filter takes only the operand 'is'")),
                Arguments.of(filter("device_state", "is", "sleeping"),
                        new Problem(AT + ".value", "a device_state filter takes online or offline, not 'sleeping'")),
                Arguments.of(new Filter("deployment", "is", "done", null, "dp-1"), new Problem(AT + ".value",
                        "a deployment filter takes one of pending, in_progress, success, failed, aborted, any, not 'done'")),
                Arguments.of(filter("deployment", "is", "failed"), new Problem(AT + ".deployment_id",
                        "required for a deployment filter (the id from Connect's deployments table)")),
                Arguments.of(new Filter("tag", "is", "x", null, "dp-1"),
                        new Problem(AT + ".deployment_id", "only a deployment filter takes deployment_id")),
                Arguments.of(new Filter("specific_device", "is", "d-1", "v1.1", null),
                        new Problem(AT + ".app_version", "only an app filter takes app_version")));
    }

    @ParameterizedTest
    @MethodSource("brokenFilters")
    void should_name_the_broken_field_when_the_filter_breaks_one_rule(Filter filter, Problem expected) {
        // when
        List<Problem> problems = FilterRules.check(filter, AT);

        // then
        assertEquals(List.of(expected), problems);
    }

    @Test
    void should_require_type_operand_and_value_when_the_filter_is_empty() {
        // when
        List<Problem> problems = FilterRules.check(filter(null, null, null), AT);

        // then
        assertEquals(List.of(
                new Problem(AT + ".type", "required; one of specific_device, tag, app, device_state, deployment"),
                new Problem(AT + ".operand", "required; one of is, is_not"),
                new Problem(AT + ".value", "required")), problems);
    }

    @Test
    void should_report_every_broken_rule_when_a_deployment_filter_breaks_several() {
        // when
        List<Problem> problems = FilterRules.check(new Filter("deployment", "equals", "done", "v1", null), AT);

        // then
        assertEquals(List.of(
                new Problem(AT + ".operand", "'equals' is not one of is, is_not"),
                new Problem(AT + ".value",
                        "a deployment filter takes one of pending, in_progress, success, failed, aborted, any, not 'done'"),
                new Problem(AT + ".deployment_id", "required for a deployment filter (the id from Connect's deployments table)"),
                new Problem(AT + ".app_version", "only an app filter takes app_version")), problems);
    }
}
