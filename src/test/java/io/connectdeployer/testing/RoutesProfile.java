package io.connectdeployer.testing;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One function, many apps: a routing table in SSM (WireMock's GetParametersByPath) with three apps in one bucket,
 * two repositories behind one GitHub webhook, a schedule per app and a route for direct calls. The global defaults
 * name a project but no flow, so only a route can complete an S3 object or a release.
 */
public class RoutesProfile extends OwnStandInsProfile {

    public static final String PATH = "/connect-deployer/routes";

    @Override
    protected Class<StandIns> standIns() {
        return StandIns.class;
    }

    /** The routing table: parameter name to value. */
    public static Map<String, String> routes() {
        Map<String, String> routes = new LinkedHashMap<>();
        routes.put(PATH + "/gateway", """
                {"priority": 10, "match": {"source": "s3", "bucket": "firmware-releases", "key_prefix": "gateway/"},
                 "flow_id": "f-gateway", "groups": ["gateways"]}""");
        routes.put(PATH + "/sensor", """
                {"priority": 20, "match": {"bucket": "firmware-releases", "key_pattern": "sensor/sensor-(?<version>[^/]+)\\\\.bin"},
                 "flow_id": "f-sensor", "app": {"name": "sensor-fw"}, "parameters": {"channel": "beta"}}""");
        routes.put(PATH + "/edge-agent", """
                {"priority": 30, "match": {"source": "s3", "bucket": "firmware-releases", "app": "edge-*"},
                 "flow_id": "f-edge", "filters": [{"type": "tag", "operand": "is", "value": "edge"}]}""");
        routes.put(PATH + "/gateway-releases", """
                {"priority": 40, "match": {"source": "github", "repository": "octo-org/gateway-firmware"}, "flow_id": "f-gateway-gh"}""");
        routes.put(PATH + "/sensor-releases", """
                {"priority": 41, "match": {"source": "github", "repository": "octo-org/sensor-*"}, "flow_id": "f-sensor",
                 "app": {"name": "sensor-fw"}}""");
        routes.put(PATH + "/gateway-nightly", """
                {"priority": 50, "match": {"source": "schedule", "schedule": "nightly-gateway"}, "flow_id": "f-gateway",
                 "app": {"name": "gateway-fw", "version": "stable"}}""");
        routes.put(PATH + "/sensor-nightly", """
                {"priority": 51, "match": {"source": "schedule", "schedule": "nightly-sensor"}, "flow_id": "f-sensor",
                 "app": {"name": "sensor-fw", "version": "stable"}, "comment": "nightly ${app} ${version}"}""");
        routes.put(PATH + "/manual", """
                {"priority": 99, "match": {"source": ["direct", "http"]}, "flow_id": "f-manual"}""");
        return routes;
    }

    /** {@link WireMockStandIns} plus the routing table in SSM. */
    public static class StandIns extends WireMockStandIns {

        @Override
        public Map<String, String> start() {
            Map<String, String> config = new HashMap<>(super.start());
            server().stubFor(SsmStubs.getParametersByPath(PATH).willReturn(SsmStubs.parameters(routes())));
            System.setProperty("aws.endpointUrlSsm", server().baseUrl());
            config.put("aws.endpointUrlSsm", server().baseUrl());
            config.put("deploy.project", "Demo");
            config.put("deploy.routes-path", PATH);
            config.put("github.webhook-secret-id", WEBHOOK_SECRET_ID);
            config.put("http.bearer-secret-id", BEARER_SECRET_ID);
            return config;
        }
    }
}
