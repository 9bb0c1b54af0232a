package io.connectdeployer.config;

import java.net.URI;
import java.time.Duration;

import io.connectdeployer.connect.ConnectDialect;
import io.connectdeployer.deploy.DeployDefaults;

/** The function's configuration once parsed and validated at startup. */
public record DeploySettings(URI apiUrl, ConnectDialect dialect, DeployDefaults defaults, Duration timeBudget) {
}
