package io.connectdeployer.function;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.connectdeployer.config.DeploySettings;
import io.connectdeployer.connect.ConnectDeployer;
import io.connectdeployer.connect.ConnectOutcome;
import io.connectdeployer.connect.ConnectOutcomeUnknownException;
import io.connectdeployer.deadline.Deadline;
import io.connectdeployer.deploy.DefaultTemplates;
import io.connectdeployer.deploy.DeployDefaults;
import io.connectdeployer.deploy.DeployPlanner;
import io.connectdeployer.deploy.DeployRequest;
import io.connectdeployer.deploy.DeploymentMarker;
import io.connectdeployer.deploy.InvalidDeployEventException;
import io.connectdeployer.error.DeployerException;
import io.connectdeployer.function.DeployResult.Deployment;
import io.connectdeployer.function.DeployResult.Status;
import io.connectdeployer.route.RouteTable;
import io.connectdeployer.route.Routes;
import io.connectdeployer.route.Unrouted;
import io.connectdeployer.trigger.Batch;
import io.connectdeployer.trigger.DedupeKeys;
import io.connectdeployer.trigger.Facts;
import io.connectdeployer.trigger.Work;

/**
 * Runs each item of a batch on its own: plan, then dry-run or deploy, then one log line. One item failing does
 * not stop the others; the caller decides what the failures mean for the invocation. All items share the
 * invocation's one deadline, so an item that finds it passed fails at once, without a call.
 */
@ApplicationScoped
public class DeployRunner {

    /** Stands for the token in dry-run output. */
    public static final String MASK = "***";

    private final DeploySettings settings;
    private final ConnectDeployer deployer;
    private final Deduplicator dedupe;
    private final Routes routes;

    DeployRunner(DeploySettings settings, ConnectDeployer deployer, Deduplicator dedupe, Routes routes) {
        this.settings = settings;
        this.deployer = deployer;
        this.dedupe = dedupe;
        this.routes = routes;
    }

    /** The result, and the failures behind its failed entries in the same order. */
    public record Run(DeployResult result, List<DeployerException> failures) {
    }

    public Run run(Batch batch, Deadline deadline) {
        List<Deployment> deployments = new ArrayList<>();
        List<DeployerException> failures = new ArrayList<>();
        // One table for the whole batch: the cached one unless its TTL has passed.
        RouteTable table = batch.work().stream().anyMatch(Work.Deploy.class::isInstance) ? routes.table(deadline) : RouteTable.EMPTY;
        for (Work work : batch.work()) {
            long started = System.nanoTime();
            if (work instanceof Work.Skip skip) {
                InvocationLog.ignored(batch.source(), skip.eventId(), skip.reason(), started);
                deployments.add(ignored(skip.eventId(), skip.reason()));
            } else if (work instanceof Work.Deploy deploy) {
                RouteTable.Routed routed = table.first(batch.source(), deploy);
                String route = routed == null ? null : routed.route().name();
                if (routed == null && deploy.facts().containsKey(Facts.UNMATCHED)) {
                    String reason = deploy.facts().get(Facts.UNMATCHED) + ", and no route with its own key_prefix or key_pattern matched";
                    InvocationLog.ignored(batch.source(), deploy.eventId(), reason, started);
                    deployments.add(ignored(deploy.eventId(), reason));
                    continue;
                }
                DeployRequest request = null;
                try {
                    request = plan(batch, routed == null ? deploy : routed.work(), routed);
                    deployments.add(deployOnce(batch, deploy, request, started, deadline));
                } catch (DeployerException failure) {
                    if (routed == null && failure instanceof InvalidDeployEventException incomplete
                            && Unrouted.ignorable(routes.configured(), batch.source(), deploy)) {
                        String reason = Unrouted.reason(table, incomplete);
                        InvocationLog.ignored(batch.source(), deploy.eventId(), reason, started);
                        deployments.add(ignored(deploy.eventId(), reason));
                        continue;
                    }
                    InvocationLog.failure(batch.source(), deploy.eventId(), request, route, failure, started);
                    failures.add(failure);
                    deployments.add(failed(deploy.eventId(), request, failure, route));
                }
            }
        }
        return new Run(new DeployResult(overall(deployments), batch.source(), batch.eventId(), deployments, null), failures);
    }

    /**
     * The planned request carries the marker of its key, dry runs too: a dry run shows the comment Connect would get.
     * A route's values are already merged over the global defaults (see {@link io.connectdeployer.route.RouteParser}).
     */
    private DeployRequest plan(Batch batch, Work.Deploy deploy, RouteTable.Routed routed) {
        DeployDefaults defaults = routed == null ? settings.defaults() : routed.route().defaults();
        DefaultTemplates templates = routed == null ? settings.templates() : routed.route().templates();
        return DeployPlanner.plan(deploy.event(), defaults.withFallback(deploy.fallback()), templates, deploy.values(),
                batch.source().json())
                .marked(DeploymentMarker.of(DedupeKeys.namespaced(settings.dedupeNamespace(), deploy.dedupeKey())))
                .routed(routed == null ? null : routed.route().name());
    }

