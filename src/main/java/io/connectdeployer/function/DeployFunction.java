package io.connectdeployer.function;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.funqy.Funq;

/** The one exported function: a raw trigger event in, the deployments it started out. */
public class DeployFunction {

    @Inject
    DeployService service;

    @Funq("deploy")
    public DeployResult deploy(JsonNode event) {
        return service.deploy(event);
    }
}
