package io.connectdeployer.route;

import java.util.Comparator;
import java.util.List;

import io.connectdeployer.trigger.Source;
import io.connectdeployer.trigger.Work;

/** The routes, in the order they are tried: priority, lowest first (priorities are unique, see {@link RouteParser}). */
public record RouteTable(List<Route> routes) {

    public static final RouteTable EMPTY = new RouteTable(List.of());

    public RouteTable {
        routes = routes.stream().sorted(Comparator.comparingInt(Route::priority)).toList();
    }

    /** The first route that matches, with the deployment as it will plan it; null when none does. */
    public Routed first(Source source, Work.Deploy work) {
        for (Route route : routes) {
            var routed = route.match().apply(source, work);
            if (routed.isPresent()) {
                return new Routed(route, routed.get());
            }
        }
        return null;
    }

    /** A route and the deployment it takes (its app replaced by what the route's key pattern took from the key). */
    public record Routed(Route route, Work.Deploy work) {
    }

    public int size() {
        return routes.size();
    }
}
