package io.connectdeployer.connect;

import java.time.Duration;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import io.connectdeployer.deadline.Deadline;
import io.connectdeployer.deploy.DeployRequest;

/**
 * Learns whether a request Connect never answered started a deployment, by its marker in Connect's list of
 * deployments. Waits {@code settle} first, so a deployment still being written shows up; reads the list to its end
 * before calling a deployment absent; and calls anything it could not read to the end (a failed list call, an
 * unreadable page, no time) unknown, never absent. The {@code deploy_update} API has no list: there every lost
 * answer stays unknown.
 */
public final class Reconciler {

    /** The most the list gives per page (its documented maximum). */
    static final int PAGE_SIZE = 1000;
    private static final int MAX_PAGES = 10;

    private final ConnectClient client;
    private final ConnectBodies bodies;
    private final boolean canList;
    private final Duration settle;
    private final Duration callTimeout;
    private final Sleeper sleeper;

    /** @param callTimeout the longest one list call can take (connect plus read timeout) */
    public Reconciler(ConnectClient client, ConnectBodies bodies, ConnectDialect dialect, Duration settle, Duration callTimeout,
            Sleeper sleeper) {
        this.client = client;
        this.bodies = bodies;
        this.canList = dialect == ConnectDialect.DEPLOYMENTS;
        this.settle = settle;
        this.callTimeout = callTimeout;
        this.sleeper = sleeper;
    }

    /** What the lookup found. */
    public sealed interface Finding {

        /** Connect made it: {@code record} is its entry in the list. */
        record Found(JsonNode record) implements Finding {
        }

        /** Read to the end of the list after the settle time: not made, safe to send again. */
        record Absent() implements Finding {
        }

        /** Could not tell; {@code why} completes "the outcome is unknown because ...". */
        record Unknown(String why) implements Finding {
        }
    }

    public Finding find(DeployRequest request, String token, Deadline deadline) {
        if (!canList) {
            return new Finding.Unknown("the deploy_update API has no list of deployments to look it up in");
        }
        if (request.marker() == null) {
            return new Finding.Unknown("its event carries no key (such as idempotency_key), so it has no marker to look up");
        }
        if (!deadline.allows(settle.plus(callTimeout))) {
            return new Finding.Unknown("no time was left to look it up in Connect's list of deployments");
        }
        try {
            sleeper.sleep(settle);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return new Finding.Unknown("the wait before looking it up was interrupted");
        }
        String after = null;
        for (int page = 1; page <= MAX_PAGES; page++) {
            if (!deadline.allows(callTimeout)) {
                return new Finding.Unknown("no time was left to read page " + page + " of Connect's list of deployments");
            }
            Optional<DeploymentList> list;
            try {
                ConnectReply reply = client.listDeployments(request.project(), after, PAGE_SIZE, token);
                if (!reply.isSuccess()) {
                    return new Finding.Unknown("looking it up failed: Connect answered HTTP " + reply.status()
                            + " to GET /api/v2/" + request.project() + "/deployments (" + bodies.errorMessage(reply.body(), token) + ")");
                }
                list = DeploymentList.read(bodies.json(reply.body(), token), request.marker(), PAGE_SIZE);
            } catch (ConnectTransportException noAnswer) {
                return new Finding.Unknown("looking it up failed: " + noAnswer.getMessage());
            }
            if (list.isEmpty()) {
                return new Finding.Unknown("Connect's list of deployments held no list of records to look in");
            }
            if (list.get().match().isPresent()) {
                return new Finding.Found(list.get().match().get());
            }
            if (list.get().lastPage()) {
                return new Finding.Absent();
            }
            if (list.get().nextToken() == null) {
                return new Finding.Unknown("page " + page + " of Connect's list of deployments was full and gave no token for the next");
            }
            after = list.get().nextToken();
        }
        return new Finding.Unknown("it is not among the newest " + MAX_PAGES * PAGE_SIZE + " deployments and the list goes on");
    }
}
