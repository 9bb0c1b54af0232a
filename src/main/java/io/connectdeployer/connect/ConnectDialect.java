package io.connectdeployer.connect;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

import io.connectdeployer.connect.ConnectPayload.DeploymentConfiguration;
import io.connectdeployer.connect.ConnectPayload.DeviceFilter;
import io.connectdeployer.connect.ConnectPayload.Named;
import io.connectdeployer.deploy.DeployRequest;

/** The two Connect APIs that start a deployment: where the token goes and what the body looks like. */
public enum ConnectDialect {

    /** {@code POST /v2/deploy_update}, token in the body (the API of the seed document). */
    DEPLOY_UPDATE("deploy_update"),
    /** {@code POST /api/v2/{project}/deployments}, bearer token (JFrog's current public API). */
    DEPLOYMENTS("deployments");

    private final String setting;

    ConnectDialect(String setting) {
        this.setting = setting;
    }

    public static Optional<ConnectDialect> fromSetting(String value) {
        return Arrays.stream(values()).filter(d -> d.setting.equals(value)).findFirst();
    }

    public static String settings() {
        return Arrays.stream(values()).map(d -> d.setting).collect(Collectors.joining(", "));
    }

    public ConnectPayload payload(DeployRequest request, String token) {
        DeviceFilter deviceFilter = new DeviceFilter(
                this == DEPLOY_UPDATE ? new Named(request.project()) : null,
                request.groups().stream().map(Named::new).toList(),
                request.filters());
        DeploymentConfiguration configuration = new DeploymentConfiguration(
                this == DEPLOY_UPDATE ? request.flowId() : null,
                this == DEPLOYMENTS ? request.flowId() : null,
                request.markedComment(),
                request.app(),
                request.parameters().isEmpty() ? null : request.parameters());
        return new ConnectPayload(this == DEPLOY_UPDATE ? token : null, deviceFilter, configuration);
    }
}
