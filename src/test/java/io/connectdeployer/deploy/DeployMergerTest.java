package io.connectdeployer.deploy;

import static java.util.Map.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.connectdeployer.event.DeployEvent;

class DeployMergerTest {

    private static final Filter ONLINE = new Filter("device_state", "is", "online", null, null);
    private static final Filter PRODUCTION = new Filter("tag", "is", "production", null, null);

    private static DeployDefaults defaults(List<Filter> filters, Map<String, String> parameters, boolean dryRun) {
        return new DeployDefaults("DefaultProject", List.of("DefaultGroup"), filters, "f-default",
                new App("default_app", "v1.0"), parameters, "default comment", dryRun);
    }

    private static DeployEvent event(List<Filter> filters, Map<String, String> parameters, Boolean dryRun) {
        return new DeployEvent(null, null, filters, null, null, parameters, null, dryRun);
    }

    @Test
    void should_take_each_field_from_the_event_when_the_event_sets_it() {
        // given
        DeployDefaults defaults = defaults(List.of(), Map.of(), false);
        DeployEvent event = new DeployEvent("Demo", List.of("TestGroup1"), null, "f-dd0c-73b9",
                new App("other_app", "v2.0"), null, "test webhook 1", null);

        // when
        DeployRequest request = DeployMerger.merge(defaults, event);

        // then
        assertEquals(new DeployRequest("Demo", List.of("TestGroup1"), List.of(), "f-dd0c-73b9",
                new App("other_app", "v2.0"), Map.of(), "test webhook 1", false), request);
    }

    @Test
    void should_take_every_default_when_the_event_is_empty() {
        // when
        DeployRequest request = DeployMerger.merge(defaults(List.of(ONLINE), Map.of("region", "eu"), false), DeployEvent.empty());

        // then
        assertEquals(new DeployRequest("DefaultProject", List.of("DefaultGroup"), List.of(ONLINE), "f-default",
                new App("default_app", "v1.0"), Map.of("region", "eu"), "default comment", false), request);
    }

    @Test
    void should_append_event_filters_after_the_default_filters_when_both_have_filters() {
        // when
        DeployRequest request = DeployMerger.merge(defaults(List.of(ONLINE), Map.of(), false),
                event(List.of(PRODUCTION), null, null));

        // then
        assertEquals(List.of(ONLINE, PRODUCTION), request.filters());
    }

    @Test
    void should_replace_the_default_groups_when_the_event_has_groups() {
        // given
        DeployEvent event = new DeployEvent(null, List.of("TestGroup1", "TestGroup2"), null, null, null, null, null, null);

        // when
        DeployRequest request = DeployMerger.merge(defaults(List.of(), Map.of(), false), event);

        // then
        assertEquals(List.of("TestGroup1", "TestGroup2"), request.groups());
    }

    @Test
    void should_merge_parameters_key_by_key_defaults_first_when_both_have_parameters() {
        // given
        Map<String, String> defaultParameters = new LinkedHashMap<>();
        defaultParameters.put("region", "eu");
        defaultParameters.put("username", "root");
        Map<String, String> eventParameters = new LinkedHashMap<>();
        eventParameters.put("conf_path", "/etc/app/settings.conf");
        eventParameters.put("username", "ubuntu");

        // when
        DeployRequest request = DeployMerger.merge(defaults(List.of(), defaultParameters, false),
                event(null, eventParameters, null));

        // then
        assertEquals(List.of(entry("region", "eu"), entry("username", "ubuntu"), entry("conf_path", "/etc/app/settings.conf")),
                List.copyOf(request.parameters().entrySet()));
    }

    @Test
    void should_take_the_default_app_name_with_the_event_version_when_the_event_app_has_only_a_version() {
        // given
        DeployEvent event = new DeployEvent(null, null, null, null, new App(null, "v1.1"), null, null, null);

        // when
        DeployRequest request = DeployMerger.merge(defaults(List.of(), Map.of(), false), event);

        // then
        assertEquals(new App("default_app", "v1.1"), request.app());
    }

    @ParameterizedTest(name = "configured {0}, event {1} -> {2}")
    @CsvSource({ "false,, false", "false, false, false", "false, true, true", "true,, true", "true, false, true", "true, true, true" })
    void should_dry_run_when_configured_or_asked_by_the_event(boolean configured, Boolean event, boolean expected) {
        // when
        DeployRequest request = DeployMerger.merge(defaults(List.of(), Map.of(), configured), event(null, null, event));

        // then
        assertEquals(expected, request.dryRun());
    }
}
