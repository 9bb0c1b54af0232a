package io.connectdeployer.connect;

import io.connectdeployer.deploy.DeployRequest;
import io.connectdeployer.error.DeployerException;

/**
 * The request reached Connect, or may have, and no answer says whether it started the deployment. It is not sent
 * again, by this invocation or (with DEDUPE_TABLE) by any retry, because a second request could roll the update out
 * twice. Ends in the dead-letter queue for an operator to check Connect; a Function URL caller gets 502.
 */
public class ConnectOutcomeUnknownException extends DeployerException {

    private static final String PROCEDURE = " Not sent again, so the fleet cannot get it twice. Check Connect's deployments"
            + " (README, \"Outcome unknown\"): if it is not there, clear the claim and redrive the event.";

    private ConnectOutcomeUnknownException(String message) {
        super(message);
    }

    /**
     * @param lastFailure what happened to the request that went out
     * @param why why the outcome is still unknown
     */
    public static ConnectOutcomeUnknownException after(DeployRequest request, String lastFailure, String why) {
        return new ConnectOutcomeUnknownException("Outcome unknown: Connect may have started this deployment: the request"
                + " was sent, then " + lastFailure + ", and " + why + "." + PROCEDURE + where(request));
    }

    /** A later delivery of an event whose claim an earlier one marked uncertain. */
    public static ConnectOutcomeUnknownException earlier(String key, String earlierMessage) {
        return new ConnectOutcomeUnknownException("Outcome unknown: an earlier delivery of this event (dedupe key '" + key
                + "') sent it to Connect and got no answer; it is not sent again until an operator clears the claim."
                + " Earlier: " + earlierMessage);
    }

    private static String where(DeployRequest request) {
        String comment = request.marker() == null ? ""
                : ", comment ending in " + request.marker().text();
        return " Look for: project " + request.project() + ", flow " + request.flowId()
                + (request.app() == null ? "" : ", app " + request.app().name() + " " + request.app().version()) + comment + ".";
    }

    @Override
    public int httpStatus() {
        return 502;
    }
}
