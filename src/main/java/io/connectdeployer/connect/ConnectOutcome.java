package io.connectdeployer.connect;

import com.fasterxml.jackson.databind.JsonNode;

import io.connectdeployer.deploy.DeploymentMarker;

/**
 * A deployment Connect made: its status, how many attempts it took, and what Connect said. When the answer was lost
 * and the deployment found in Connect's list instead, {@code httpStatus} is null, {@code response} is its entry in
 * the list and {@code note} says how it was found. {@code calls} is for the metrics.
 */
public record ConnectOutcome(Integer httpStatus, int attempts, JsonNode response, String note, ConnectCalls calls) {

    public ConnectOutcome(int httpStatus, int attempts, JsonNode response) {
        this(httpStatus, attempts, response, null, ConnectCalls.NONE);
    }

    /** The same outcome with what its calls cost, known only once the deployment is over. */
    ConnectOutcome with(ConnectCalls spent) {
        return new ConnectOutcome(httpStatus, attempts, response, note, spent);
    }

    static ConnectOutcome foundAfterLostAnswer(int attempts, JsonNode record, DeploymentMarker marker, String lostAnswer) {
        String id = DeploymentList.deploymentId(record);
        return new ConnectOutcome(null, attempts, record, "Connect's answer was lost (" + lostAnswer + "); found "
                + (id == null ? "the deployment" : "deployment " + id) + " by its marker " + marker.text()
                + " in Connect's list of deployments", ConnectCalls.NONE);
    }
}
