package io.connectdeployer.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.connectdeployer.deadline.Deadline;
import io.connectdeployer.deploy.DeployDefaults;
import io.connectdeployer.route.CachedRoutes;
import io.connectdeployer.route.InvalidRoutesException;
import io.connectdeployer.route.Route;
import io.connectdeployer.route.RouteTable;
import io.connectdeployer.route.SsmRouteReader;
import io.connectdeployer.testing.SdkClients;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/** The routing table from a real SSM API (moto_server's): every page, SecureStrings decrypted, only the path's own parameters. */
class SsmRouteReaderIT {

    private static final Deadline DEADLINE = Deadline.after(Duration.ofMinutes(10), "the test's 10 minutes", System::nanoTime);
    private static final DeployDefaults GLOBAL = new DeployDefaults("Demo", List.of(), List.of(), null, null, Map.of(), null, false);

    private static MotoServer moto;
    private static SsmClient client;

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(MotoServer.installed(), "moto_server is not installed: SSM route reader check skipped");
        moto = MotoServer.start();
        client = SdkClients.at(SsmClient.builder(), moto.endpoint());
    }

    @AfterAll
    static void stop() {
        if (client != null) {
            client.close();
        }
        if (moto != null) {
            moto.close();
        }
    }

    @Test
    void should_read_fifty_routes_over_several_pages_and_nothing_below_or_beside_the_path() {
        // given: 50 routes (5 pages of 10), one SecureString, one parameter a level deeper, one on a sibling path
        for (int i = 0; i < 50; i++) {
            put("/fifty/routes/app-" + i, "{\"priority\": " + i + ", \"match\": {\"key_prefix\": \"app-" + i + "/\"}, \"flow_id\": \"f-" + i + "\"}",
                    i == 7 ? ParameterType.SECURE_STRING : ParameterType.STRING);
        }
        put("/fifty/routes/nested/deeper", "{}", ParameterType.STRING);
        put("/fifty/routes-old/app-0", "{}", ParameterType.STRING);

        // when
        Map<String, String> parameters = new SsmRouteReader(client).read("/fifty/routes", DEADLINE);
        RouteTable table = new CachedRoutes("/fifty/routes", Duration.ofMinutes(5), new SsmRouteReader(client), GLOBAL,
                new ObjectMapper(), System::nanoTime).load(DEADLINE);

        // then
        assertEquals(50, parameters.size());
        assertEquals("{\"priority\": 7, \"match\": {\"key_prefix\": \"app-7/\"}, \"flow_id\": \"f-7\"}", parameters.get("/fifty/routes/app-7"));
        assertEquals(50, table.size());
        assertEquals("f-7", table.routes().stream().filter(r -> r.name().equals("app-7")).map(r -> r.defaults().flowId()).findFirst().orElseThrow());
        assertEquals(List.of("app-0", "app-1", "app-2"), table.routes().stream().limit(3).map(Route::name).toList());
    }

    @Test
    void should_fail_the_first_load_naming_the_route_when_one_is_invalid() {
        // given
        put("/bad/routes/gateway", "{\"priority\": 1, \"flow_id\": \"f-1\"}", ParameterType.STRING);
        put("/bad/routes/sensor", "{\"priority\": 2, \"flowid\": \"f-2\"}", ParameterType.STRING);

        // when
        InvalidRoutesException invalid = assertThrows(InvalidRoutesException.class, () -> new CachedRoutes("/bad/routes",
                Duration.ofMinutes(5), new SsmRouteReader(client), GLOBAL, new ObjectMapper(), System::nanoTime).load(DEADLINE));

        // then
        assertEquals(List.of("route 'sensor' (/bad/routes/sensor): flowid: unknown key 'flowid'; did you mean 'flow_id'?",
                "route 'sensor' (/bad/routes/sensor): flow_id: missing after merging over the global defaults: set flow_id in the route or DEPLOY_FLOW_ID"),
                invalid.problems());
    }

    private static void put(String name, String value, ParameterType type) {
        client.putParameter(request -> request.name(name).value(value).type(type).overwrite(true));
    }
}
