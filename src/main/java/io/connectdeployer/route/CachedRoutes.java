package io.connectdeployer.route;

import java.time.Duration;
import java.util.Map;
import java.util.function.LongSupplier;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.connectdeployer.deadline.Deadline;
import io.connectdeployer.deadline.DeadlineExceededException;
import io.connectdeployer.deploy.DeployDefaults;

/**
 * The routing table read from SSM once and kept for DEPLOY_ROUTES_TTL, like the secrets, so a warm function makes no
 * remote read per event. The first {@link #load} must succeed (a bad table fails the init phase); after that, a
 * refresh that fails (throttled, denied, an invalid route) keeps the last good table, says so in the log, and is
 * tried again a TTL later rather than on every event.
 */
public final class CachedRoutes implements Routes {

    private static final Logger LOG = Logger.getLogger(CachedRoutes.class);

    private final String path;
    private final Duration ttl;
    private final RouteReader reader;
    private final DeployDefaults global;
    private final ObjectMapper mapper;
    private final LongSupplier nanoClock;
    private volatile Loaded loaded;

    public CachedRoutes(String path, Duration ttl, RouteReader reader, DeployDefaults global, ObjectMapper mapper,
            LongSupplier nanoClock) {
        this.path = path;
        this.ttl = ttl;
        this.reader = reader;
        this.global = global;
        this.mapper = mapper;
        this.nanoClock = nanoClock;
    }

    /**
     * Reads and validates the table; at startup.
     *
     * @throws InvalidRoutesException naming each route and field that is wrong
     * @throws RoutesUnavailableException when SSM could not be read
     */
    public RouteTable load(Deadline deadline) {
        RouteTable table = read(deadline);
        loaded = new Loaded(table, nanoClock.getAsLong());
        LOG.infof("routes: %d loaded from %s (%s)", table.size(), path, String.join(", ",
                table.routes().stream().map(r -> r.name() + "@" + r.priority()).toList()));
        return table;
    }

    @Override
    public RouteTable table(Deadline deadline) {
        Loaded current = loaded;
        if (current == null) {
            return load(deadline);
        }
        if (nanoClock.getAsLong() - current.readAtNanos() < ttl.toNanos()) {
            return current.table();
        }
        return refresh(current, deadline);
    }

    @Override
    public boolean configured() {
        return true;
    }

    private synchronized RouteTable refresh(Loaded stale, Deadline deadline) {
        if (loaded != stale) {
            return loaded.table(); // another thread refreshed it meanwhile
        }
        try {
            RouteTable table = read(deadline);
            loaded = new Loaded(table, nanoClock.getAsLong());
            return table;
        } catch (InvalidRoutesException | RoutesUnavailableException | DeadlineExceededException failed) {
            // Not the event's fault, and the last good table still answers: keep it, and try again a TTL later.
            loaded = new Loaded(stale.table(), nanoClock.getAsLong());
            LOG.warnf("routes: refresh from %s failed, keeping the last good table (%d routes) for another %s: %s", path,
                    stale.table().size(), ttl, failed.getMessage());
            return stale.table();
        }
    }

    private RouteTable read(Deadline deadline) {
        Map<String, String> parameters = reader.read(path, deadline);
        return RouteParser.parse(path, parameters, global, mapper);
    }

    private record Loaded(RouteTable table, long readAtNanos) {
    }
}
