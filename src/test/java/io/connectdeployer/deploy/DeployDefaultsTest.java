package io.connectdeployer.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.connectdeployer.event.DeployEvent;

class DeployDefaultsTest {

    private static final Filter ONLINE = new Filter("device_state", "is", "online", null, null);

    private static DeployEvent fallback(App app, String comment) {
        return new DeployEvent(null, null, null, null, app, null, comment, null);
    }

    @Test
    void should_take_the_fallback_app_and_comment_when_nothing_is_configured() {
        // when
        DeployDefaults defaults = DeployDefaults.none().withFallback(fallback(new App("gateway", null), "acme/gateway v1.4.2"));

        // then
        assertEquals(new DeployDefaults(null, List.of(), List.of(), null, new App("gateway", null), Map.of(),
                "acme/gateway v1.4.2", false), defaults);
    }

    @Test
    void should_keep_every_configured_value_when_both_configuration_and_fallback_set_it() {
        // given
        DeployDefaults configured = new DeployDefaults("Demo", List.of("Gateways"), List.of(ONLINE), "f-1",
                new App("configured_app", "v1"), Map.of("region", "eu"), "configured comment", false);
        DeployEvent fallback = new DeployEvent("Other", null, null, "f-2", new App("gateway", "v9"), null, "fallback comment", null);

        // when
        DeployDefaults defaults = configured.withFallback(fallback);

        // then
        assertEquals(configured, defaults);
    }

    @Test
    void should_fill_the_configured_app_part_by_part_when_it_lacks_a_name() {
        // given
        DeployDefaults configured = new DeployDefaults("Demo", List.of(), List.of(), "f-1", new App(null, "v1"), Map.of(), null,
                false);

        // when
        DeployDefaults defaults = configured.withFallback(fallback(new App("gateway", null), null));

        // then
        assertEquals(new App("gateway", "v1"), defaults.app());
    }

    @Test
    void should_take_project_and_flow_id_from_the_fallback_when_they_are_not_configured() {
        // given
        DeployEvent fallback = new DeployEvent("Demo", null, null, "f-2", null, null, null, null);

        // when
        DeployDefaults defaults = DeployDefaults.none().withFallback(fallback);

        // then
        assertEquals(new DeployDefaults("Demo", List.of(), List.of(), "f-2", null, Map.of(), null, false), defaults);
    }

    @Test
    void should_never_take_groups_filters_parameters_or_dry_run_from_the_fallback() {
        // given
        DeployDefaults configured = new DeployDefaults("Demo", List.of("Gateways"), List.of(ONLINE), "f-1", null,
                Map.of("region", "eu"), null, false);
        DeployEvent fallback = new DeployEvent(null, List.of("Cameras"), List.of(new Filter("tag", "is", "beta", null, null)), null,
                null, Map.of("region", "us"), null, true);

        // when
        DeployDefaults defaults = configured.withFallback(fallback);

        // then
        assertEquals(configured, defaults);
    }

    @Test
    void should_return_the_same_defaults_when_there_is_no_fallback() {
        // given
        DeployDefaults configured = new DeployDefaults("Demo", List.of(), List.of(), "f-1", null, Map.of(), null, true);

        // when
        DeployDefaults defaults = configured.withFallback(null);

        // then
        assertSame(configured, defaults);
    }
}
