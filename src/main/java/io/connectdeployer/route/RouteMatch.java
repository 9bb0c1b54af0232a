package io.connectdeployer.route;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.connectdeployer.deploy.App;
import io.connectdeployer.event.DeployEvent;
import io.connectdeployer.event.DeployEventReader;
import io.connectdeployer.trigger.Facts;
import io.connectdeployer.trigger.Source;
import io.connectdeployer.trigger.Work;

/**
 * A route's conditions; a route matches when every condition it names holds (none named: every deployment). Text
 * conditions are {@link Glob}s, {@code keyPrefix} is a plain prefix, {@code keyPattern} a regular expression over
 * the whole S3 key whose named groups {@code app} and {@code version}, when it has them, replace what
 * DEPLOY_S3_KEY_PATTERN took from the key. Null means "not a condition".
 */
public record RouteMatch(
        Set<Source> sources,
        Glob app,
        Glob bucket,
        String keyPrefix,
        Pattern keyPattern,
        Glob repository,
        Glob eventbridgeSource,
        Glob detailType,
        Glob schedule) {

    public RouteMatch {
        sources = sources == null ? null : Set.copyOf(sources);
    }

    /** {@code work} as this route will plan it (its app taken from {@link #keyPattern} when there is one), or empty when a condition fails. */
    Optional<Work.Deploy> apply(Source source, Work.Deploy work) {
        if (sources != null && !sources.contains(source)) {
            return Optional.empty();
        }
        Map<String, String> facts = work.facts();
        String key = facts.get(Facts.KEY);
        if (facts.containsKey(Facts.UNMATCHED) && keyPrefix == null && keyPattern == null) {
            return Optional.empty();
        }
        if (keyPrefix != null && (key == null || !key.startsWith(keyPrefix))) {
            return Optional.empty();
        }
        App extracted = null;
        if (keyPattern != null) {
            Matcher matcher = key == null ? null : keyPattern.matcher(key);
            if (matcher == null || !matcher.matches()) {
                return Optional.empty();
            }
            extracted = new App(group(matcher, "app"), group(matcher, "version"));
        }
        if (!holds(bucket, facts.get(Facts.BUCKET)) || !holds(repository, facts.get(Facts.REPOSITORY))
                || !holds(eventbridgeSource, facts.get(Facts.EVENTBRIDGE_SOURCE))
                || !holds(detailType, facts.get(Facts.DETAIL_TYPE)) || !holds(schedule, facts.get(Facts.SCHEDULE))) {
            return Optional.empty();
        }
        Work.Deploy routed = extracted == null ? work : withApp(work, extracted);
        if (app != null && !app.matches(appName(routed))) {
            return Optional.empty();
        }
        return Optional.of(routed);
    }

    private static boolean holds(Glob condition, String fact) {
        return condition == null || condition.matches(fact);
    }

    /** The app name the deployment will carry unless a configured one applies: the event's, else the trigger's suggestion. */
    private static String appName(Work.Deploy work) {
        App event = work.event().event().app();
        if (event != null && event.name() != null) {
            return event.name();
        }
        App fallback = work.fallback() == null ? null : work.fallback().app();
        return fallback == null ? null : fallback.name();
    }

    private static Work.Deploy withApp(Work.Deploy work, App app) {
        DeployEvent e = work.event().event();
        DeployEvent event = new DeployEvent(e.project(), e.groups(), e.filters(), e.flowId(),
                app.name() == null && app.version() == null ? null : app, e.parameters(), e.comment(), e.dryRun());
        return new Work.Deploy(work.eventId(), new DeployEventReader.Read(event, work.event().problems()), work.fallback(),
                work.values(), work.dedupeKey(), work.facts());
    }

    private static String group(Matcher matcher, String name) {
        try {
            return matcher.group(name);
        } catch (IllegalArgumentException noSuchGroup) {
            return null;
        }
    }
}
