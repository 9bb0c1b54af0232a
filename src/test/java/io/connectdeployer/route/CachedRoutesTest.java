package io.connectdeployer.route;

import static io.connectdeployer.route.Routing.GLOBAL;
import static io.connectdeployer.route.Routing.MAPPER;
import static io.connectdeployer.route.Routing.PATH;
import static io.connectdeployer.route.Routing.parameters;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import io.connectdeployer.testing.FakeNanoClock;
import io.connectdeployer.testing.TestDeadlines;

/** The table is read once per TTL; a failed refresh keeps the last good one; a failed first load fails. */
class CachedRoutesTest {

    private static final Duration TTL = Duration.ofMinutes(5);
    private static final Map<String, String> ONE = parameters("gateway", "{\"priority\": 1, \"flow_id\": \"f-1\"}");
    private static final Map<String, String> TWO = parameters("gateway", "{\"priority\": 1, \"flow_id\": \"f-1\"}",
            "sensor", "{\"priority\": 2, \"flow_id\": \"f-2\"}");

    private final FakeNanoClock clock = new FakeNanoClock();
    private final ScriptedReader reader = new ScriptedReader();
    private final CachedRoutes routes = new CachedRoutes(PATH, TTL, reader, GLOBAL, MAPPER, clock);

    @Test
    void should_read_once_while_the_table_is_fresh() {
        // given
        reader.answers(() -> ONE);
        RouteTable loaded = routes.load(TestDeadlines.ample());

        // when
        clock.advance(TTL.minusSeconds(1));
        RouteTable cached = routes.table(TestDeadlines.ample());

        // then
        assertSame(loaded, cached);
        assertEquals(1, reader.reads);
    }

    @Test
    void should_read_again_after_the_ttl() {
        // given
        reader.answers(() -> ONE, () -> TWO);
        routes.load(TestDeadlines.ample());

        // when
        clock.advance(TTL);
        RouteTable refreshed = routes.table(TestDeadlines.ample());

        // then
        assertEquals(2, refreshed.size());
        assertEquals(2, reader.reads);
    }

    @Test
    void should_keep_the_last_good_table_when_a_refresh_reads_an_invalid_route_and_retry_only_a_ttl_later() {
        // given
        reader.answers(() -> ONE, () -> parameters("gateway", "{\"priority\": \"first\"}"), () -> TWO);
        RouteTable loaded = routes.load(TestDeadlines.ample());

        // when
        clock.advance(TTL);
        RouteTable afterFailure = routes.table(TestDeadlines.ample());
        clock.advance(TTL.minusSeconds(1));
        RouteTable stillKept = routes.table(TestDeadlines.ample());
        clock.advance(Duration.ofSeconds(1));
        RouteTable refreshed = routes.table(TestDeadlines.ample());

        // then
        assertSame(loaded, afterFailure);
        assertSame(loaded, stillKept);
        assertEquals(2, refreshed.size());
        assertEquals(3, reader.reads);
    }

    @Test
    void should_keep_the_last_good_table_when_ssm_throttles_a_refresh() {
        // given
        reader.answers(() -> ONE, () -> {
            throw new RoutesUnavailableException("SSM answered ThrottlingException", null);
        });
        RouteTable loaded = routes.load(TestDeadlines.ample());

        // when
        clock.advance(TTL);

        // then
        assertSame(loaded, routes.table(TestDeadlines.ample()));
        assertEquals(2, reader.reads);
    }

    @Test
    void should_fail_the_first_load_when_a_route_is_invalid() {
        // given
        reader.answers(() -> parameters("gateway", "{\"priority\": 1}"));

        // then
        InvalidRoutesException invalid = assertThrows(InvalidRoutesException.class, () -> routes.load(TestDeadlines.ample()));
        assertEquals("Invalid routes under DEPLOY_ROUTES_PATH " + PATH + "/: route 'gateway' (" + PATH + "/gateway): flow_id: "
                + "missing after merging over the global defaults: set flow_id in the route or DEPLOY_FLOW_ID", invalid.getMessage());
    }

    /** Answers each read with the next script entry. */
    private static final class ScriptedReader implements RouteReader {

        private final Deque<Supplier<Map<String, String>>> script = new ArrayDeque<>();
        int reads;

        @SafeVarargs
        final void answers(Supplier<Map<String, String>>... answers) {
            script.addAll(java.util.List.of(answers));
        }

        @Override
        public Map<String, String> read(String path, io.connectdeployer.deadline.Deadline deadline) {
            reads++;
            assertEquals(PATH, path);
            return script.removeFirst().get();
        }
    }
}
