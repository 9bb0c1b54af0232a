package io.connectdeployer.url;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import io.connectdeployer.config.DeploySettings;
import io.connectdeployer.deadline.Deadline;
import io.connectdeployer.function.DeployResult;
import io.connectdeployer.function.DeployResult.Deployment;
import io.connectdeployer.function.DeployResult.Status;
import io.connectdeployer.function.DeployRunner;
import io.connectdeployer.function.InvocationLog;
import io.connectdeployer.handoff.ReleaseHandOff;
import io.connectdeployer.trigger.Batch;
import io.connectdeployer.trigger.FunctionUrlRequest;
import io.connectdeployer.trigger.GitHubHandOffs;
import io.connectdeployer.trigger.GitHubReleases;
import io.connectdeployer.trigger.JsonBody;
import io.connectdeployer.trigger.RequestRejectedException;
import io.connectdeployer.trigger.Source;
import io.connectdeployer.trigger.Work;

/**
 * A GitHub webhook delivery, once its signature is verified: a release that deploys is handed to an asynchronous
 * invocation when GITHUB_HANDOFF_TARGET is set (GitHub waits 10 s and never redelivers on its own), else deployed
 * here; everything else is answered at once.
 */
@ApplicationScoped
public class GitHubWebhookHandler {

    private final DeployRunner runner;
    private final DeploySettings settings;
    private final ReleaseHandOff handOff;
    private final FunctionUrlResponses responses;
    private final Clock clock;
    private final ObjectReader bodyReader;

    public GitHubWebhookHandler(DeployRunner runner, DeploySettings settings, ReleaseHandOff handOff, FunctionUrlResponses responses,
            Clock clock, ObjectMapper mapper) {
        this.runner = runner;
        this.settings = settings;
        this.handOff = handOff;
        this.responses = responses;
        this.clock = clock;
        this.bodyReader = JsonBody.reader(mapper);
    }

    /** After the signature check: the body is GitHub's. */
    FunctionUrlResponse handle(FunctionUrlRequest request, String event, String delivery, Deadline deadline) {
        long started = System.nanoTime();
        if (!request.hasJsonContentType()) {
            throw new RequestRejectedException(400, "The webhook's content type must be application/json, not "
                    + request.header("content-type") + ": change it in the webhook's settings on GitHub");
        }
        if ("ping".equals(event)) {
            return responses.respond(200, Map.of(), new DeployResult(Status.IGNORED, Source.GITHUB, delivery, List.of(), null));
        }
        Instant received = clock.instant();
        JsonNode payload = request.json(bodyReader);
        Batch batch = GitHubReleases.from(event, delivery, payload, settings.github(), received);
        Work.Deploy deploy = handedOff(batch);
        if (deploy == null) {
            return responses.answer(runner.run(batch, deadline));
        }
        handOff.send(GitHubHandOffs.event(event, delivery, payload, received).toString().getBytes(StandardCharsets.UTF_8), deadline);
        // The caller is told what happens, the log also where: the target's account id stays out of GitHub's UI.
        String reason = "handed to an asynchronous invocation, which deploys it";
        InvocationLog.accepted(Source.GITHUB, delivery, reason + " (" + handOff.target().get() + ")", started);
        Deployment accepted = new Deployment(Status.ACCEPTED, delivery, null, null, deploy.event().event().app(), null, null,
                null, null, reason, null, null);
        return responses.respond(202, Map.of(), new DeployResult(Status.ACCEPTED, Source.GITHUB, delivery, List.of(accepted), null));
    }

    /** The release to hand off: only with a target, and only one that deploys; skips and invalid events answer here. */
    private Work.Deploy handedOff(Batch batch) {
        return handOff.target().isPresent() && batch.work().get(0) instanceof Work.Deploy deploy && deploy.event().problems().isEmpty()
                ? deploy : null;
    }
}
