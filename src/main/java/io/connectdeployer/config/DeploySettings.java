package io.connectdeployer.config;

import java.net.URI;

import io.connectdeployer.connect.ConnectDialect;
import io.connectdeployer.deadline.DeadlinePolicy;
import io.connectdeployer.deploy.DefaultTemplates;
import io.connectdeployer.deploy.DeployDefaults;
import io.connectdeployer.trigger.ReleasePolicy;
import io.connectdeployer.trigger.S3KeyPattern;

/**
 * The function's configuration once parsed and validated at startup. {@code dedupeNamespace} starts every dedupe key
 * (see {@link io.connectdeployer.trigger.DedupeKeys}).
 */
public record DeploySettings(
        URI apiUrl,
        ConnectDialect dialect,
        DeployDefaults defaults,
        DefaultTemplates templates,
        S3KeyPattern s3Keys,
        ReleasePolicy github,
        DeadlinePolicy deadline,
        String dedupeNamespace) {
}
