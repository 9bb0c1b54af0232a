package io.connectdeployer.deploy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.connectdeployer.event.DeployEvent;

/**
 * The configured values that hold placeholders (DEPLOY_PARAMETERS entries, DEPLOY_COMMENT), compiled at startup.
 * Filling them for one event yields the defaults that event is merged over.
 */
public record DefaultTemplates(Map<String, Template> parameters, Template comment) {

    public DefaultTemplates {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    public static DefaultTemplates none() {
        return new DefaultTemplates(Map.of(), null);
    }

    /**
     * Compiles the templated values among {@code defaults}; an unknown placeholder becomes a problem naming the
     * variable ({@code DEPLOY_PARAMETERS.artifact_url}, {@code DEPLOY_COMMENT}).
     */
    public static DefaultTemplates compile(DeployDefaults defaults, List<Problem> problems) {
        Map<String, Template> parameters = new LinkedHashMap<>();
        defaults.parameters().forEach((name, value) ->
                compile(value, "DEPLOY_PARAMETERS." + name, problems).ifPresent(t -> parameters.put(name, t)));
        Template comment = defaults.comment() == null ? null
                : compile(defaults.comment(), "DEPLOY_COMMENT", problems).orElse(null);
        return new DefaultTemplates(parameters, comment);
    }

    private static Optional<Template> compile(String value, String where, List<Problem> problems) {
        List<String> unknown = new ArrayList<>();
        Template template = Template.parse(value, unknown);
        unknown.forEach(name -> problems.add(new Problem(where, "unknown placeholder ${" + name + "}; known: "
                + placeholders(List.copyOf(Template.NAMES)))));
        return template.hasPlaceholders() ? Optional.of(template) : Optional.empty();
    }

    private static String placeholders(List<String> names) {
        return names.isEmpty() ? "none" : String.join(", ", names.stream().map(n -> "${" + n + "}").toList());
    }

    public boolean isEmpty() {
        return parameters.isEmpty() && comment == null;
    }

    /**
     * {@code defaults} with every template filled from {@code values}; a value the event lacks is a problem. The
     * defaults {@code event} overrides are left alone: a value that will not be used must not fail the event for a
     * placeholder it cannot fill.
     */
    public DeployDefaults fill(DeployDefaults defaults, DeployEvent event, Map<String, String> values, String source,
            List<Problem> problems) {
        if (isEmpty()) {
            return defaults;
        }
        Map<String, String> filled = new LinkedHashMap<>(defaults.parameters());
        parameters.forEach((name, template) -> {
            if (event.parameters() == null || !event.parameters().containsKey(name)) {
                filled.put(name, render(template, values, "DEPLOY_PARAMETERS." + name, source, problems));
            }
        });
        String comment = this.comment == null || event.comment() != null ? defaults.comment()
                : render(this.comment, values, "DEPLOY_COMMENT", source, problems);
        return new DeployDefaults(defaults.project(), defaults.groups(), defaults.filters(), defaults.flowId(),
                defaults.app(), filled, comment, defaults.dryRun());
    }

    private static String render(Template template, Map<String, String> values, String where, String source,
            List<Problem> problems) {
        List<String> missing = new ArrayList<>();
        String text = template.render(values, missing);
        if (!missing.isEmpty()) {
            problems.add(new Problem(where, "no value for " + placeholders(missing.stream().distinct().toList())
                    + " in the " + source + " event (it provides: "
                    + placeholders(values.keySet().stream().filter(k -> values.get(k) != null).toList()) + ")"));
        }
        return text;
    }
}