    private static Deployment ignored(String eventId, String reason) {
        return new Deployment(Status.IGNORED, eventId, null, null, null, null, null, null, null, reason, null, null);
    }

    /**
     * Dry runs are never claimed: they must not turn the real deployment of the same event into a duplicate. Nor is
     * a deployment that no longer has the time for one call to Connect.
     */
    private Deployment deployOnce(Batch batch, Work.Deploy deploy, DeployRequest request, long started, Deadline deadline) {
        String key = request.dryRun() ? null : DedupeKeys.namespaced(settings.dedupeNamespace(), deploy.dedupeKey());
        if (!request.dryRun()) {
            deployer.checkTimeLeft(deadline);
        }
        Deduplicator.Ticket ticket = dedupe.claim(key, deadline);
        if (ticket.duplicate()) {
            InvocationLog.success("duplicate", batch.source(), deploy.eventId(), request, ticket.earlier().httpStatus(), 0, started);
            return duplicate(ticket.earlier());
        }
        Deployment deployment;
        try {
            deployment = execute(batch, deploy, request, started, deadline);
        } catch (ConnectOutcomeUnknownException unknown) {
            // Kept, not released: a retry that took the claim would send the request Connect may have acted on.
            dedupe.uncertain(ticket, unknown.getMessage(), deadline);
            throw unknown;
        } catch (RuntimeException failure) {
            // Ours or not: a bug must not leave the claim blocking every retry until it expires.
            dedupe.failed(ticket, deadline);
            throw failure;
        }
        dedupe.completed(ticket, deployment, deadline);
        return deployment;
    }

    private static Deployment duplicate(Deployment earlier) {
        return new Deployment(Status.DUPLICATE, earlier.eventId(), earlier.project(), earlier.flowId(), earlier.app(),
                earlier.httpStatus(), 0, earlier.connectResponse(), null, "already deployed by an earlier delivery of this event", null,
                earlier.route());
    }

    private Deployment execute(Batch batch, Work.Deploy deploy, DeployRequest request, long started, Deadline deadline) {
        if (request.dryRun()) {
            InvocationLog.success("dry_run", batch.source(), deploy.eventId(), request, null, 0, started);
            return new Deployment(Status.DRY_RUN, deploy.eventId(), request.project(), request.flowId(), request.app(),
                    null, 0, null, settings.dialect().payload(request, MASK), null, null, request.route());
        }
        ConnectOutcome outcome = deployer.deploy(request, deadline);
        InvocationLog.created(batch.source(), deploy.eventId(), request, outcome, started);
        return new Deployment(Status.CREATED, deploy.eventId(), request.project(), request.flowId(), request.app(),
                outcome.httpStatus(), outcome.attempts(), outcome.response(), null, outcome.note(), null, request.route());
    }

    private static Deployment failed(String eventId, DeployRequest request, DeployerException failure, String route) {
        Status status = failure instanceof ConnectOutcomeUnknownException ? Status.UNCERTAIN : Status.FAILED;
        return new Deployment(status, eventId, request == null ? null : request.project(),
                request == null ? null : request.flowId(), request == null ? null : request.app(),
                null, failure.attempts() > 0 ? failure.attempts() : null, null, null, null, error(failure), route);
    }

    public static DeployResult.Error error(DeployerException failure) {
        return new DeployResult.Error(failure.getClass().getSimpleName(), failure.getMessage(),
                failure instanceof InvalidDeployEventException invalid ? invalid.problems() : List.of());
    }

    /**
     * Ignored entries do not count against success; a mix of started and failed (or uncertain) is {@code partial};
     * nothing started and something uncertain is {@code uncertain}.
     */
    private static Status overall(List<Deployment> deployments) {
        boolean uncertain = deployments.stream().anyMatch(d -> d.status() == Status.UNCERTAIN);
        boolean failed = uncertain || deployments.stream().anyMatch(d -> d.status() == Status.FAILED);
        boolean created = deployments.stream().anyMatch(d -> d.status() == Status.CREATED);
        boolean duplicate = deployments.stream().anyMatch(d -> d.status() == Status.DUPLICATE);
        boolean dryRun = deployments.stream().anyMatch(d -> d.status() == Status.DRY_RUN);
        if (failed) {
            if (created || dryRun || duplicate) {
                return Status.PARTIAL;
            }
            return uncertain ? Status.UNCERTAIN : Status.FAILED;
        }
        if (created) {
            return Status.CREATED;
        }
        return duplicate ? Status.DUPLICATE : dryRun ? Status.DRY_RUN : Status.IGNORED;
    }
}
