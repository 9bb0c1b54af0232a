package io.connectdeployer.function;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import io.connectdeployer.config.DeploySettings;
import io.connectdeployer.connect.ConnectDeployer;
import io.connectdeployer.connect.ConnectOutcome;
import io.connectdeployer.connect.ConnectPayload;
import io.connectdeployer.deploy.DeployPlanner;
import io.connectdeployer.deploy.DeployRequest;
import io.connectdeployer.error.DeployerException;
import io.connectdeployer.function.DeployResult.Deployment;
import io.connectdeployer.function.DeployResult.Status;

/** Wires the pure planning to the edges: plan, then dry-run or deploy, then one log line. */
@ApplicationScoped
public class DeployService {

    /** Stands for the token in dry-run output. */
    static final String MASK = "***";

    private final DeploySettings settings;
    private final ConnectDeployer deployer;

    DeployService(DeploySettings settings, ConnectDeployer deployer) {
        this.settings = settings;
        this.deployer = deployer;
    }

    public DeployResult deploy(JsonNode event) {
        long started = System.nanoTime();
        DeployRequest request = null;
        try {
            request = DeployPlanner.plan(event, settings.defaults());
            if (request.dryRun()) {
                InvocationLog.success("dry_run", request, null, 0, started);
                return new DeployResult(Status.DRY_RUN, List.of(deployment(request, null,
                        settings.dialect().payload(request, MASK))));
            }
            ConnectOutcome outcome = deployer.deploy(request, settings.timeBudget());
            InvocationLog.success("created", request, outcome.httpStatus(), outcome.attempts(), started);
            return new DeployResult(Status.CREATED, List.of(deployment(request, outcome, null)));
        } catch (DeployerException failure) {
            InvocationLog.failure(request, failure, started);
            throw failure;
        }
    }

    private static Deployment deployment(DeployRequest request, ConnectOutcome outcome, ConnectPayload payload) {
        return new Deployment(request.project(), request.flowId(), request.app(),
                outcome == null ? null : outcome.httpStatus(),
                outcome == null ? 0 : outcome.attempts(),
                outcome == null ? null : outcome.response(),
                payload);
    }
}
