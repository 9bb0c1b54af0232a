package io.connectdeployer.route;

import io.connectdeployer.deadline.Deadline;

/** Where the runner gets the routing table for one invocation. */
public interface Routes {

    /** No DEPLOY_ROUTES_PATH: no routes, and no call to AWS. */
    Routes NONE = new Routes() {
        @Override
        public RouteTable table(Deadline deadline) {
            return RouteTable.EMPTY;
        }

        @Override
        public boolean configured() {
            return false;
        }
    };

    /** The table to route with: the cached one while fresh; never throws once a table has loaded. */
    RouteTable table(Deadline deadline);

    /** True when DEPLOY_ROUTES_PATH is set: deployments no route takes may then be ignored instead of failing. */
    boolean configured();
}
