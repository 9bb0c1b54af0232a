package io.connectdeployer.route;

import java.util.List;

/**
 * The routing table under DEPLOY_ROUTES_PATH is wrong; each problem names the route and the field. At startup it
 * fails the init phase; on a refresh the last good table stays in use (see {@link CachedRoutes}).
 */
public class InvalidRoutesException extends RuntimeException {

    private final List<String> problems;

    public InvalidRoutesException(String path, List<String> problems) {
        super("Invalid routes under DEPLOY_ROUTES_PATH " + path + ": " + String.join("; ", problems), null, false, false);
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
