package io.connectdeployer.function;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import io.connectdeployer.config.DeploySettings;
import io.connectdeployer.deadline.Deadline;
import io.connectdeployer.deadline.Deadlines;
import io.connectdeployer.error.DeployerException;
import io.connectdeployer.trigger.Batch;
import io.connectdeployer.trigger.EventShape;
import io.connectdeployer.trigger.Triggers;
import io.connectdeployer.url.FunctionUrlHandler;
import io.connectdeployer.url.FunctionUrlResponse;

/**
 * Recognises the trigger and answers in its terms: a Function URL gets an HTTP response whatever happens; every
 * other trigger gets the result, or an error when a retry (Lambda's, then the dead-letter queue) could help.
 * The invocation's one deadline starts here, and everything below shares it.
 */
@ApplicationScoped
public class DeployService {

    private final DeploySettings settings;
    private final DeployRunner runner;
    private final FunctionUrlHandler functionUrl;
    private final Deadlines deadlines;

    DeployService(DeploySettings settings, DeployRunner runner, FunctionUrlHandler functionUrl, Deadlines deadlines) {
        this.settings = settings;
        this.runner = runner;
        this.functionUrl = functionUrl;
        this.deadlines = deadlines;
    }

    /** A {@link DeployResult}, or a {@link FunctionUrlResponse} for a Function URL request. */
    public Object deploy(JsonNode event) {
        Deadline deadline = deadlines.start();
        long started = System.nanoTime();
        EventShape shape;
        try {
            shape = EventShape.of(event);
        } catch (DeployerException unrecognised) {
            InvocationLog.failure(null, null, null, unrecognised, started);
            throw unrecognised;
        }
        if (shape == EventShape.FUNCTION_URL) {
            return functionUrl.handle(event, deadline);
        }
        Batch batch = Triggers.batch(shape, event, settings.s3Keys(), settings.github());
        DeployRunner.Run run = runner.run(batch, deadline);
        if (run.failures().isEmpty()) {
            return run.result();
        }
        if (batch.work().size() == 1) {
            throw run.failures().get(0);
        }
        // Several records: the ones that started must not be lost to an error, unless a retry could save the rest.
        boolean retryWouldHelp = run.failures().stream().anyMatch(DeployerException::retryable);
        if (retryWouldHelp || run.result().status() == DeployResult.Status.FAILED) {
            throw new DeploymentsFailedException(batch.names(), run.result());
        }
        return run.result();
    }
}
