package io.connectdeployer.route;

import static io.connectdeployer.route.Routing.batch;
import static io.connectdeployer.route.Routing.release;
import static io.connectdeployer.route.Routing.s3;
import static io.connectdeployer.route.Routing.schedule;
import static io.connectdeployer.route.Routing.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.connectdeployer.deploy.App;
import io.connectdeployer.trigger.Batch;
import io.connectdeployer.trigger.Work;

/** Which route takes a deployment: all named conditions hold, lowest priority first. */
class RouteTableTest {

    /** Three apps in one bucket, two repositories, a schedule per app, and a catch-all for custom events. */
    private static final RouteTable TABLE = table(
            "gateway", """
                    {"priority": 10, "match": {"source": ["s3", "eventbridge"], "bucket": "firmware-releases", "key_prefix": "gateway/"},
                     "flow_id": "f-gateway", "app": {"name": "gateway-fw"}}""",
            "sensor", """
                    {"priority": 20, "match": {"bucket": "firmware-releases", "key_pattern": "sensor/sensor-(?<version>[^/]+)\\\\.bin"},
                     "flow_id": "f-sensor", "app": {"name": "sensor-fw"}}""",
            "edge-agent", """
                    {"priority": 30, "match": {"source": "s3", "app": "edge-*"}, "flow_id": "f-edge"}""",
            "gateway-releases", """
                    {"priority": 40, "match": {"source": "github", "repository": "octo-org/gateway-*"}, "flow_id": "f-gateway"}""",
            "sensor-releases", """
                    {"priority": 41, "match": {"repository": "octo-org/sensor-firmware"}, "flow_id": "f-sensor"}""",
            "gateway-nightly", """
                    {"priority": 50, "match": {"source": "schedule", "schedule": "nightly-gateway"}, "flow_id": "f-gateway",
                     "app": {"name": "gateway-fw", "version": "stable"}}""",
            "ci", """
                    {"priority": 90, "match": {"eventbridge_source": "com.example.*", "detail_type": "Release Published"},
                     "flow_id": "f-ci"}""");

    @Test
    void should_route_three_apps_in_one_bucket_to_three_routes() {
        assertEquals("gateway", routeOf(s3("firmware-releases", "gateway/v1.4.2/gateway.bin")));
        assertEquals("sensor", routeOf(s3("firmware-releases", "sensor/sensor-3.1.0.bin")));
        assertEquals("edge-agent", routeOf(s3("other-bucket", "edge-agent/v2.0.0/agent.tar.gz")));
    }

    @Test
    void should_take_the_version_from_the_routes_own_key_pattern_and_drop_the_app_name_the_global_pattern_took() {
        // given: a key DEPLOY_S3_KEY_PATTERN's default does not match (no version folder); the route's own pattern does
        Batch batch = s3("firmware-releases", "sensor/sensor-3.1.0.bin");

        // when
        RouteTable.Routed routed = TABLE.first(batch.source(), (Work.Deploy) batch.work().get(0));

        // then
        assertEquals(new App(null, "3.1.0"), routed.work().event().event().app());
        assertEquals(new App("sensor-fw", null), routed.route().defaults().app());
    }

    @Test
    void should_route_two_repositories_through_one_webhook_to_two_routes() {
        assertEquals("gateway-releases", routeOf(release("octo-org/gateway-firmware", "v1.4.2")));
        assertEquals("sensor-releases", routeOf(release("octo-org/sensor-firmware", "v3.1.0")));
        assertNull(routeOf(release("octo-org/website", "v9")));
    }

    @Test
    void should_route_a_schedule_by_its_name() {
        assertEquals("gateway-nightly", routeOf(schedule("nightly-gateway")));
        assertNull(routeOf(schedule("nightly-sensor")));
    }

    @Test
    void should_route_a_custom_eventbridge_event_by_its_source_and_detail_type() {
        assertEquals("ci", routeOf(batch("events/eventbridge/custom-release.json")));
    }

    @Test
    void should_take_the_lowest_priority_when_several_routes_match() {
        // given: both match every S3 object; the one listed first has the higher number
        RouteTable table = table(
                "late", "{\"priority\": 5, \"match\": {\"source\": \"s3\"}, \"flow_id\": \"f-late\"}",
                "early", "{\"priority\": -1, \"flow_id\": \"f-early\"}");

        // then
        assertEquals(List.of("early", "late"), table.routes().stream().map(Route::name).toList());
        assertEquals("early", routeOf(table, s3("b", "a/v1/f.bin")));
    }

    @Test
    void should_match_nothing_when_one_named_condition_fails() {
        // given: bucket holds, prefix does not
        assertNull(routeOf(s3("firmware-releases", "docs/v1/readme.txt")));
        // source fails: a GitHub release is never an S3 route's, even with a matching app
        assertNull(routeOf(table("s3-only", "{\"priority\": 1, \"match\": {\"source\": \"s3\", \"app\": \"gateway-firmware\"}, \"flow_id\": \"f\"}"),
                release("octo-org/gateway-firmware", "v1")));
    }

    @Test
    void should_leave_a_key_the_global_pattern_does_not_match_to_routes_with_their_own_key_condition() {
        // given: "edge-agent" matches on app only; this key has no app the global pattern could take
        Batch batch = s3("other-bucket", "edge-agent.tar.gz");

        // then
        assertNull(routeOf(batch));
    }

    private static String routeOf(Batch batch) {
        return routeOf(TABLE, batch);
    }

    private static String routeOf(RouteTable table, Batch batch) {
        List<String> names = new ArrayList<>();
        for (Work work : batch.work()) {
            RouteTable.Routed routed = table.first(batch.source(), (Work.Deploy) work);
            names.add(routed == null ? null : routed.route().name());
        }
        assertEquals(1, names.size());
        return names.get(0);
    }
}
