package io.connectdeployer.route;

import io.connectdeployer.deploy.DefaultTemplates;
import io.connectdeployer.deploy.DeployDefaults;

/**
 * One route as loaded: its name (the last part of its parameter's name), its priority (lower first), its
 * conditions, and its values already merged over the global DEPLOY_* defaults, with their placeholders compiled,
 * so an event that takes the route pays for no merging beyond its own.
 */
public record Route(String name, int priority, RouteMatch match, DeployDefaults defaults, DefaultTemplates templates) {
}
