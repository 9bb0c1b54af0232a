package io.connectdeployer.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.connectdeployer.event.DeployEvent;

/**
 * Lays an event over the configured defaults. The event wins field by field, with three exceptions that make
 * defaults safe to rely on: default filters always apply (they are guards such as "device_state is online") and
 * event filters are added to them; parameters merge key by key; a configured dry run cannot be switched off by an event.
 */
public final class DeployMerger {

    private DeployMerger() {
    }

    public static DeployRequest merge(DeployDefaults defaults, DeployEvent event) {
        List<Filter> filters = new ArrayList<>(defaults.filters());
        if (event.filters() != null) {
            filters.addAll(event.filters());
        }
        Map<String, String> parameters = new LinkedHashMap<>(defaults.parameters());
        if (event.parameters() != null) {
            parameters.putAll(event.parameters());
        }
        App app = event.app() != null ? event.app().orElse(defaults.app()) : defaults.app();
        return new DeployRequest(
                firstNonNull(event.project(), defaults.project()),
                event.groups() != null ? event.groups() : defaults.groups(),
                filters,
                firstNonNull(event.flowId(), defaults.flowId()),
                app,
                parameters,
                firstNonNull(event.comment(), defaults.comment()),
                defaults.dryRun() || Boolean.TRUE.equals(event.dryRun()));
    }

    private static String firstNonNull(String value, String fallback) {
        return value != null ? value : fallback;
    }
}
