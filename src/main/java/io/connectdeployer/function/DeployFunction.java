package io.connectdeployer.function;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.funqy.Funq;

/**
 * The one exported function: a raw trigger event in; the deployments it started out, or, for a Function URL
 * request, the HTTP response. {@code Object} lets Jackson write whichever of the two it is.
 */
public class DeployFunction {

    @Inject
    DeployService service;

    @Funq("deploy")
    public Object deploy(JsonNode event) {
        return service.deploy(event);
    }
}
